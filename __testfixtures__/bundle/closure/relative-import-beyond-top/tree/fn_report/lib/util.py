# lib is a top-level package: `..` climbs above it, `.` is lib itself
from ..helpers import fmt
from . import sibling


def run():
    return fmt(sibling.VALUE)
