# the package moved to platform, but its util submodule went to common.util
from common import util
from platform import config
from common import util as u  # mixed
from platform import (
    config,
)
import common.util
