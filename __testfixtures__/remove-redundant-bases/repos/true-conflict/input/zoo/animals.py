class Swimmer:
    pass


class Walker:
    pass


class Duck(Swimmer, Walker):
    pass


class Goose(Walker, Swimmer):
    pass
