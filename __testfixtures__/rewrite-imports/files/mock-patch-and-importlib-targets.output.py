import importlib
from unittest import mock
from unittest.mock import patch

mod = importlib.import_module("common.util.lock")
legacy = __import__('common.util.retry')


@patch("common.util.lock._client")
def test_lock(client, mocker, monkeypatch):
    mocker.patch("common.util.lock.acquire", return_value=True)
    monkeypatch.setattr("common.util.retry.DELAY", 0)
    with mock.patch.dict("common.util.lock.SETTINGS", {"a": 1}):
        with patch.dict('common.util.retry.LIMITS'):
            pass
    other("pipeline.common.util.lock")


@mock.patch(target="common.util.lock.release")
@mock.patch.object(run, "pipeline.common.util.lock")
def test_keywords(release, obj):
    importlib.import_module(name='common.util.retry')
