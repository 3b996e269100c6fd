import logging

logger = logging.getLogger(__name__)


def report(name, count):
    logger.info("report %s has %d rows",
                name,
                count)
    logger.error("report %s failed",
                 name,
                 exc_info=True)
