from app import mixins
from app.mixins import AuditMixin


class Model(AuditMixin):
    pass


class Invoice(Model):
    """Works today; AuditMixin adds nothing."""
