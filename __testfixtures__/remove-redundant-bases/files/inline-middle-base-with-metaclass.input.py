import abc


class Mixin:
    pass


class Base(Mixin, metaclass=abc.ABCMeta):
    pass


class Thing(abc.ABC, Mixin, Base, metaclass=abc.ABCMeta):
    pass
