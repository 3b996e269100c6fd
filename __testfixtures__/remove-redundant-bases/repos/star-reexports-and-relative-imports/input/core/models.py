from .mixins import TimestampMixin


class Record(TimestampMixin):
    pass
