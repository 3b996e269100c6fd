# pkg.sub: `..` is pkg, which CPython resolves
from ..util import f
