import os
from pkg.errors import A, B, C

print(os.sep, A, B, C)
