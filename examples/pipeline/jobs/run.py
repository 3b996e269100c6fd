"""Nightly export job."""
import logging
from typing import TYPE_CHECKING

from pipeline.common.util.lock import acquire, release  # moved to common.util
from pipeline.common.util import (
    retry,  # backoff for flaky exports
)
import pipeline.common.util.lock

if TYPE_CHECKING:
    from pipeline.common.util.retry import with_backoff

logger = logging.getLogger("pipeline.jobs.run")


def run_export(name: str) -> None:
    if not acquire(name):
        logger.info("export %s already running", name)
        return
    try:
        retry.with_backoff(lambda: export(name))
    except Exception:
        # only runs on the error path: the import nobody's regex saw
        from pipeline.common.util.lock import release as force_release
        force_release(name)
        raise
    finally:
        pipeline.common.util.lock.release(name)


def export(name: str) -> None:
    logger.info("exporting %s", name)
