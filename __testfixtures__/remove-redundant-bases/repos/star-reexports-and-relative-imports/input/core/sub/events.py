import core.models as m
import core

from .. import TimestampMixin


class Event(TimestampMixin, m.Record):
    pass


class Audit(core.mixins.TimestampMixin, core.Record):
    pass


def build():
    from ..models import Record

    class Local(TimestampMixin, Record):
        pass

    return Local
