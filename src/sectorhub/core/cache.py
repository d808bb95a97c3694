"""A shared cache for figures computed from the whole registry (dashboard counts, goal progress).

Entries are keyed by a registry version that every committed change to a registered app's models bumps, so a
page never shows figures older than the last change, while unchanged figures are computed once for all
gunicorn workers (the cache backend is shared: files under SECTORHUB_HOME by default).
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

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


def public_page(view):
    """Serve a GET page to anonymous visitors from the cache, per registry version and full path.

    Public pages are the same for every anonymous visitor (no CSRF token, no user name), so they are rendered
    once per registry version. Signed-in users, htmx requests' own variants and visitors with pending flash
    messages always get a fresh render.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated or "messages" in request.COOKIES:
            return view(request, *args, **kwargs)
        variant = "htmx" if request.headers.get("HX-Request") else "page"
        key = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        cached_page = cached("public-page", f"{variant}:{key}", lambda: _render(view, request, args, kwargs))
        if cached_page == _NOT_CACHEABLE:
            return view(request, *args, **kwargs)
        status, content_type, body = cached_page
        response = HttpResponse(body, status=status, content_type=content_type)
        patch_vary_headers(response, ["Cookie", "HX-Request"])
        return response

    return wrapper


def _render(view, request, args, kwargs):
    """(status, content type, body) of a successful page, or a marker that keeps errors out of the cache."""
    response = view(request, *args, **kwargs)
    if response.status_code != 200 or getattr(response, "streaming", False):
        return _NOT_CACHEABLE
    return (response.status_code, response["Content-Type"], response.content)


_NOT_CACHEABLE = ("not-cacheable",)
