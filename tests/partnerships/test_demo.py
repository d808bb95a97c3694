"""The Ohio demo loads real counties and metros, invented regions and partnerships, and one user per role."""

from __future__ import annotations

from collections import Counter

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from sectorhub.partnerships.demo import DELETED_PARTNERSHIP, LOCAL_AREAS, PRIVATE_PARTNERSHIP, load_demo
from sectorhub.partnerships.goals import evaluate_goal
from sectorhub.partnerships.models import Goal, Partnership
from sectorhub.partnerships.selectors import public_partnerships
from sectorhub.regions.models import County, Region, RegionKind

pytestmark = pytest.mark.skipif(
    not (settings.SECTORHUB_DATA / "reference").is_dir(),
    reason="shared data folder (SECTORHUB_DATA) not present",
)


@pytest.fixture
def demo(db):
    return load_demo(password="a demo password 123")


def test_the_invented_local_areas_cover_each_of_ohios_88_counties_once(demo):
    ohio = set(County.objects.filter(state_id="39").values_list("fips", flat=True))
    links = Counter(
        Region.counties.through.objects.filter(region__kind=RegionKind.LOCAL_AREA).values_list(
            "county_id", flat=True
        )
    )
    assert len(ohio) == 88
    assert set(links) == ohio and set(links.values()) == {1}
    assert Region.objects.filter(kind=RegionKind.LOCAL_AREA, is_demo=True).count() == len(LOCAL_AREAS) == 17


def test_metros_come_from_the_omb_delineation(demo):
    """MANIFEST, section 1 caveats: the Columbus MSA (C1814) has 10 counties, all in Ohio."""
    columbus = Region.objects.get(kind=RegionKind.METRO, code="18140")
    assert columbus.name == "Columbus, OH metro" and not columbus.is_demo
    assert columbus.counties.count() == 10
    assert columbus.counties.filter(fips="39049").exists()


def test_one_user_per_role_with_the_given_password(demo):
    users = {u.username: u for u in get_user_model().objects.all()}
    assert {name: u.role for name, u in users.items()} == {
        "admin": "state_admin",
        "staff": "state_staff",
        "convener": "regional_convener",
        "reviewer": "grant_reviewer",
        "analyst": "analyst",
    }
    assert all(u.check_password("a demo password 123") for u in users.values())
    assert users["admin"].is_superuser and not users["staff"].is_superuser
    assert not demo.password_generated


def test_the_coverage_goal_on_the_demo_matches_the_hand_count(demo):
    """Launched-or-later, active partnerships and the local areas they overlap:
    Central Ohio planning region (sustaining) → Franklin County, Central Ohio; Franklin County LWA (industry-led);
    Northeast Ohio planning region (launched) → its 6 LWAs; Cuyahoga (sustaining); Mahoning Valley (launched);
    Southwest Ohio planning region (launched) → Hamilton County, Southwest Ohio; Maumee Valley (industry-led);
    West Central Ohio (launched); Summit-Portage (launched). That is 2 + 6 + 2 + 1 + 1 = 12 of 17 for the public.
    Not covered: Miami Valley (preparing), Appalachian and Southern Ohio (exploring), North Central Ohio
    (inactive) and Northwest Ohio, whose only partnership (launched) is not public: signed in, 13 of 17."""
    goal = Goal.objects.get(evaluator="region_coverage")
    result = evaluate_goal(goal, partnerships=public_partnerships())
    assert (result.current, result.target) == (12, 17)
    assert [r.name.removeprefix("Demo LWA: ") for r in result.lacking_regions] == [
        "Appalachian Ohio", "Miami Valley", "North Central Ohio", "Northwest Ohio", "Southern Ohio"
    ]  # fmt: skip
    assert evaluate_goal(goal).current == 13


def test_the_demo_has_one_unpublished_and_one_deleted_partnership(demo):
    """For the crawler test: the unpublished one exists with is_public off; the deleted one only in history."""
    assert Partnership.objects.get(name=PRIVATE_PARTNERSHIP.name).is_public is False
    assert not Partnership.objects.filter(name=DELETED_PARTNERSHIP.name).exists()
    assert Partnership.history.filter(name=DELETED_PARTNERSHIP.name, history_type="-").count() == 1


def test_loading_twice_adds_nothing(demo):
    before = (Partnership.objects.count(), Region.objects.count(), County.objects.count())
    again = load_demo(password="another password 456")
    assert (
        (Partnership.objects.count(), Region.objects.count(), County.objects.count())
        == before
        == (14, before[1], before[2])
    )
    assert again.partnerships == 14
    assert Partnership.history.filter(name=DELETED_PARTNERSHIP.name, history_type="-").count() == 1
    assert get_user_model().objects.get(username="staff").check_password("another password 456")
