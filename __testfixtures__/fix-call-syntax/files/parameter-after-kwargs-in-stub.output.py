"""Hooks a processor may override; the defaults do nothing."""


class Hooks:
    def notify(*args, **kwargs):
        ...

    def report(self, message, *, level="info", **kwargs):
        """Send `message` to the report channel."""

    def close(self, processor_name=None):
        pass
