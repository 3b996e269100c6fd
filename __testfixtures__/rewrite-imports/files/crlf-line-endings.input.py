import os
from pipeline.common import util, config
import pipeline.common.util.lock

x = pipeline.common.util.lock.acquire()
