from zoo.animals import Duck, Goose


class Hybrid(Duck, Goose):
    pass
