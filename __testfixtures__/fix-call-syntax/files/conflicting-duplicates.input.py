import logging

logger = logging.getLogger(__name__)


def upload(path):
    try:
        open(path).read()
    except OSError:
        logger.error(
            "cannot read %s",
            path,
            exc_info=True
        , exc_info=False)
