"""Error classification, re-exported for the jobs."""
from .quota import is_quota_error, quota_reset_at

__all__ = ["is_quota_error", "quota_reset_at"]
