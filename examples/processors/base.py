"""The processor base class every job derives from."""
from processors.mixins import BackfillMixin


class ProcessorBase(BackfillMixin):
    def process(self, day):
        raise NotImplementedError
