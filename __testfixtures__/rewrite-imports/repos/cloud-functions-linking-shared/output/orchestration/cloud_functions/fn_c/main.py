from shared.utils.helpers import run


def handler(request):
    return run()
