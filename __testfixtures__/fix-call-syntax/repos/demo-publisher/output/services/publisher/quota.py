"""Quota helpers for the publisher."""


def is_quota_error(error):
    """True when the API refused the call for quota reasons."""
    return "quota" in str(error).lower()
