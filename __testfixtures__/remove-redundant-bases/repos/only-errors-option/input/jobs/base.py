class RetryMixin:
    pass


class Job(RetryMixin):
    pass
