class Base(object):
    pass


class First(Base):
    pass


class Last(Base):
    pass


class Plain(object):
    pass
