class Registry(type):
    pass


class Loggable:
    pass


class Cacheable:
    pass


class Service(Loggable, Cacheable, metaclass=Registry):
    pass
