class Mixin:
    pass


class Base(Mixin):
    pass


class Thing(Mixin, Base):
    def run(self:
        pass
