import json


def to_rows(when):
    return [json.dumps(str(when))]
