"""Behaviour shared by processors."""


class BackfillMixin:
    def backfill(self, days):
        return [self.process(day) for day in days]


class SmartSkipMixin:
    def should_skip(self, day):
        return False
