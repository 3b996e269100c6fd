from a.base import Base
from b.mixins import Mixin


class Thing(Mixin, Base):
    """b.mixins.Mixin is not a.mixins.Mixin: nothing is redundant."""
