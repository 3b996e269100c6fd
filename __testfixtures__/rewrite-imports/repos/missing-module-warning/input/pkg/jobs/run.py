import os
from pipeline.common.util.lock import X


def later():
    return __import__("pipeline.common.util.lock")
