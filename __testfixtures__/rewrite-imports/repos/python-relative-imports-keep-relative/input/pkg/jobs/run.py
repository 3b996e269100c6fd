from . import helpers
from ..util import lock
from ..util.lock import acquire
from .. import util


def main():
    from ..util import lock as lazy_lock
    return lock.acquire(), acquire(), lazy_lock, util, helpers.VALUE
