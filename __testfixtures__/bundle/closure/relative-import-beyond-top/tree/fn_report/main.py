# main.py is the top of the deployed package: CPython refuses its relative imports
from . import helpers
from .helpers import fmt
from lib import util


def handler(request):
    return fmt(util.run())
