import structlog
import sentry_sdk

from app.notify import alert, notify

log = structlog.get_logger()
HANDLERS = {"alert": alert}


def work(job, kind):
    try:
        job.run()
    except Exception as e:
        notify(f"job {job.id} failed", exc_info=True)
        alert(f"job {job.id} failed", exc_info=True)
        sentry_sdk.capture_exception(e, exc_info=True)
        log.error("job failed", job=job.id, exc_info=True)
        HANDLERS[kind](str(e), exc_info=True)
        handler = HANDLERS.get(kind)
        handler(str(e), exc_info=True)
