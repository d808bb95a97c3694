"""A shared cache for figures computed from the whole registry (dashboard counts, goal progress).

Entries are keyed by a registry version that every committed change to a registered app's models bumps, so a
page never shows figures older than the last change, while unchanged figures are computed once for all
gunicorn workers (the cache backend is shared: files under SECTORHUB_HOME by default).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "sectorhub:registry-version"
TIMEOUT = 15 * 60


def registry_version() -> int:
    """The current registry version (set on first use)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_registry_version(**_kwargs) -> None:
    """Invalidate every cached figure now, and again when the current transaction commits.

    The second bump matters: another worker may recompute between the first bump and the commit, from data
    that does not yet include this change.
    """
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, time.time_ns(), timeout=None))


def cached(name: str, scope: str, compute: Callable[[], object]):
    """`compute()`'s value, cached under `name` and `scope` (e.g. "public") for the current registry version."""
    key = f"sectorhub:{name}:{scope}:{registry_version()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=TIMEOUT)
    return value


def invalidate_on_change(app_label: str) -> None:
    """Bump the registry version whenever a model of `app_label` is saved, deleted or has its relations changed."""

    def handler(sender, **kwargs):
        if sender._meta.app_label == app_label:
            bump_registry_version()

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(handler, weak=False, dispatch_uid=f"sectorhub-cache-{app_label}-{signal!r}")
