import logging

logger = logging.getLogger(__name__)


def report(name, error):
    logger.error(
        f"{name} failed",
        exc_info=True,
    )
    logger.info(
        "report %s done",
        name,
    )
