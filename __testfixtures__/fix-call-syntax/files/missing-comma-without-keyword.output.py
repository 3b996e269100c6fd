import requests


def fetch(url, token):
    return requests.get(
        url,
        headers={"Authorization": f"Bearer {token}"},
        timeout=30
    )
