from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from common.util.lock import Lock


def on_error():
    # lazy: only runs on the error path
    from common.util.lock import release
    release()


try:
    import common.util.fast as fast
except ImportError:
    fast = None


class Job:
    def run(self):
        if self.remote:
            import common.util.remote
