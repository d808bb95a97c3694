"""The outreach API: the public reads consenting champions without contact details; signed-in users read every
champion with e-mail and consent, the engagement log and recommendations, as on the pages."""

from __future__ import annotations

import datetime as dt

import pytest

from sectorhub.core.roles import Role
from sectorhub.outreach.models import Champion, Engagement, Network, Recommendation
from tests.partnerships.factories import OrganizationFactory, PartnershipFactory


@pytest.fixture
def outreach(db):
    """Champions: Pat (consent recorded 2026-01-15, public network), Quinn (no consent), Ray (consent but
    deleted), Sam (consent without a date: not public). One engagement, two recommendations."""
    acme = OrganizationFactory(name="Acme Tools", kind="business")
    public_net = Network.objects.create(name="Manufacturing Network", is_public=True)
    mine = PartnershipFactory(name="Metals Partnership")
    consent = dict(consent_public=True, consent_date=dt.date(2026, 1, 15), consent_scope="name and quote")
    pat = Champion.objects.create(
        name="Pat Public", title="Plant manager", organization=acme, network=public_net, partnership=mine,
        email="pat@acme.example", phone="614-555-0101", quote="We hire from this pipeline.", **consent,
    )  # fmt: skip
    Champion.objects.create(name="Quinn Quiet", organization=acme, email="quinn@acme.example")
    Champion.objects.create(name="Ray Removed", organization=acme, is_deleted=True, **consent)
    Champion.objects.create(name="Sam Undated", organization=acme, consent_public=True, consent_scope="name")
    visit = Engagement.objects.create(
        kind="site_visit", held_on=dt.date(2026, 4, 3), organization=acme, partnership=mine, champion=pat,
        summary="Toured the weld shop.",
    )  # fmt: skip
    adopted = Recommendation.objects.create(
        title="Fund welding instructors", kind="policy", network=public_net, addressed_to="Governor",
        made_on=dt.date(2026, 2, 1), status="adopted", owner="Workforce office",
    )  # fmt: skip
    proposed = Recommendation.objects.create(
        title="Open a CDL range",
        kind="program",
        partnership=mine,
        addressed_to="DOT",
        made_on=dt.date(2026, 3, 1),
    )
    return dict(pat=pat, visit=visit, adopted=adopted, proposed=proposed, mine=mine)


def test_the_public_reads_only_consenting_champions_and_no_contact_details(client, outreach):
    body = client.get("/api/outreach/champions").json()
    assert body["items"] == [
        {
            "id": outreach["pat"].pk,
            "name": "Pat Public",
            "title": "Plant manager",
            "organization": "Acme Tools",
            "network": "Manufacturing Network",
            "quote": "We hire from this pipeline.",
            "partnership": None,
            "email": None,
            "consent_public": None,
            "consent_date": None,
            "consent_scope": None,
        }
    ]
    quinn = Champion.objects.get(name="Quinn Quiet")
    assert client.get(f"/api/outreach/champions/{quinn.pk}").status_code == 404
    assert client.get(f"/api/outreach/champions/{outreach['pat'].pk}").json()["email"] is None
    for path in ("engagements", "recommendations", f"engagements/{outreach['visit'].pk}"):
        assert client.get(f"/api/outreach/{path}").status_code == 401


def test_signed_in_users_read_every_champion_not_deleted_with_email_but_no_phone(client, make_user, outreach):
    client.force_login(make_user(Role.ANALYST))
    body = client.get("/api/outreach/champions").json()
    assert [c["name"] for c in body["items"]] == ["Pat Public", "Quinn Quiet", "Sam Undated"]
    pat = body["items"][0]
    assert (pat["email"], pat["consent_date"], pat["partnership"]) == (
        "pat@acme.example",
        "2026-01-15",
        "Metals Partnership",
    )
    assert "614-555-0101" not in client.get("/api/outreach/champions").content.decode()


def test_signed_in_users_read_the_engagement_log_and_recommendations(client, make_user, outreach):
    client.force_login(make_user(Role.CONVENER))
    assert client.get("/api/outreach/engagements").json()["items"] == [
        {
            "id": outreach["visit"].pk,
            "kind": "site_visit",
            "held_on": "2026-04-03",
            "organization": "Acme Tools",
            "partnership": "Metals Partnership",
            "network": None,
            "champion": "Pat Public",
            "summary": "Toured the weld shop.",
        }
    ]
    titles = [r["title"] for r in client.get("/api/outreach/recommendations").json()["items"]]
    assert titles == ["Open a CDL range", "Fund welding instructors"]
    adopted = client.get("/api/outreach/recommendations?status=adopted").json()["items"]
    assert [(r["title"], r["network"], r["owner"]) for r in adopted] == [
        ("Fund welding instructors", "Manufacturing Network", "Workforce office")
    ]
    net = outreach["adopted"].network_id
    assert client.get(f"/api/outreach/recommendations?network={net}").json()["count"] == 1
    one = client.get(f"/api/outreach/recommendations/{outreach['proposed'].pk}").json()
    assert (one["status"], one["partnership"], one["due_on"]) == ("proposed", "Metals Partnership", None)
