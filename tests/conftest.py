"""Shared fixtures: a migrated in-memory database and a store with a fixed clock."""

from __future__ import annotations

from datetime import datetime

import pytest

from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

FIXED_NOW = datetime(2022, 12, 31, 17, 0)


@pytest.fixture
def db():
    database = open_db(":memory:")
    yield database
    database.close()


@pytest.fixture
def store(db):
    """An empty store whose clock reads 2022-12-31 17:00."""
    return Store(db, clock=lambda: FIXED_NOW)


@pytest.fixture
def demo_store(store):
    """The demo year (县总工会机关党支部, 2022) in an in-memory store."""
    from lianzheng_desktop.core.demo import PROFILE, demo_year
    from lianzheng_desktop.storage.demo_loader import load_entries

    load_entries(store, demo_year(), PROFILE)
    return store


class NetworkUsedError(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """The app never touches the network: any socket connection fails the test."""
    import socket

    def refuse(*args, **kwargs):
        raise NetworkUsedError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
