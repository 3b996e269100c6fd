from ..util import lock
from . import helpers
