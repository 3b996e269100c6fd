import os
from common.utils.lock import X


def later():
    return __import__("common.utils.lock")
