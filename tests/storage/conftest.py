"""Storage tests keep the per-installation secret (storage.anchor) in a folder of their own."""

import pytest


@pytest.fixture(autouse=True)
def secret_in_tmp(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("LIANZHENG_KEY_DIR", str(tmp_path_factory.mktemp("key")))
