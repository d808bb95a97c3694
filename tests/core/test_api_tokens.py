"""Personal API tokens: scripts write through the API with `Authorization: Bearer <key>`, within their role."""

from __future__ import annotations

import pytest
from django.test import Client

from sectorhub.core.models import ApiToken
from sectorhub.core.roles import Role
from sectorhub.core.tokens import issue_token
from sectorhub.partnerships.models import Partnership
from tests.partnerships.factories import IndustryFactory, OrganizationFactory
from tests.regions.factories import RegionFactory


@pytest.fixture
def payload(db):
    IndustryFactory()
    return {
        "name": "Scripted Partnership",
        "region_id": RegionFactory().pk,
        "industries": ["3363"],
        "convener_id": OrganizationFactory().pk,
    }


def _post(key: str, payload: dict):
    client = Client(enforce_csrf_checks=True)  # a script has no CSRF token, and needs none with a bearer key
    return client.post(
        "/api/partnerships", payload, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )


def test_only_the_hash_of_a_key_is_stored(staff):
    token, key = issue_token(user=staff, name="nightly sync")
    assert key.startswith("shk_") and len(key) > 40
    assert key not in token.key_hash and len(token.key_hash) == 64


def test_a_staff_token_registers_a_partnership_without_a_session(staff, payload):
    _token, key = issue_token(user=staff, name="sync")
    response = _post(key, payload)
    assert response.status_code == 201, response.content
    assert Partnership.objects.get(name="Scripted Partnership").history.first().history_user == staff
    assert ApiToken.objects.get().last_used_at is not None


def test_a_token_carries_its_users_role(make_user, payload):
    _token, key = issue_token(user=make_user(Role.ANALYST), name="reports")
    assert _post(key, payload).status_code == 403
    assert Partnership.objects.count() == 0


def test_a_wrong_or_revoked_key_is_401(staff, payload):
    token, key = issue_token(user=staff, name="old")
    assert _post("shk_not-a-real-key", payload).status_code == 401
    token.is_active = False
    token.save()
    assert _post(key, payload).status_code == 401
    assert Partnership.objects.count() == 0
