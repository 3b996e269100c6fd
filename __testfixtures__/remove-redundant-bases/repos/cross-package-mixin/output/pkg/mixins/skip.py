class SmartSkipMixin:
    def should_skip(self, day):
        return False
