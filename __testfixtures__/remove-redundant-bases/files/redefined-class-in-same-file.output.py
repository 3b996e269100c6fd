class Base:
    pass


class Mixin:
    pass


class Base(Mixin):  # the name now means this class
    pass


class Thing(Base):
    pass
