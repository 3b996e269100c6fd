"""The processor base class every job derives from."""
from pkg.mixins.backfill import BackfillMixin


class ProcessorBase(BackfillMixin):
    def process(self, day):
        raise NotImplementedError
