from jobs.base import Job, RetryMixin


class Broken(RetryMixin, Job):
    pass


class Working(Job, RetryMixin):
    pass
