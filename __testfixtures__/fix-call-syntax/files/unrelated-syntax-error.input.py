import logging

logger = logging.getLogger(__name__)


def report(name):
    logger.error(
        f"{name} failed",
        exc_info=True
    , exc_info=True)


def total(values)
    return sum(values)
