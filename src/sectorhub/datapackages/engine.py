"""The web app's read-only handle on the engine's store (one per process, reopened when the file changes)."""

from __future__ import annotations

import threading

from sectorhub.lmi.api import STORE_FILE, Store
from sectorhub.paths import home_dir

_lock = threading.RLock()
_cache: dict = {}


def store() -> Store:
    """The engine store at SECTORHUB_HOME/lmi.duckdb, read-only; FileNotFoundError when nothing is loaded."""
    path = home_dir() / STORE_FILE
    stamp = (str(path), path.stat().st_mtime_ns if path.exists() else None)
    with _lock:
        if _cache.get("stamp") != stamp:
            old = _cache.pop("store", None)
            if old is not None:
                old.close()
            _cache["store"] = Store.open(path, read_only=True)
            _cache["stamp"] = stamp
        return _cache["store"]


def memo(store: Store, name: str, compute):
    """A value computed once per opened store (so once per loaded data: a load reopens the store)."""
    with _lock:
        values = _cache.setdefault("memo", {})
        if values.get("store") is not store:
            values.clear()
            values["store"] = store
        if name not in values:
            values[name] = compute()
        return values[name]


def lock() -> threading.RLock:
    """Serialise engine queries: one DuckDB connection is shared by the process's threads."""
    return _lock
