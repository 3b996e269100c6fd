from pipeline.common import util
from pipeline.common import util as u
import pipeline.common.util

util.lock()
pipeline.common.util.lock()
