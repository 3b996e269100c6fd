"""Load rows with shared.gcp.bigquery_utils (shared/gcp/bigquery_utils.py).

>>> from shared.gcp.bigquery_utils import load
>>> target = "shared.utils.bigquery_utils.load"
"""
import logging  # not shared.gcp.bigquery_utils: it logs too much

TARGET = "shared.utils.bigquery_utils"  # code, not prose: --all-strings territory


def load():
    """Wraps shared.utils.bigquery_utils_v2, not the moved module."""
