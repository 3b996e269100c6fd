from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.common.util.lock import Lock


def on_error():
    # lazy: only runs on the error path
    from pipeline.common.util.lock import release
    release()


try:
    import pipeline.common.util.fast as fast
except ImportError:
    fast = None


class Job:
    def run(self):
        if self.remote:
            import pipeline.common.util.remote
