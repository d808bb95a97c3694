"""Security settings: deploy checks with production settings, CSP, CSRF and login throttling."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from sectorhub.core.roles import Role

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh interpreter with extra environment variables."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECTORHUB_ENV"))}
    environ.update(env)
    environ["DJANGO_SETTINGS_MODULE"] = "sectorhub.config.settings"
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=environ,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


PRODUCTION = {
    "SECTORHUB_ENV": "production",
    "DJANGO_SECRET_KEY": "k" * 20 + "Q7f#v9!pLz2@xR4&mW8^tY6*bN1$cH3%jD5(eG0)uK",
    "DJANGO_ALLOWED_HOSTS": "sectorhub.example.gov",
    "DJANGO_EMAIL_HOST": "smtp.example.gov",
    "DJANGO_DEFAULT_FROM_EMAIL": "SectorHub <sectorhub@example.gov>",
}


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = dict(PRODUCTION)
    env.pop("DJANGO_SECRET_KEY")
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


@pytest.mark.django_db
def test_every_page_carries_a_content_security_policy_without_inline_scripts(client):
    response = client.get(reverse("partnerships:dashboard"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_a_form_post_without_a_csrf_token_is_refused(make_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(Role.STATE_STAFF))
    response = client.post(reverse("partnerships:organization_create"), {"name": "Acme", "kind": "business"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_five_failed_sign_ins_lock_the_account_even_against_the_right_password(client, make_user):
    make_user(Role.ANALYST, username="ana")
    url = reverse("core:login")
    for _ in range(5):
        response = client.post(url, {"username": "ana", "password": "wrong"}, REMOTE_ADDR="10.0.0.1")
        assert response.status_code in (200, 429)
    response = client.post(
        url, {"username": "ana", "password": "correct horse battery staple"}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_right_password_signs_in_before_any_lockout(client, make_user):
    make_user(Role.ANALYST, username="ana")
    response = client.post(
        reverse("core:login"),
        {"username": "ana", "password": "correct horse battery staple"},
        REMOTE_ADDR="10.0.0.2",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
