from shared.espn_client import fetch_scores


def main(request):
    return fetch_scores()
