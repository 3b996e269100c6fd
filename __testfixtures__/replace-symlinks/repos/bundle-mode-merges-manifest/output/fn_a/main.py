from shared.db import DSN
from espn import fetch_scores


def main(request):
    return DSN, fetch_scores()
