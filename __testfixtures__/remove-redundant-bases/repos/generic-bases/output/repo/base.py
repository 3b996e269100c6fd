from typing import Generic, TypeVar

T = TypeVar("T")


class CrudMixin(Generic[T]):
    def get(self, key) -> T:
        raise NotImplementedError


class BaseRepository(CrudMixin[T]):
    pass
