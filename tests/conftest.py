"""Shared test setup for the web apps (pytest-django).

The suite runs on PostgreSQL when DATABASE_URL is set and on SQLite otherwise; settings.py reads DATABASE_URL.
Users are signed in with `force_login`, which bypasses django-axes' throttle (tests of the throttle use the form).
"""

from __future__ import annotations

import pytest

from sectorhub.core.roles import Role


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Hash test passwords with MD5: the production hasher is slow by design, and tests make many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """Each test gets an empty in-memory cache, so cached registry figures never leak between tests."""
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db):
    """Build a user with a role: make_user(Role.CONVENER, username="c1")."""
    from tests.core.factories import UserFactory

    def make(role: str = Role.ANALYST, **kwargs):
        return UserFactory(role=role, **kwargs)

    return make


@pytest.fixture
def staff(make_user):
    """A state staff member."""
    return make_user(Role.STATE_STAFF, username="staff")


@pytest.fixture
def signed_in(client):
    """Sign a user in on the test client: signed_in(user) → client."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def page():
    """A headless Chromium page (Debian's chromium) recording console errors, page errors and failed responses
    in ``page.problems``; the browser tests of every app share it."""
    from playwright.sync_api import sync_playwright

    from tests.core.test_browser import ARGS, CHROMIUM

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context()
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.on("response", lambda r: r.status >= 400 and page.problems.append(f"{r.status} {r.url}"))
        yield page
        browser.close()
