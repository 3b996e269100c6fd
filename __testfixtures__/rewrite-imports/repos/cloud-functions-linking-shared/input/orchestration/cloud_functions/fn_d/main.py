from shared.config.settings import PROJECT
from shared.utils.bigquery_utils import query


def handler(request):
    return query(PROJECT)
