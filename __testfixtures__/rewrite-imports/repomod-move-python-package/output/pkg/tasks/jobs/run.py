from pkg.util import lock
from . import helpers
