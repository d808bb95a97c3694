"""Goal evaluation, against expectations worked by hand.

The fixture state has four counties A, B, C, D and three local areas: L1 = {A}, L2 = {B}, L3 = {C, D}; a planning
region P = {A, B}. Default phases (order): exploring 10, preparing 20, launched 30, industry-led action 40,
sustaining 50, inactive 60 (not active).
"""

from __future__ import annotations

import datetime as dt

import pytest

from sectorhub.partnerships.goals import evaluate_goal
from sectorhub.partnerships.models import Goal, OrganizationKind, Phase
from sectorhub.regions.models import RegionKind
from tests.partnerships.factories import MembershipFactory, OrganizationFactory, PartnershipFactory
from tests.regions.factories import CountyFactory, RegionFactory

TODAY = dt.date(2026, 6, 1)


def phase(slug: str) -> Phase:
    return Phase.objects.get(slug=slug)


@pytest.fixture
def state(db):
    """The hand-worked fixture: regions and three partnerships p1 (P, launched), p2 (L3, exploring), p3 (L3,
    inactive)."""
    a, b, c, d = (CountyFactory(fips=f"3990{i}", name=n) for i, n in enumerate("ABCD", start=1))
    regions = {
        "L1": RegionFactory(name="L1", counties=[a]),
        "L2": RegionFactory(name="L2", counties=[b]),
        "L3": RegionFactory(name="L3", counties=[c, d]),
        "P": RegionFactory(name="P", kind=RegionKind.PLANNING_REGION, counties=[a, b]),
    }
    parts = {
        "p1": PartnershipFactory(name="p1", region=regions["P"], phase=phase("launched")),
        "p2": PartnershipFactory(name="p2", region=regions["L3"], phase=phase("exploring")),
        "p3": PartnershipFactory(name="p3", region=regions["L3"], phase=phase("inactive")),
    }
    return regions, parts


def coverage_goal(**kwargs) -> Goal:
    return Goal.objects.create(
        name="Every local area has a launched partnership",
        evaluator="region_coverage",
        parameters={"region_kind": "local_area", "min_phase": "launched"},
        **kwargs,
    )


def test_a_planning_region_partnership_covers_each_local_area_it_overlaps(state):
    """p1's region P shares A with L1 and B with L2, so both are covered. L3 has only p2 (exploring, before
    launched) and p3 (inactive: after launched in the order, but not active), so it is not: 2 of 3 covered."""
    regions, _ = state
    result = evaluate_goal(coverage_goal(target_date=dt.date(2027, 6, 30)), TODAY)
    assert (result.current, result.target) == (2, 3)
    assert result.progress == pytest.approx(2 / 3)
    assert [r.name for r in result.lacking_regions] == ["L3"]
    assert not result.met
    assert result.status == "In progress"


def test_coverage_is_met_once_the_last_area_has_a_launched_partnership(state):
    """Moving p2 to sustaining (50 >= 30, active) covers L3: 3 of 3, met."""
    _, parts = state
    parts["p2"].phase = phase("sustaining")
    parts["p2"].save()
    result = evaluate_goal(coverage_goal(), TODAY)
    assert (result.current, result.target, result.met, result.status) == (3, 3, True, "Met")
    assert result.lacking_regions == []


def test_a_goal_not_met_by_its_date_is_missed(state):
    result = evaluate_goal(coverage_goal(target_date=dt.date(2026, 5, 31)), TODAY)
    assert result.status == "Missed"


def test_active_count_counts_only_active_phases(state):
    """p1 launched (active), p2 exploring (not), p3 inactive (not), plus p4 preparing (active): 2 of a target 4,
    progress 2/4 = 0.5."""
    PartnershipFactory(name="p4", phase=phase("preparing-to-launch"))
    goal = Goal.objects.create(name="4 active", evaluator="active_count", parameters={"target": 4})
    result = evaluate_goal(goal, TODAY)
    assert (result.current, result.target, result.progress, result.met) == (2, 4, 0.5, False)


def test_employers_per_partnership_counts_current_business_members_only(state):
    """Minimum 2 employers. p1 has businesses b1, b2 and b3, but b3 left on 2026-01-31 (before TODAY), plus a
    workforce board that is not a business: 2 current employers, meets it. p4 (preparing, active) has one
    business: short. p2 and p3 are not active and are not judged. 1 of 2 meet it: progress 0.5, short = [(p4, 1)].
    """
    _, parts = state
    p1 = parts["p1"]
    MembershipFactory(partnership=p1)
    MembershipFactory(partnership=p1)
    MembershipFactory(partnership=p1, left_on=dt.date(2026, 1, 31))
    MembershipFactory(partnership=p1, organization=OrganizationFactory(kind=OrganizationKind.WORKFORCE_BOARD))
    p4 = PartnershipFactory(name="p4", phase=phase("preparing-to-launch"))
    MembershipFactory(partnership=p4)
    goal = Goal.objects.create(
        name="2 employers", evaluator="employers_per_partnership", parameters={"min_employers": 2}
    )
    result = evaluate_goal(goal, TODAY)
    assert (result.current, result.target, result.progress) == (1, 2, 0.5)
    assert [(p.name, n) for p, n in result.short_partnerships] == [("p4", 1)]


def test_a_membership_ending_after_today_still_counts(state):
    """left_on 2026-06-02 is after TODAY (2026-06-01), so that member is current: p1 has 1 employer, min 1."""
    _, parts = state
    MembershipFactory(partnership=parts["p1"], left_on=dt.date(2026, 6, 2))
    goal = Goal.objects.create(
        name="1 employer", evaluator="employers_per_partnership", parameters={"min_employers": 1}
    )
    assert evaluate_goal(goal, TODAY).met
