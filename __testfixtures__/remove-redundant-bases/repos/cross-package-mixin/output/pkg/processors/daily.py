"""Fails at import: Cannot create a consistent method resolution order."""
from pkg.base import ProcessorBase as Base
from pkg.mixins import SmartSkipMixin


class DailyCacheProcessor(SmartSkipMixin, Base):
    def process(self, day):
        return f"cached {day}"
