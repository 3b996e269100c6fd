# pkg.sub: `..` is pkg, which CPython resolves
from pkg.helpers import f
