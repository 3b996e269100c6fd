import logging

from shared.config import PROJECT

try:
    from shared.fast_path import speed_up
except ImportError:  # optional accelerator
    speed_up = None

log = logging.getLogger(__name__)


def main(request):
    try:
        # lazy import: only runs on the scoring path
        from shared.espn_client import fetch_scores
        rows = fetch_scores()
    except RuntimeError:
        log.error("fetch failed for %s", PROJECT)
        raise
    return speed_up(rows) if speed_up else rows
