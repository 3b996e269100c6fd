class A:
    pass


class B(A):
    pass


class C(B):
    pass


def pick(cls):
    return cls


class D(C, B, pick(A)):
    pass
