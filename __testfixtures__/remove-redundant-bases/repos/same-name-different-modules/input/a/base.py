from a.mixins import Mixin


class Base(Mixin):
    pass
