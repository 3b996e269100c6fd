import requests

from shared.config import PROJECT


def fetch_scores():
    return requests.get(f"https://{PROJECT}.example/scores").json()
