from django.views import generic

from web.mixins import LoginRequiredMixin


class SecureView(LoginRequiredMixin, generic.View):
    pass
