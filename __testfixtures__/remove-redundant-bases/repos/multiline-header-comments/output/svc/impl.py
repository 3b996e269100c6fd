from svc.meta import Registry, Service


class Trailing(
    # the core class
    Service,
):
    pass


class NoTrailing(
    Service
):
    pass


class WithKeyword(Service, metaclass=Registry):
    pass


class LastWithComment(
    Service
):
    pass
