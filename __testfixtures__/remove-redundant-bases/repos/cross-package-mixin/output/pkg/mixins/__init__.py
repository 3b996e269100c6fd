from .backfill import BackfillMixin
from .skip import SmartSkipMixin
