__all__ = ["TimestampMixin"]


class TimestampMixin:
    pass


class _Private:
    pass
