from jobs.base import Job, RetryMixin


class Broken(Job):
    pass


class Working(Job, RetryMixin):
    pass
