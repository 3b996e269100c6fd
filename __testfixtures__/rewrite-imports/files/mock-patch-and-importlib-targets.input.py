import importlib
from unittest import mock
from unittest.mock import patch

mod = importlib.import_module("pipeline.common.util.lock")
legacy = __import__('pipeline.common.util.retry')


@patch("pipeline.common.util.lock._client")
def test_lock(client, mocker, monkeypatch):
    mocker.patch("pipeline.common.util.lock.acquire", return_value=True)
    monkeypatch.setattr("pipeline.common.util.retry.DELAY", 0)
    with mock.patch.dict("pipeline.common.util.lock.SETTINGS", {"a": 1}):
        with patch.dict('pipeline.common.util.retry.LIMITS'):
            pass
    other("pipeline.common.util.lock")


@mock.patch(target="pipeline.common.util.lock.release")
@mock.patch.object(run, "pipeline.common.util.lock")
def test_keywords(release, obj):
    importlib.import_module(name='pipeline.common.util.retry')
