"""Retry helpers."""
import time


def with_backoff(fn, attempts=3, base=0.5):
    for attempt in range(attempts):
        try:
            return fn()
        except Exception:
            if attempt == attempts - 1:
                raise
            time.sleep(base * 2 ** attempt)
