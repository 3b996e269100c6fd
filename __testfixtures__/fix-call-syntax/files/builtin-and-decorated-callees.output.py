import functools
import logging

from tenacity import retry

logger = logging.getLogger(__name__)


@retry
def fetch(url):
    return url


@functools.lru_cache(maxsize=None)
def settings(name):
    return name


def main(urls):
    for url in urls:
        try:
            fetch(url, exc_info=True)
        except Exception as e:
            print(f"failed: {url}")
            logger.exception("fetch failed", exc_info=True)
            raise RuntimeError(str(e)) from e
    return settings("timeout"), sorted(urls, key=len)
