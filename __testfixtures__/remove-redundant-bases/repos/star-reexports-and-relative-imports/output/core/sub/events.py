import core.models as m
import core


class Event(m.Record):
    pass


class Audit(core.Record):
    pass


def build():
    from ..models import Record

    class Local(Record):
        pass

    return Local
