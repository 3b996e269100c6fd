from dup import models as self_module


class Mixin:
    pass


class Thing(Mixin):
    pass
