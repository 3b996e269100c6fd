"""Logging helpers.

Use them like the standard library::

    logger.error("upload failed", exc_info=True)
    logger.error(f"{name} failed, exc_info=True")
"""
import logging

logger = logging.getLogger(__name__)


def log_failure(name):
    """Log the current exception, e.g. ``log_failure("upload")``.

    The traceback is attached, as ``logger.error(msg, exc_info=True)`` would.
    """
    logger.error("%s failed", name, exc_info=True)


EXAMPLE = """
    logger.error(msg, exc_info=True)
"""
