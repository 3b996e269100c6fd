class BackfillMixin:
    def backfill(self, days):
        return [self.process(day) for day in days]
