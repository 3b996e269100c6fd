from .rows import to_rows


def load(bq, gcs, when):
    return to_rows(when)
