from pkg.util import lock
from . import helpers


def main():
    return lock() + helpers.X
