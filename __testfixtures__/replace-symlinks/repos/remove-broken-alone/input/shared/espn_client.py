def fetch_scores():
    return []
