"""Loader jobs; a bulk edit broke one call below."""
import logging

from common.util.lock import acquire, release
import common.util.lock


def publish(name):
    logging.error("publish failed",, exc_info=True)
    from pipeline.common.util.lock import force_release
    return common.util.lock.release(name)


@mock.patch("common.util.lock._client")
def test_publish(client):
    assert acquire("x")
