"""The web app's read-only handle on the engine's store (one per process, reopened when the file changes)."""

from __future__ import annotations

import threading

from sectorhub.lmi.api import STORE_FILE, Store
from sectorhub.paths import home_dir

# Two locks: queries share one DuckDB connection (one at a time), while finding the handle and reading values
# memoised for it never waits for a query, so a page served from the cache is not held up by a build.
_query_lock = threading.RLock()
_handle_lock = threading.Lock()
_cache: dict = {}


def store() -> Store:
    """The engine store at SECTORHUB_HOME/lmi.duckdb, read-only; FileNotFoundError when nothing is loaded."""
    path = home_dir() / STORE_FILE
    stamp = (str(path), path.stat().st_mtime_ns if path.exists() else None)
    with _handle_lock:
        if _cache.get("stamp") == stamp:
            return _cache["store"]
    with _query_lock, _handle_lock:  # reopening closes the old handle: no query may be running on it
        if _cache.get("stamp") != stamp:
            old = _cache.pop("store", None)
            if old is not None:
                old.close()
            _cache.pop("memo", None)
            _cache["store"] = Store.open(path, read_only=True)
            _cache["stamp"] = stamp
        return _cache["store"]


def memo(store: Store, name, compute):
    """A value computed once per opened store (so once per loaded data: a load reopens the store)."""
    with _handle_lock:
        values = _cache.setdefault("memo", {})
        if values.get("store") is not store:
            values.clear()
            values["store"] = store
        if name in values:
            return values[name]
    with _query_lock:
        value = compute()
    with _handle_lock:
        _cache.setdefault("memo", {"store": store})[name] = value
    return value


def lock() -> threading.RLock:
    """Serialise engine queries: one DuckDB connection is shared by the process's threads."""
    return _query_lock
