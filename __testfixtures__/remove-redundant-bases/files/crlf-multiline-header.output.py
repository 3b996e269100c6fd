class Mixin:
    pass


class Base(Mixin):
    pass


class Thing(
    Base,
):
    pass
