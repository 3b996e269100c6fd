from svc.meta import Cacheable, Loggable, Registry, Service


class Trailing(
    Loggable,  # logging first
    # the core class
    Service,
    Cacheable,  # cached too
):
    pass


class NoTrailing(
    Cacheable,
    Service
):
    pass


class WithKeyword(Loggable,
                  Service, metaclass=Registry):
    pass


class LastWithComment(
    Service,
    Loggable  # logs
):
    pass
