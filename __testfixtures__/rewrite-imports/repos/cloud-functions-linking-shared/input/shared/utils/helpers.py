from shared.utils.bigquery_utils import query


def run():
    return query("select 1")
