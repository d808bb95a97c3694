"""The JSON API: reads for everyone (published partnerships only for the public), writes with a session."""

from __future__ import annotations

import pytest
from django.test import Client

from sectorhub.core.roles import Role
from sectorhub.partnerships.models import Partnership
from tests.partnerships.factories import IndustryFactory, OrganizationFactory, PartnershipFactory
from tests.regions.factories import RegionFactory


@pytest.fixture
def payload(db):
    IndustryFactory(code="3363", title="Motor vehicle parts manufacturing")
    return {
        "name": "API Partnership",
        "region_id": RegionFactory(name="Capital").pk,
        "industries": ["3363"],
        "convener_id": OrganizationFactory(name="Capital Workforce Board").pk,
        "phase": "launched",
        "launch_date": "2025-04-01",
    }


def test_the_public_reads_published_partnerships_only(client, db):
    PartnershipFactory(name="Published")
    hidden = PartnershipFactory(name="Private", is_public=False)
    body = client.get("/api/partnerships").json()
    assert [p["name"] for p in body["items"]] == ["Published"]
    assert body["count"] == 1
    assert client.get(f"/api/partnerships/{hidden.pk}").status_code == 404


def test_a_signed_in_user_reads_every_partnership_with_its_fields(client, make_user):
    p = PartnershipFactory(name="Private", is_public=False)
    client.force_login(make_user(Role.ANALYST))
    body = client.get(f"/api/partnerships/{p.pk}").json()
    assert body == {
        "id": p.pk,
        "name": "Private",
        "region_id": p.region_id,
        "region": p.region.name,
        "industries": ["3363"],
        "convener_id": p.convener_id,
        "convener": p.convener.name,
        "phase": "launched",
        "launch_date": None,
        "is_public": False,
    }


def test_writing_needs_a_session(client, payload):
    assert client.post("/api/partnerships", payload, content_type="application/json").status_code == 401
    assert Partnership.objects.count() == 0


def test_state_staff_register_a_partnership_through_the_api(client, staff, payload):
    client.force_login(staff)
    response = client.post("/api/partnerships", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["name"], body["region"], body["industries"], body["phase"]) == (
        "API Partnership", "Capital", ["3363"], "launched"
    )  # fmt: skip
    created = Partnership.objects.get(pk=body["id"])
    assert created.phase_changes.get().changed_on.isoformat() == "2025-04-01"
    assert created.history.first().history_user == staff


def test_an_analyst_cannot_write_through_the_api(client, make_user, payload):
    client.force_login(make_user(Role.ANALYST))
    assert client.post("/api/partnerships", payload, content_type="application/json").status_code == 403
    assert Partnership.objects.count() == 0


def test_an_unknown_naics_code_is_a_422_naming_it(client, staff, payload):
    client.force_login(staff)
    response = client.post(
        "/api/partnerships", {**payload, "industries": ["9999"]}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"] == {"industries": ["Unknown NAICS code: 9999."]}


def test_an_api_write_without_the_csrf_token_is_refused(staff, payload):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    response = client.post("/api/partnerships", payload, content_type="application/json")
    assert response.status_code in (401, 403)
    assert Partnership.objects.count() == 0


def test_a_phase_change_through_the_api_is_dated_and_moves_the_phase(client, staff):
    p = PartnershipFactory()
    client.force_login(staff)
    response = client.post(
        f"/api/partnerships/{p.pk}/phase",
        {"phase": "sustaining", "changed_on": "2026-02-01", "note": "Second year"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["phase"] == "sustaining"
    assert [(c.phase.slug, c.changed_on.isoformat()) for c in p.phase_changes.all()] == [
        ("sustaining", "2026-02-01")
    ]


def test_goals_are_evaluated_in_the_api(client, db):
    PartnershipFactory()
    from sectorhub.partnerships.models import Goal

    Goal.objects.create(name="Two active", evaluator="active_count", parameters={"target": 2})
    [goal] = client.get("/api/goals").json()
    assert (goal["summary"], goal["progress"], goal["met"]) == ("1 of 2 active partnerships", 0.5, False)


def test_the_openapi_docs_are_served(client, db):
    assert client.get("/api/docs").status_code == 200
    schema = client.get("/api/openapi.json").json()
    assert "/api/partnerships" in schema["paths"]
