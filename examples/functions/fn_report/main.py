"""Cloud function entry point: builds the daily report."""
from shared.config import REGION


def handler(request):
    # imported lazily: only this code path needs BigQuery
    from shared.bq import table
    return {"region": REGION, "table": table("daily")}
