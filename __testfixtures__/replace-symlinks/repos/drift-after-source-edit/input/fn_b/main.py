from shared.config import REGION


def main(request):
    return REGION
