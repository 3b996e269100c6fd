"""Hooks a processor may override; the defaults do nothing."""


class Hooks:
    def notify(*args, **kwargs, processor_name=None):
        ...

    def report(self, message, *, level="info", **kwargs, processor_name=None):
        """Send `message` to the report channel."""

    def close(self, processor_name=None):
        pass
