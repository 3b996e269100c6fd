"""Fails at import: Cannot create a consistent method resolution order."""
from pkg.base import ProcessorBase as Base
from pkg.mixins import BackfillMixin as Backfill, SmartSkipMixin


class DailyCacheProcessor(SmartSkipMixin, Backfill, Base):
    def process(self, day):
        return f"cached {day}"
