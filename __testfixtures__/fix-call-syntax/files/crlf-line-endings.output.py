import logging

logger = logging.getLogger(__name__)


def report(name):
    logger.error(
        f"{name} failed",
        exc_info=True
    )
