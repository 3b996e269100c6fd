"""Distributed locks backed by the job store."""
import threading

_client = None
_local = threading.local()


def acquire(name: str, timeout: float = 30.0) -> bool:
    """Take the lock called ``name``; False when another worker holds it."""
    return _client is not None and _client.set(name, "1", nx=True, ex=int(timeout))


def release(name: str) -> None:
    if _client is not None:
        _client.delete(name)
