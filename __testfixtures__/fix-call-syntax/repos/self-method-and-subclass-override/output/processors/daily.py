from processors.base import ProcessorBase as Base


class Batch:
    def __init__(self, rows):
        self.rows = rows


class DailyProcessor(Base):
    def __init__(self):
        super().__init__("daily")

    def report(self, message, **extra):
        super().report(message)

    def process(self, rows):
        batch = Batch(rows)
        self.report(f"{len(batch.rows)} rows", exc_info=True)

    def close(self):
        super().close()
