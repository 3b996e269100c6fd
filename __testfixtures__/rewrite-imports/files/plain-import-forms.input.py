import pipeline.common.util.lock
import pipeline.common.util.lock as lock_mod
import os, pipeline.common.util.retry
import pipeline.common.utilities


def run():
    pipeline.common.util.lock.acquire("x")
    return pipeline.common.util.retry.backoff(pipeline.common.utilities.VALUE)
