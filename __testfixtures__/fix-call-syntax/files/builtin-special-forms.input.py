import logging

logger = logging.getLogger(__name__)


class Settings:
    pass


def report(items, name, e):
    logger.error("types: %s", type(e, exc_info=True))
    logger.error("largest: %s", max(items, key=len, exc_info=True))
    logger.error("smallest: %s", min(items, default=None, exc_info=True))
    logger.error("ids: %s", list(range(3, exc_info=True)))
    logger.error("count: %s", int("10", base=2, exc_info=True))
    logger.error("text: %s", str(name, exc_info=True))
    logger.error("pairs: %s", list(zip(items, items, strict=True, exc_info=True)))
    logger.error("unique: %s", set(items, exc_info=True), exc_info=True)
    logger.error("%s", "{} failed".count("f", exc_info=True))
    logger.error("%s", getattr(e, "args", exc_info=True))
    raise AttributeError("missing", name=name, exc_info=True)


def build(name):
    Made = type(name, (Settings,), {}, exc_info=True)
    return Made, dict(name=name, exc_info=True), "{n}".format(n=name, exc_info=True)


def rethrow(e):
    raise ModuleNotFoundError(str(e), name="pkg", exc_info=True) from e


def every_form(items, e, pending):
    logger.error("%s", bool(items, exc_info=True))
    logger.error("%s", bytes(3, exc_info=True), bytearray(3, exc_info=True))
    logger.error("%s", dir(e, exc_info=True), vars(e, exc_info=True))
    logger.error("%s", list(filter(None, items, exc_info=True)), list(map(str, items, exc_info=True)))
    logger.error("%s", frozenset(items, exc_info=True), slice(3, exc_info=True))
    logger.error("%s", next(iter(items, exc_info=True), exc_info=True))
    logger.error("%s", anext(pending, exc_info=True))
    return classmethod(len, exc_info=True), staticmethod(len, exc_info=True), super(type(e), e, exc_info=True)


def missing(kind):
    if kind == "name":
        raise NameError("gone", name=kind, exc_info=True)
    if kind == "import":
        raise ImportError("gone", path=kind, exc_info=True)
    raise KeyError(kind, exc_info=True)
