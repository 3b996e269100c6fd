from shared.db import PROJECT


def main(request):
    return PROJECT
