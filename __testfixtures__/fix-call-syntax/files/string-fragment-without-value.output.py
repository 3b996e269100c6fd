import logging

logger = logging.getLogger(__name__)


def report(kind):
    logger.error(f"failed ({kind}, exc_info=True)")
