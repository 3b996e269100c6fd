"""Notification helpers: some take any keyword, one takes exc_info itself."""


def notify(message, **context):
    return {"message": message, **context}


def alert(message, *, exc_info=False):
    return message, exc_info
