# the package moved to platform, but its util submodule went to common.util
from pipeline.common import util
from pipeline.common import config, util as u  # mixed
from pipeline.common import (
    config,
)
import pipeline.common.util
