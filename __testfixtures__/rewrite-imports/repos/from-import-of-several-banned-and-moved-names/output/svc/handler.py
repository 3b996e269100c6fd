import os
from platform.errors import A, B, C

print(os.sep, A, B, C)
