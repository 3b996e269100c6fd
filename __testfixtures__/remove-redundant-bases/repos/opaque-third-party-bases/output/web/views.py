import django.views.generic as generic
from django.contrib.auth.mixins import LoginRequiredMixin as DjangoLogin

from web.base import SecureView
from web.mixins import LoginRequiredMixin


class ListView(DjangoLogin, generic.ListView):
    """Both bases are Django's: opaque, never touched."""


class ReportView(generic.TemplateView, SecureView):
    """LoginRequiredMixin is ours and SecureView includes it."""


def make_base():
    return type("Dynamic", (), {})


class DynamicView(make_base(), LoginRequiredMixin):
    """A call: whatever it returns, it is never a reason to remove anything."""
