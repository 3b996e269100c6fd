import logging

logger = logging.getLogger(__name__)


def build(name, hooks):
    try:
        hooks.build_editable(name)
    except KeyError as e:
        logger.error(
            "Cannot build editable %s because the backend does not have the %s hook",
            name,
            e,
        , exc_info=True)
    except Exception:
        logger.error(
            "Failed building editable for %s",
            name,
            exc_info=True,
        , exc_info=True)
