class Mixin:
    pass


class Base(Mixin):
    pass


class Thing(
    Mixin,  # first
    Base,
):
    pass
