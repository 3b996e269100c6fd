# moved from pipeline/common/util/: its relative import was written there
from ..config import Y
from .retry import X
from .. import config
