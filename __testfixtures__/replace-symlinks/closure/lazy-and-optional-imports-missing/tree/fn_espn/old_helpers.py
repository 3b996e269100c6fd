def unused():
    pass
