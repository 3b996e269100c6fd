import logging

logger = logging.getLogger(__name__)


class Settings:
    pass


def report(items, name, e):
    logger.error("types: %s", type(e))
    logger.error("largest: %s", max(items, key=len))
    logger.error("smallest: %s", min(items, default=None))
    logger.error("ids: %s", list(range(3)))
    logger.error("count: %s", int("10", base=2))
    logger.error("text: %s", str(name))
    logger.error("pairs: %s", list(zip(items, items, strict=True)))
    logger.error("unique: %s", set(items), exc_info=True)
    logger.error("%s", "{} failed".count("f"))
    logger.error("%s", getattr(e, "args"))
    raise AttributeError("missing", name=name)


def build(name):
    Made = type(name, (Settings,), {}, exc_info=True)
    return Made, dict(name=name, exc_info=True), "{n}".format(n=name, exc_info=True)


def rethrow(e):
    raise ModuleNotFoundError(str(e), name="pkg") from e
