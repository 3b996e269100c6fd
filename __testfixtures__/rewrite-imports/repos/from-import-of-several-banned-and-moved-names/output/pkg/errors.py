class A(Exception):
    pass


class B(Exception):
    pass


class C(Exception):
    pass


class D(Exception):
    pass
