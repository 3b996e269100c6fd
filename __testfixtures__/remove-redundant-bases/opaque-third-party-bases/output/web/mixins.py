class LoginRequiredMixin:
    pass
