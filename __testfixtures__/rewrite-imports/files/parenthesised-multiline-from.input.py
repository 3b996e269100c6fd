from pipeline.common.util.lock import (
    acquire,  # the lock itself
    release as free,
    # more to come
)
from pipeline.common.util import \
    retry, backoff
from pipeline.common.util.lock import *
