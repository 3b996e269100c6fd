from shared.config import PROJECT
from shared.db import table


def main(request):
    return table("scores"), PROJECT
