"""Daily cache processor: fails at import with 'Cannot create a consistent method resolution order'."""
from processors import mixins as mx
from processors.base import ProcessorBase


class DailyCacheProcessor(mx.SmartSkipMixin, mx.BackfillMixin, ProcessorBase):
    def process(self, day):
        return f"cached {day}"
