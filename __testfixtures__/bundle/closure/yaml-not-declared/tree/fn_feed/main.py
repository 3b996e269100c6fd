import yaml


def main(request):
    return yaml.safe_load(request.data)
