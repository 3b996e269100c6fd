from pkg.errors import (
    A,
    B,
    C,
    D,
)


def fail():
    raise A()
