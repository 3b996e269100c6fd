"""Notifications sent when a processor finishes or fails."""
from notifications import send


class DailyProcessor:
    name = "daily"

    def on_success(self, rows, details):
        send(
            "processor finished",
            rows=rows,
            details=details
            processor_name=self.name
        )

    def on_retry(self, attempt, details):
        send(
            "processor retrying",
            attempt=attempt,
            details=details
            processor_name=self.name
        )

    def on_failure(self, error, details):
        send(
            "processor failed",
            error=str(error),
            details=details  # full context for the on-call
            processor_name=self.name
        )
