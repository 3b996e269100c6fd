from . import helpers
from ..common.util import lock
from ..common.util.lock import acquire
from ..common import util


def main():
    from ..common.util import lock as lazy_lock
    return lock.acquire(), acquire(), lazy_lock, util, helpers.VALUE
