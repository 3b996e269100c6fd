# moved from pipeline/common/util/: its relative import was written there
from pipeline.common.config import Y
from .retry import X
from pipeline.common import config
