from unittest import mock

from pipeline.jobs import run


@mock.patch("pipeline.common.util.lock._client")
def test_export_takes_the_lock(client):
    client.set.return_value = True
    run.run_export("daily")
    client.set.assert_called_once()


def test_export_skips_when_locked(monkeypatch):
    monkeypatch.setattr("pipeline.common.util.lock.acquire", lambda name: False)
    run.run_export("daily")
