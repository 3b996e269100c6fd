"""Helpers that used to live in pipeline.common.util."""
# see pipeline.common.util.lock for details
import pipeline.common.utility
from pipeline.common.utilx import thing

MESSAGE = "pipeline.common.util.lock is gone"
pipeline_common_util = 1


def f():
    """Calls pipeline.common.util.lock.acquire."""
    return "pipeline.common.util"
