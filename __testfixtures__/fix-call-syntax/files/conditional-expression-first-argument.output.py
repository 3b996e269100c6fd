import logging

logger = logging.getLogger(__name__)


def is_quota_error(error):
    return "quota" in str(error).lower()


def handle(e, retries):
    logger.error("quota exceeded" if is_quota_error(e) else "request failed", exc_info=True)
    logger.warning(
        "giving up" if retries > 3 else "retrying",
        exc_info=True
    )
