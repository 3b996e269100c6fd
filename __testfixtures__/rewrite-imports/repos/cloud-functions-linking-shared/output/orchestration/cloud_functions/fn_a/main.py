from core.settings.config.settings import PROJECT
from shared.gcp.bigquery_utils import query


def handler(request):
    return query(PROJECT)
