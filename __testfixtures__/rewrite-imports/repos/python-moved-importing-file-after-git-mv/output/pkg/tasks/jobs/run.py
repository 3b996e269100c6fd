from pkg.util import lock
from . import helpers
from .helpers import X
