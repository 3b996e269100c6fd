from pipeline.common import util
from pipeline.common import util as helpers
from pipeline.common import util, config
from pipeline.common import (
    config,  # stays
    util,
)
from pipeline.common.util import lock


def lazy():
    from pipeline.common import other, util as u
    return u, other
