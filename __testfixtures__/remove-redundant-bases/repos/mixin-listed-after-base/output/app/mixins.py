class AuditMixin:
    audited = True
