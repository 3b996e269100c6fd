"""Already-correct calls: nothing here may change."""
import logging

logger = logging.getLogger(__name__)


def run(job, *args, **kwargs):
    try:
        return job(*args, **kwargs)
    except Exception:
        logger.error("job %s failed", job.__name__, exc_info=True)
        logger.error(
            "job %s failed",
            job.__name__,
            exc_info=True,
        )
        logger.error("job %s failed",
                     job.__name__,
                     exc_info=True)
        print("done", sep=", ", end="\n")
        return dict(exc_info=True, stack_info=False)


def describe(rows):
    return f"{len(rows)} rows, exc_info=True"  # not injected: no --keyword given
