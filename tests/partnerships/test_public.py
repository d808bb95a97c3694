"""Public means public: anonymous pages name and count only partnerships the public selector returns.

The fixture, worked by hand: one local area L (county A) and two partnerships there, both launched (active), each
with one business member: "Open Pilot" (public) and "Hidden Pilot" (not public). A third, "Gone Pilot", was
registered and then deleted. The active-count goal's target is 3.

- the anonymous dashboard counts 1 active partnership, and the goal on the same page says "1 of 3";
- staff see 2 active and "2 of 3";
- the goals page lists partnerships below 5 employers: "Open Pilot" for the public, both for staff;
- "Hidden Pilot" and "Gone Pilot" never appear on an anonymous page; "Gone Pilot" has no link for staff either.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from sectorhub.core.roles import Role
from sectorhub.partnerships import selectors
from sectorhub.partnerships.models import Goal, OrganizationKind, Partnership, Phase
from tests.partnerships.factories import MembershipFactory, OrganizationFactory, PartnershipFactory
from tests.regions.factories import CountyFactory, RegionFactory


@pytest.fixture
def registry(db):
    """The hand-worked fixture above."""
    area = RegionFactory(name="L", counties=[CountyFactory(fips="39901", name="A")])
    launched = Phase.objects.get(slug="launched")
    made = {}
    for name, public in (("Open Pilot", True), ("Hidden Pilot", False), ("Gone Pilot", True)):
        p = PartnershipFactory(name=name, region=area, phase=launched, is_public=public)
        MembershipFactory(partnership=p, organization=OrganizationFactory(kind=OrganizationKind.BUSINESS))
        made[name] = p
    gone_pk = made["Gone Pilot"].pk
    made["Gone Pilot"].delete()
    Goal.objects.create(name="Three active", evaluator="active_count", parameters={"target": 3})
    Goal.objects.create(name="Five employers", evaluator="employers_per_partnership", parameters={})
    return made, gone_pk


def test_the_anonymous_dashboard_counts_and_goals_agree(client, registry):
    """1 active public partnership; the active-count goal on the same page says 1 of 3 (it said 2 of 3)."""
    context = client.get(reverse("partnerships:dashboard")).context
    assert context["counts"]["active"] == 1
    active_goal = next(r for r in context["goals"] if r.goal.evaluator == "active_count")
    assert (active_goal.current, active_goal.target) == (1, 3)


def test_staff_count_unpublished_partnerships_in_figures_and_goals(client, make_user, registry):
    """Signed in, both live partnerships count: 2 active, 2 of 3."""
    client.force_login(make_user(Role.STATE_STAFF))
    context = client.get(reverse("partnerships:dashboard")).context
    assert context["counts"]["active"] == 2
    active_goal = next(r for r in context["goals"] if r.goal.evaluator == "active_count")
    assert active_goal.current == 2


def test_the_public_goals_page_does_not_name_an_unpublished_partnership(client, registry):
    """ "Hidden Pilot" has 1 employer, below the 5 of the goal: staff see it listed, the public does not."""
    html = client.get(reverse("partnerships:goals")).content.decode()
    assert "Open Pilot" in html
    assert "Hidden Pilot" not in html
    made, _ = registry
    assert reverse("partnerships:detail", args=[made["Hidden Pilot"].pk]) not in html


def test_the_public_goals_api_counts_only_published_partnerships(client, registry):
    """GET /api/goals as anonymous: "1 of 1 active partnerships" below the mark is the public one only."""
    rows = {row["name"]: row for row in client.get("/api/goals").json()}
    assert rows["Three active"]["summary"] == "1 of 3 active partnerships"
    assert rows["Five employers"]["summary"] == "0 of 1 active partnerships have at least 5 employers"


def test_a_deleted_partnership_leaves_no_trace_on_the_public_dashboard(client, registry):
    """The history still holds "Gone Pilot" (a deletion record), but the public dashboard neither names nor links
    it; it shows the public partnership under its current name."""
    _, gone_pk = registry
    assert Partnership.history.filter(name="Gone Pilot", history_type="-").exists()
    html = client.get(reverse("partnerships:dashboard")).content.decode()
    assert "Gone Pilot" not in html
    assert "Hidden Pilot" not in html
    assert reverse("partnerships:detail", args=[gone_pk]) not in html
    assert "Open Pilot" in html


def test_staff_see_a_deleted_partnership_in_latest_changes_without_a_link(client, make_user, registry):
    """Staff see "Gone Pilot, deleted" in the change history, not as a link that would 404."""
    _, gone_pk = registry
    client.force_login(make_user(Role.STATE_STAFF))
    html = client.get(reverse("partnerships:dashboard")).content.decode()
    assert "Gone Pilot</a>" not in html
    assert "Gone Pilot, deleted" in html
    assert reverse("partnerships:detail", args=[gone_pk]) not in html


def test_a_renamed_partnership_is_shown_to_the_public_under_its_current_name(client, registry):
    """A name typed by mistake and then corrected never reaches the public through "latest changes"."""
    made, _ = registry
    made["Open Pilot"].name = "Oops Secret Working Title"
    made["Open Pilot"].save()
    made["Open Pilot"].name = "Open Pilot"
    made["Open Pilot"].save()
    html = client.get(reverse("partnerships:dashboard")).content.decode()
    assert "Oops Secret Working Title" not in html


def test_the_public_selector_returns_published_partnerships_only(registry):
    """One selector decides: Open Pilot only."""
    assert [p.name for p in selectors.public_partnerships()] == ["Open Pilot"]


def test_a_region_page_names_assigned_conveners_only_to_signed_in_users(client, make_user, db):
    """A convener's name is a person's: signed-in users see it, the public does not."""
    convener = make_user(Role.CONVENER, username="casey", first_name="Casey", last_name="Quill")
    region = RegionFactory(name="R", counties=[CountyFactory(fips="39903", name="C")])
    region.conveners.add(convener)
    url = reverse("regions:detail", args=[region.pk])
    assert "Quill" not in client.get(url).content.decode()
    client.force_login(make_user(Role.ANALYST))
    assert "Quill" in client.get(url).content.decode()
