# always lived here: its relative import already works
from ..settings import X
from . import lock
