class Base(object):
    pass


class First(object, Base):
    pass


class Last(Base, object):
    pass


class Plain(object):
    pass
