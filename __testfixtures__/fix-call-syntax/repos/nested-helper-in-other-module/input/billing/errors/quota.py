"""Quota errors from the billing API."""


def is_quota_error(error, *, strict=False):
    """True when the API refused the call for quota reasons."""
    text = str(error).lower()
    return "quota" in text if strict else "quota" in text or "rate" in text


def quota_reset_at(error):
    return getattr(error, "reset_at", None)
