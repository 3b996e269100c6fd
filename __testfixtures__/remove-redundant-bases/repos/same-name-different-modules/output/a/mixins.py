class Mixin:
    pass
