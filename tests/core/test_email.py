"""Outgoing mail settings (DJANGO_EMAIL_*, read in config/settings.py): the console in development, SMTP with a
host and a sender required in production (or another backend named explicitly), and the contact form's mail
sent from DJANGO_DEFAULT_FROM_EMAIL through the configured backend."""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.test import override_settings

from tests.core.test_security import PRODUCTION, _manage

SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k) for k in "
    "('EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER', 'EMAIL_HOST_PASSWORD', 'EMAIL_USE_TLS', "
    "'EMAIL_USE_SSL', 'EMAIL_TIMEOUT', 'DEFAULT_FROM_EMAIL', 'SERVER_EMAIL')}))"
)


def _settings(**env: str) -> dict:
    result = _manage("shell", "-c", SHOW, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_development_prints_mail_on_the_console_by_default():
    got = _settings()
    assert got["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert (got["DEFAULT_FROM_EMAIL"], got["SERVER_EMAIL"]) == (
        "SectorHub <sectorhub@localhost>",
        "SectorHub <sectorhub@localhost>",
    )
    assert (got["EMAIL_PORT"], got["EMAIL_USE_TLS"], got["EMAIL_TIMEOUT"]) == (25, False, 10.0)


def test_production_sends_by_smtp_with_every_setting_read_from_the_environment():
    got = _settings(
        **PRODUCTION,
        DJANGO_EMAIL_HOST_USER="mailer",
        DJANGO_EMAIL_HOST_PASSWORD="not-a-real-password",
        DJANGO_EMAIL_USE_TLS="true",
        DJANGO_SERVER_EMAIL="errors@example.gov",
        DJANGO_EMAIL_TIMEOUT="5",
    )
    assert got == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.gov",
        "EMAIL_PORT": 587,  # STARTTLS's submission port when TLS is on and no port is given
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "not-a-real-password",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 5.0,
        "DEFAULT_FROM_EMAIL": "SectorHub <sectorhub@example.gov>",
        "SERVER_EMAIL": "errors@example.gov",
    }
    ssl = _settings(**PRODUCTION, DJANGO_EMAIL_USE_SSL="1")
    assert (ssl["EMAIL_PORT"], ssl["EMAIL_USE_SSL"]) == (465, True)
    assert _settings(**PRODUCTION, DJANGO_EMAIL_PORT="2525")["EMAIL_PORT"] == 2525


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DJANGO_EMAIL_HOST", "DJANGO_EMAIL_HOST is required"),
        ("DJANGO_DEFAULT_FROM_EMAIL", "DJANGO_DEFAULT_FROM_EMAIL is required"),
    ],
)
def test_production_refuses_to_start_without_an_smtp_host_or_sender(missing, message):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = _manage("check", **env)
    assert result.returncode != 0 and message in result.stderr


def test_production_may_name_another_backend_explicitly_and_both_tls_and_ssl_is_refused():
    env = {k: v for k, v in PRODUCTION.items() if not k.startswith("DJANGO_EMAIL")}
    got = _settings(**env, DJANGO_EMAIL_BACKEND="console")
    assert got["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    both = _manage("check", **PRODUCTION, DJANGO_EMAIL_USE_TLS="1", DJANGO_EMAIL_USE_SSL="1")
    assert both.returncode != 0 and "cannot both be on" in both.stderr
    bad = _manage("check", DJANGO_EMAIL_BACKEND="carrier-pigeon")
    assert bad.returncode != 0 and "DJANGO_EMAIL_BACKEND='carrier-pigeon'" in bad.stderr


@override_settings(DEFAULT_FROM_EMAIL="Ohio SectorHub <noreply@ohio.example.gov>")
def test_the_contact_form_mails_conveners_from_the_configured_sender(db, make_user):
    """The message goes from DEFAULT_FROM_EMAIL to the conveners, with the visitor's address as Reply-To."""
    from sectorhub.public import services
    from tests.partnerships.factories import PartnershipFactory

    p = PartnershipFactory(name="Metals")
    p.conveners.add(make_user(username="conv", email="conv@example.org"))
    services.send_message(
        partnership=p, name="Eve", email="eve@plant.example", organization="", message="Hello", consent=True
    )
    (sent,) = mail.outbox
    assert (sent.from_email, sent.to, sent.reply_to) == (
        "Ohio SectorHub <noreply@ohio.example.gov>",
        ["conv@example.org"],
        ["eve@plant.example"],
    )
