import unittest

import pytest


class Base:
    pass


class Mixin:
    pass


class Child(Mixin, Base):
    pass


def test_inconsistent_mro_is_rejected():
    with pytest.raises(TypeError, match="Cannot create a consistent method resolution"):
        class Broken(Mixin, Child):
            pass


class MroTest(unittest.TestCase):
    def test_rejected(self):
        with self.assertRaisesRegex(TypeError, "consistent method resolution"):
            class AlsoBroken(Mixin, Child):
                pass


try:
    class Probe(Mixin, Child):
        pass
except TypeError:
    Probe = None


class Fixed(Child):
    pass
