"""Publishes finished exports; its logging calls went through a bad bulk edit."""
import logging

from services.publisher.quota import is_quota_error

logger = logging.getLogger(__name__)


def publish(name, payload, client):
    try:
        client.post(name, payload)
    except Exception as e:
        logger.error(
            f"publish failed: {e}",
            exc_info=True
        , exc_info=True, exc_info=True)
        kind = type(e).__name__
        logger.error("retry failed" if is_quota_error(e, exc_info=True, exc_info=True) else "failed")
        logger.error(f"failed ({kind}, exc_info=True, exc_info=True)")
        logger.error(
            f"{name} failed"
        , exc_info=True)
        raise
