import logging

log = logging.getLogger(__name__)


def publish(send):
    try:
        send()
    except Exception as e:
        log.error(f"publish failed: {type(e, exc_info=True).__name__}: {e}")
        return False
    return True
