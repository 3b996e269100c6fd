from typing import TYPE_CHECKING

from dateutil import parser
from google.cloud import bigquery, storage

from app import load

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def main(event, context):
    return load(bigquery.Client(), storage.Client(), parser.parse(event["time"]))
