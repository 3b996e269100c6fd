from . import helpers
from pkg.common.util import lock
from pkg.common.util.lock import acquire
from pkg.common import util


def main():
    from pkg.common.util import lock as lazy_lock
    return lock.acquire(), acquire(), lazy_lock, util, helpers.VALUE
