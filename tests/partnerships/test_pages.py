"""Pages: the create flow, detail sections, list filters and pagination, htmx partials, and query counts that
do not grow with the number of rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sectorhub.core.roles import Role
from sectorhub.partnerships import services
from sectorhub.partnerships.models import Goal, Partnership, Phase, QualityCriterion
from tests.partnerships.factories import (
    IndustryFactory,
    MembershipFactory,
    OrganizationFactory,
    PartnershipFactory,
)
from tests.regions.factories import CountyFactory, RegionFactory


def test_staff_register_a_partnership_and_see_it_with_its_history(client, staff):
    IndustryFactory(code="622", title="Hospitals")
    region = RegionFactory(name="Capital")
    board = OrganizationFactory(name="Capital Workforce Board")
    client.force_login(staff)
    response = client.post(
        reverse("partnerships:create"),
        {
            "name": "Capital Health Careers",
            "region": region.pk,
            "industries": "622",
            "convener": board.pk,
            "phase": Phase.objects.get(slug="launched").pk,
            "launch_date": "2025-09-15",
            "description": "Hospitals and clinics",
            "is_public": "on",
        },
    )
    p = Partnership.objects.get(name="Capital Health Careers")
    assert response.status_code == 302 and response["Location"] == reverse("partnerships:detail", args=[p.pk])
    page = client.get(response["Location"]).content.decode()
    for heading in ("Members", "Quality", "Phase history", "Change history"):
        assert f">{heading}" in page
    assert "2025-09-15: Launched (Registered)" in page
    assert "Partnership registered" in page and "staff" in page


def test_members_ratings_and_phase_changes_appear_on_the_detail_page(client, staff):
    p = PartnershipFactory(name="Valley Manufacturing")
    client.force_login(staff)
    employer = OrganizationFactory(name="Valley Tool and Die", kind="business")
    r1 = client.post(
        reverse("partnerships:member_add", args=[p.pk]), {"organization": employer.pk, "role": "co_chair"}
    )
    criterion = QualityCriterion.objects.get(key="regional-scale")
    r2 = client.post(
        reverse("partnerships:rating_add", args=[p.pk]),
        {
            "criterion": criterion.pk,
            "rating": "3",
            "evidence": "Spans four counties",
            "rated_on": "2026-01-10",
        },
    )
    r3 = client.post(
        reverse("partnerships:phase", args=[p.pk]),
        {"phase": Phase.objects.get(slug="sustaining").pk, "changed_on": "2026-02-01", "note": ""},
    )
    assert [r.status_code for r in (r1, r2, r3)] == [302, 302, 302]
    p.refresh_from_db()
    assert p.phase.slug == "sustaining"
    page = client.get(reverse("partnerships:detail", args=[p.pk])).content.decode()
    assert "Valley Tool and Die" in page and "Co-chair" in page
    assert "Developing (2026-01-10)" in page and "Spans four counties" in page
    assert "Phase changed to Sustaining" in page


def test_adding_the_same_member_twice_is_a_form_error(client, staff):
    m = MembershipFactory()
    client.force_login(staff)
    response = client.post(
        reverse("partnerships:member_add", args=[m.partnership_id]),
        {"organization": m.organization_id, "role": "member"},
    )
    assert response.status_code == 200
    assert f"{m.organization.name} is already a member." in response.content.decode()


@pytest.fixture
def thirty(db):
    """30 partnerships: 10 in region North (manufacturing, launched), 20 in South (hospitals, exploring)."""
    north, south = RegionFactory(name="North"), RegionFactory(name="South")
    mfg, hosp = IndustryFactory(code="3363"), IndustryFactory(code="622", title="Hospitals")
    launched, exploring = Phase.objects.get(slug="launched"), Phase.objects.get(slug="exploring")
    for i in range(10):
        PartnershipFactory(name=f"N{i:02d}", region=north, industries=[mfg], phase=launched)
    for i in range(20):
        PartnershipFactory(name=f"S{i:02d}", region=south, industries=[hosp], phase=exploring)
    return north, south


def test_the_list_filters_by_region_industry_and_phase(client, thirty):
    north, _ = thirty
    url = reverse("partnerships:list")
    assert "10 partnerships" in client.get(url, {"region": north.pk}).content.decode()
    assert "20 partnerships" in client.get(url, {"industry": "622"}).content.decode()
    assert "10 partnerships" in client.get(url, {"phase": "launched"}).content.decode()
    assert "0 partnerships" in client.get(url, {"phase": "launched", "industry": "622"}).content.decode()


def test_a_region_filter_includes_partnerships_in_overlapping_regions(client, db):
    """A partnership in local area L (county A) shows under planning region P (counties A and B)."""
    a, b = CountyFactory(), CountyFactory()
    local = RegionFactory(name="L", counties=[a])
    planning = RegionFactory(name="P", kind="planning_region", counties=[a, b])
    PartnershipFactory(name="In L", region=local)
    page = client.get(reverse("partnerships:list"), {"region": planning.pk}).content.decode()
    assert "<caption>1 partnership</caption>" in page and "In L" in page


def test_the_list_has_25_rows_a_page(client, thirty):
    """30 rows at 25 a page: page 1 has N00..N09 and S00..S14; page 2 has S15..S19."""
    page2 = client.get(reverse("partnerships:list"), {"page": 2}).content.decode()
    assert "page 2 of 2" in page2
    assert page2.count('data-label="Partnership"') == 5
    assert "S15" in page2 and "S19" in page2 and "S14" not in page2


def test_an_htmx_request_gets_only_the_results(client, thirty):
    response = client.get(reverse("partnerships:list"), {"phase": "launched"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and "10 partnerships" in body


def _queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("role", [None, Role.STATE_STAFF])
def test_queries_per_page_do_not_grow_with_the_number_of_partnerships(
    client, make_user, role, django_assert_max_num_queries
):
    """Count each page's queries with 3 partnerships, then with 30 more (with members): the counts must match."""
    if role:
        client.force_login(make_user(role))
    p = PartnershipFactory()
    for _ in range(2):
        MembershipFactory(partnership=PartnershipFactory())
    Goal.objects.create(name="g1", evaluator="region_coverage", parameters={})
    Goal.objects.create(name="g2", evaluator="employers_per_partnership", parameters={})
    pages = [
        reverse("partnerships:dashboard"),
        reverse("partnerships:list"),
        reverse("partnerships:goals"),
        reverse("partnerships:detail", args=[p.pk]),
        reverse("regions:list"),
        "/api/partnerships",
    ]
    before = {url: _queries(client, url) for url in pages}
    for _ in range(30):
        MembershipFactory(partnership=PartnershipFactory())
    for i in range(5):
        MembershipFactory(partnership=p)
        services.change_phase(user=make_user(Role.STATE_STAFF, username=f"s{i}"), partnership=p,
                              phase=Phase.objects.get(slug="sustaining"), changed_on=dt.date(2026, 1, 1 + i))  # fmt: skip
    for url in pages:
        with django_assert_max_num_queries(before[url]):
            client.get(url)
    assert max(before.values()) <= 25


def test_cached_public_pages_show_a_change_on_the_next_request(client, staff):
    """The public list is served from the cache; a rename bumps the registry version, so the next visit shows it."""
    p = PartnershipFactory(name="Old name")
    assert "Old name" in client.get(reverse("partnerships:list")).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("partnerships:list"))
    assert len(ctx) == 0  # served from the cache
    services.update_partnership(user=staff, partnership=p, name="New name")
    page = client.get(reverse("partnerships:list")).content.decode()
    assert "New name" in page and "Old name" not in page
