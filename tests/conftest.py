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
