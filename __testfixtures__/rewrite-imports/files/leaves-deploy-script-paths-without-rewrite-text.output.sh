#!/bin/sh
# deploy the BigQuery loader
set -e
python3 shared/utils/bigquery_utils.py --validate
python -m shared.utils.bigquery_utils --dry-run
gcloud functions deploy loader --source "$ROOT/shared/utils/bigquery_utils.py"
cp shared/utils/bigquery_utils_old.py shared/utils/bigquery_utils.pyc other_shared/utils/bigquery_utils.py /tmp
