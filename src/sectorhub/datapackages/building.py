"""Built packages, shared by every worker: built once per region, filters and loaded data, then read from the cache.

A package is keyed by the region's counties, the filters, the region's uploaded training supply and the store's
data version (a digest of its ledger), so loading new data or uploading a training supply makes a new key and the
old package is never served again. The cache is Django's default cache (files under SECTORHUB_HOME, shared by the
gunicorn workers). One worker builds a missing package (a cache lock marks it as being built), in a background
thread; a request waits for it up to a limit and otherwise gets a page that polls (see ``views.region_package``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time

from django.core.cache import cache

from sectorhub.datapackages import engine

log = logging.getLogger(__name__)

TIMEOUT = 7 * 24 * 3600  # a built package stays a week; a new load changes its key before that
BUILD_LOCK_SECONDS = 300  # a build that died leaves its lock for at most this long
POLL_SECONDS = 0.1


def data_version() -> str:
    """The loaded data's version (changes with every load); FileNotFoundError when nothing is loaded."""
    from sectorhub.lmi.api import data_version as version

    store = engine.store()
    return engine.memo(store, "data_version", lambda: version(store))


def package_key(counties: list[str], params: dict, supply_id: int | None) -> str:
    """The cache key of a package: counties, filters, training supply and the data version."""
    raw = json.dumps([sorted(counties), params, supply_id, data_version()], sort_keys=True)
    return "datapackages:pkg:" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def get_or_build(key: str, build, *, wait: float):
    """The cached value of ``key``; else build it (once across workers, in the background) and wait up to
    ``wait`` seconds for it. None when it is still being built then; a failed build's error is raised."""
    value = cache.get(key)
    if value is not None:
        return _unwrap(value)
    if cache.add(f"{key}:building", 1, BUILD_LOCK_SECONDS):
        threading.Thread(target=_build, args=(key, build), daemon=True, name=f"build {key[-8:]}").start()
    deadline = time.monotonic() + wait
    while True:
        value = cache.get(key)
        if value is not None:
            return _unwrap(value)
        if time.monotonic() >= deadline:
            return None
        if cache.get(f"{key}:building") is None:  # the builder finished (or died) without storing a value
            value = cache.get(key)
            return _unwrap(value) if value is not None else None
        time.sleep(POLL_SECONDS)


class _Failed:
    """A build that raised: its message is kept briefly so every waiting request shows it."""

    def __init__(self, error: Exception):
        self.error = error


def _unwrap(value):
    if isinstance(value, _Failed):
        raise value.error
    return value


def _build(key: str, build) -> None:
    try:
        value = build()
        cache.set(key, value, TIMEOUT)
    except Exception as exc:  # noqa: BLE001 - handed to the requests waiting for this build, then raised
        log.exception("package build failed: %s", key)
        cache.set(key, _Failed(exc), 30)
    finally:
        cache.delete(f"{key}:building")


def cached(key: str):
    """The cached value of ``key`` or None (nothing is built)."""
    value = cache.get(key)
    return None if value is None or isinstance(value, _Failed) else value


def cached_output(key: str, fmt: str, render):
    """A rendered format of a cached package (PDFs take seconds), cached beside it under the same key."""
    out_key = f"{key}:{fmt}"
    value = cache.get(out_key)
    if value is None:
        value = render()
        cache.set(out_key, value, TIMEOUT)
    return value


def warm_process() -> dict[str, float]:
    """Imports and reference tables, once per server before its workers fork (no database connection)."""
    from sectorhub.lmi.api import warm_imports

    return warm_imports()


def warm_worker(logger=log) -> threading.Thread:
    """Open the store and build one small package in a background thread holding the engine lock."""

    locked = threading.Event()

    def run():
        try:
            with engine.lock():
                locked.set()
                from sectorhub.lmi.api import warm_store

                timings = warm_store(engine.store())
            logger.info(
                "worker warm: %s", ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()) or "no data"
            )
        except FileNotFoundError:
            logger.info("worker warm: no store loaded yet")
        except Exception:  # noqa: BLE001 - a failed warm-up must not stop the worker; the request will say why
            logger.exception("worker warm-up failed")
        finally:
            locked.set()

    thread = threading.Thread(target=run, daemon=True, name="warm")
    thread.start()
    locked.wait(10)  # the worker serves only once the warm-up holds the lock: its first request waits for it
    return thread
