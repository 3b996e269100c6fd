from typing import Generic, TypeVar

from repo.base import BaseRepository, CrudMixin

T = TypeVar("T")


class UserRepository(CrudMixin[T], BaseRepository[T], Generic[T]):
    pass


class AdminRepository(BaseRepository[T], CrudMixin[T]):
    pass
