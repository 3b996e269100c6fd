from pkg.errors import (
    D,
)
from platform.errors import A, B, C


def fail():
    raise A()
