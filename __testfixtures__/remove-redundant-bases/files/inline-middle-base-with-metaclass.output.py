import abc


class Mixin:
    pass


class Base(Mixin, metaclass=abc.ABCMeta):
    pass


class Thing(abc.ABC, Base, metaclass=abc.ABCMeta):
    pass
