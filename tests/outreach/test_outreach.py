"""Champions and consent, recommendations through their statuses, counts per network, campaigns' reach."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sectorhub.core.roles import Role
from sectorhub.outreach import selectors, services
from sectorhub.outreach.models import Champion, Network, Recommendation
from sectorhub.outreach.reporting import annual_report_section
from tests.partnerships.factories import OrganizationFactory, PartnershipFactory
from tests.regions.factories import RegionFactory


@pytest.fixture
def setup(db, make_user):
    north, south = RegionFactory(name="North"), RegionFactory(name="South")
    mine, other = (
        PartnershipFactory(name="Mine", region=north),
        PartnershipFactory(name="Other", region=south),
    )
    convener = make_user(Role.CONVENER, username="conv")
    north.conveners.add(convener)
    staff = make_user(Role.STATE_STAFF, username="staff")
    return dict(staff=staff, convener=convener, mine=mine, other=other, org=OrganizationFactory(name="Acme"))


_COUNTER = itertools.count(1)


def _rec(network, status, **kw):
    n = next(_COUNTER)
    return Recommendation.objects.create(title=f"R{n}", kind="policy", network=network, addressed_to="Governor",
                                         made_on=dt.date(2026, 2, 1), status=status, **kw)  # fmt: skip


def test_counts_per_network_follow_montanas_made_adopted_implemented(setup):
    """Manufacturing network: proposed 2, under review 1, adopted 2, implemented 3, declined 1 -> made 9,
    adopted 5 (adopted or implemented), implemented 3. Health network: implemented 1 -> 1, 1, 1."""
    mfg, health = Network.objects.create(name="Manufacturing"), Network.objects.create(name="Health")
    for status, count in [
        ("proposed", 2),
        ("under_review", 1),
        ("adopted", 2),
        ("implemented", 3),
        ("declined", 1),
    ]:
        for _ in range(count):
            _rec(mfg, status)
    _rec(health, "implemented")
    rows = {n.name: (n.made, n.adopted, n.implemented) for n in selectors.networks_with_counts()}
    assert rows == {"Manufacturing": (9, 5, 3), "Health": (1, 1, 1)}
    assert selectors.recommendation_totals() == {"made": 10, "adopted": 6, "implemented": 4, "declined": 1}


def test_a_recommendation_moves_one_step_at_a_time_and_a_decline_needs_a_reason(setup):
    staff = setup["staff"]
    rec = services.make_recommendation(user=staff, title="Fund apprenticeships", kind="program",
                                       network=Network.objects.create(name="N"), addressed_to="Legislature",
                                       made_on=dt.date(2026, 1, 5))  # fmt: skip
    with pytest.raises(ValidationError, match="can move to"):
        services.move_recommendation(user=staff, recommendation=rec, status="implemented")
    for status in ("under_review", "adopted", "implemented"):
        services.move_recommendation(user=staff, recommendation=rec, status=status)
    with pytest.raises(ValidationError, match="it is final"):
        services.move_recommendation(user=staff, recommendation=rec, status="declined", reason="x")
    other = services.make_recommendation(user=staff, title="B", kind="policy", network=rec.network,
                                         addressed_to="Board", made_on=dt.date(2026, 1, 5))  # fmt: skip
    with pytest.raises(ValidationError, match="reason"):
        services.move_recommendation(user=staff, recommendation=other, status="declined")
    services.move_recommendation(user=staff, recommendation=other, status="declined", reason="No budget")
    assert [h.status for h in rec.history.order_by("history_date")] == [
        "proposed", "under_review", "adopted", "implemented"]  # fmt: skip


def test_a_convener_records_only_for_their_own_partnerships(setup, signed_in):
    convener = setup["convener"]
    services.make_recommendation(user=convener, title="A", kind="policy", partnership=setup["mine"],
                                 addressed_to="Board", made_on=dt.date(2026, 1, 1))  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.make_recommendation(user=convener, title="B", kind="policy", partnership=setup["other"],
                                     addressed_to="Board", made_on=dt.date(2026, 1, 1))  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.create_network(user=convener, name="Mine only")
    response = signed_in(convener).post("/outreach/engagements/new/", {
        "kind": "site_visit", "held_on": "2026-03-01", "organization": setup["org"].pk,
        "partnership": setup["other"].pk, "summary": "Plant tour"})  # fmt: skip
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()


def test_only_champions_with_recorded_consent_appear_publicly_and_never_their_contact_details(setup, client):
    staff, org = setup["staff"], setup["org"]
    services.add_champion(user=staff, name="Pat Public", title="CEO", organization=org, email="pat@acme.example",
                          consent_public=True, consent_date=dt.date(2026, 1, 10),
                          consent_scope="Name, title and organization on the state website")  # fmt: skip
    services.add_champion(user=staff, name="Quinn Quiet", organization=org, email="quinn@acme.example")
    Champion.objects.create(name="Del Eted", organization=org, consent_public=True, is_deleted=True,
                            consent_date=dt.date(2026, 1, 1), consent_scope="all")  # fmt: skip
    with pytest.raises(ValidationError, match="consent"):
        services.add_champion(user=staff, name="No Date", organization=org, consent_public=True)
    assert [c.name for c in selectors.public_champions()] == ["Pat Public"]
    html = client.get("/outreach/champions/public/").content.decode()
    assert "Pat Public" in html and "Quinn" not in html and "Del Eted" not in html and "pat@acme" not in html
    assert client.get("/outreach/champions/").status_code == 302


def test_campaign_reach_is_the_sum_of_its_materials(setup):
    staff = setup["staff"]
    campaign = services.create_campaign(user=staff, name="Make it here", audience="Manufacturers",
                                        channel="e-mail", starts_on=dt.date(2026, 3, 1))  # fmt: skip
    for title, reach in (("Mailing", 1200), ("Video", 340)):
        services.add_material(user=staff, campaign=campaign, title=title, reach=reach)
    assert selectors.campaigns().get().reach == 1540


def test_the_public_annual_section_suppresses_small_counts(setup):
    """Public network P: 3 made (1 implemented) -> made 3 shown, adopted 1 and implemented 1 suppressed.
    Private network Q is left out of the public section."""
    p = Network.objects.create(name="P", is_public=True)
    q = Network.objects.create(name="Q")
    _rec(p, "proposed"), _rec(p, "proposed"), _rec(p, "implemented"), _rec(q, "adopted")
    section = annual_report_section(start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31), public=True)
    assert section["table"]["rows"] == [["P", 3, None, None]]
    assert [r["value"] for r in section["rows"]] == [3, 1, 1]
    private = annual_report_section(start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31), public=False)
    assert private["table"]["rows"] == [["P", 3, 1, 1], ["Q", 1, 1, 0]]


@pytest.mark.parametrize("role", [Role.STATE_STAFF, Role.CONVENER, Role.ANALYST, Role.GRANT_REVIEWER])
def test_the_outreach_pages_answer_each_signed_in_role(setup, client, make_user, role):
    client.force_login(make_user(role))
    network = Network.objects.create(name="N")
    rec = _rec(network, "proposed")
    for url in ("/outreach/", f"/outreach/networks/{network.pk}/", "/outreach/champions/", "/outreach/engagements/",
                f"/outreach/recommendations/{rec.pk}/"):  # fmt: skip
        assert client.get(url).status_code == 200, url
