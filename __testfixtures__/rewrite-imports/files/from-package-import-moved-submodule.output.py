from orchestration.shared import util
from orchestration.shared import util as helpers
from pipeline.common import config
from orchestration.shared import util
from pipeline.common import (
    config,  # stays
)
from orchestration.shared import util
from orchestration.shared.util import lock


def lazy():
    from pipeline.common import other
    from orchestration.shared import util as u
    return u, other
