import common.util.lock
import common.util.lock as lock_mod
import os, common.util.retry
import pipeline.common.utilities


def run():
    common.util.lock.acquire("x")
    return common.util.retry.backoff(pipeline.common.utilities.VALUE)
