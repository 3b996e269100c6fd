import logging

log = logging.getLogger(__name__)


def publish(send):
    try:
        send()
    except Exception as e:
        log.error(f"publish failed: {type(e).__name__}: {e}")
        return False
    return True
