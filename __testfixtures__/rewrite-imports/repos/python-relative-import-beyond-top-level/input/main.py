# a top-level module has no package: any relative import raises ImportError
from . import config
from .pkg.util import f
from pkg.util import f as g
