import logging

logger = logging.getLogger(__name__)


def report(name, error):
    logger.error("report %s failed: %s", exc_info=True, name, error)
