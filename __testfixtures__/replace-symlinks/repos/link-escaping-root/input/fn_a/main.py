def main(request):
    return "ok"
