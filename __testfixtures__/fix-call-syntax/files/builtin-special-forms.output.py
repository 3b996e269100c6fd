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


def every_form(items, e, pending):
    logger.error("%s", bool(items))
    logger.error("%s", bytes(3), bytearray(3))
    logger.error("%s", dir(e), vars(e))
    logger.error("%s", list(filter(None, items)), list(map(str, items)))
    logger.error("%s", frozenset(items), slice(3))
    logger.error("%s", next(iter(items)))
    logger.error("%s", anext(pending))
    return classmethod(len), staticmethod(len), super(type(e), e)


def missing(kind):
    if kind == "name":
        raise NameError("gone", name=kind)
    if kind == "import":
        raise ImportError("gone", path=kind)
    raise KeyError(kind)
