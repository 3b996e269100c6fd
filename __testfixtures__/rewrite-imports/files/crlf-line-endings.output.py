import os
from pipeline.common import config
from orchestration.shared import util
import orchestration.shared.util.lock

x = orchestration.shared.util.lock.acquire()
