from common.util.lock import (
    acquire,  # the lock itself
    release as free,
    # more to come
)
from common.util import \
    retry, backoff
from common.util.lock import *
