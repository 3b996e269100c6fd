from shared.config import PROJECT


def table(name):
    return f"{PROJECT}.feeds.{name}"
