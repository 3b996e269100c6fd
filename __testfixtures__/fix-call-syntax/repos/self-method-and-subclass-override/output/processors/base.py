import logging


class ProcessorBase:
    logger = logging.getLogger("processors")

    def __init__(self, name):
        self.name = name

    def report(self, message):
        self.logger.info("%s: %s", self.name, message)

    def close(self):
        self.logger.info("%s closed", self.name)

    def run(self, rows):
        try:
            self.process(rows)
        except Exception:
            self.report(f"{self.name} failed", exc_info=True)
            self.logger.error("%s failed", self.name, exc_info=True)
            raise
        finally:
            self.close()

    def process(self, rows):
        raise NotImplementedError
