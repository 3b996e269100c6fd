"""Shared helpers: locks, retries and time utilities used by every pipeline job."""
