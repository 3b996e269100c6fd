# `..` from pkg (the top-level package) climbs above it: CPython raises ImportError
from ..config import x
from .util import f
