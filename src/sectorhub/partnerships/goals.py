"""Statewide goals, evaluated live from the registry.

A registry maps an evaluator key to a function `(goal, today) -> GoalResult`; a Goal row names its evaluator and
parameters. Each evaluator runs a fixed number of queries, whatever the number of partnerships.

Definitions (also in docs/web.md):
- a partnership *covers* a region when its own region shares at least one county with it and its phase is
  at or after the goal's phase and counts as active;
- a membership is *current* on a day when it has no `left_on` date or `left_on` is later than that day;
- a partnership is *active* when its phase has `is_active` set (default phases: all but exploring and inactive).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q

from sectorhub.partnerships.models import Goal, OrganizationKind, Partnership, Phase
from sectorhub.regions.models import Region, RegionKind


@dataclass
class GoalResult:
    """How a goal stands today: met or not, progress from 0 to 1, and what is still missing."""

    goal: Goal
    met: bool
    current: float
    target: float
    progress: float
    summary: str
    status: str = ""
    lacking_regions: list[Region] = field(default_factory=list)
    short_partnerships: list[tuple[Partnership, int]] = field(default_factory=list)
    covered_region_ids: set[int] = field(default_factory=set)

    @property
    def percent(self) -> int:
        """Progress as a whole percentage, for the progress bar."""
        return round(self.progress * 100)


@dataclass(frozen=True)
class Evaluator:
    """A registered kind of goal: its label, its parameters with defaults and help, and its function."""

    key: str
    label: str
    parameters: dict[str, tuple[object, str]]
    evaluate: Callable[..., GoalResult]


EVALUATORS: dict[str, Evaluator] = {}


def evaluator(key: str, label: str, **parameters: tuple[object, str]):
    """Register an evaluator function under `key` (parameters: name=(default, help))."""

    def wrap(fn):
        EVALUATORS[key] = Evaluator(key=key, label=label, parameters=parameters, evaluate=fn)
        return fn

    return wrap


def evaluate_goal(goal: Goal, today: dt.date | None = None, partnerships=None) -> GoalResult:
    """Evaluate one goal on `today` (default: the current date) over `partnerships` (default: all of them).

    Public pages pass the public selector's queryset, so a goal counts exactly the partnerships the page lists.
    """
    today = today or dt.date.today()
    partnerships = Partnership.objects.all() if partnerships is None else partnerships
    spec = EVALUATORS.get(goal.evaluator)
    if spec is None:
        raise KeyError(f"goal {goal.pk} names unknown evaluator {goal.evaluator!r}")
    params = {name: goal.parameters.get(name, default) for name, (default, _help) in spec.parameters.items()}
    result = spec.evaluate(goal, params, today, partnerships)
    if result.met:
        result.status = "Met"
    elif goal.target_date and today > goal.target_date:
        result.status = "Missed"
    else:
        result.status = "In progress"
    return result


def evaluate_goals(goals, today: dt.date | None = None, partnerships=None) -> list[GoalResult]:
    """Evaluate several goals over the same partnerships."""
    return [evaluate_goal(goal, today, partnerships) for goal in goals]


def _phase_at_least(slug: str) -> set[int]:
    """Ids of the active phases at or after the phase `slug` in the configured order.

    "Launched or later" must not count "inactive", which comes last in the order but means the partnership ended.
    """
    threshold = Phase.objects.get(slug=slug).order
    return set(Phase.objects.filter(order__gte=threshold, is_active=True).values_list("pk", flat=True))


@evaluator(
    "region_coverage",
    "Every region of a kind has a partnership at or beyond a phase",
    region_kind=(RegionKind.LOCAL_AREA.value, "Kind of region that must be covered"),
    min_phase=("launched", "Slug of the earliest phase that counts"),
)
def region_coverage(goal: Goal, params: dict, today: dt.date, partnerships) -> GoalResult:
    """Share of regions of `region_kind` that share a county with a partnership in `min_phase` or later."""
    phases = _phase_at_least(params["min_phase"])
    through = Region.counties.through
    covered_counties = set(
        through.objects.filter(
            region_id__in=partnerships.filter(phase_id__in=phases).values("region_id")
        ).values_list("county_id", flat=True)
    )
    regions = list(
        Region.objects.filter(kind=params["region_kind"]).prefetch_related("counties").order_by("name")
    )
    covered = {r.pk for r in regions if any(c.fips in covered_counties for c in r.counties.all())}
    lacking = [r for r in regions if r.pk not in covered]
    total = len(regions)
    kind_label = RegionKind(params["region_kind"]).label.lower()
    return GoalResult(
        goal=goal,
        met=total > 0 and not lacking,
        current=len(covered),
        target=total,
        progress=len(covered) / total if total else 0.0,
        summary=f"{len(covered)} of {total} {kind_label}s covered",
        lacking_regions=lacking,
        covered_region_ids=covered,
    )


@evaluator(
    "active_count",
    "A number of active partnerships",
    target=(30, "How many active partnerships"),
)
def active_count(goal: Goal, params: dict, today: dt.date, partnerships) -> GoalResult:
    """Active partnerships against a target number."""
    target = int(params["target"])
    count = partnerships.filter(phase__is_active=True).count()
    return GoalResult(
        goal=goal,
        met=count >= target,
        current=count,
        target=target,
        progress=min(1.0, count / target) if target else 1.0,
        summary=f"{count} of {target} active partnerships",
    )


@evaluator(
    "employers_per_partnership",
    "Every active partnership has at least a number of employers",
    min_employers=(5, "Businesses with a current membership"),
)
def employers_per_partnership(goal: Goal, params: dict, today: dt.date, partnerships) -> GoalResult:
    """Share of active partnerships with at least `min_employers` businesses as current members."""
    minimum = int(params["min_employers"])
    current = Q(memberships__organization__kind=OrganizationKind.BUSINESS) & (
        Q(memberships__left_on__isnull=True) | Q(memberships__left_on__gt=today)
    )
    rows = list(
        partnerships.filter(phase__is_active=True)
        .annotate(employers=Count("memberships", filter=current, distinct=True))
        .order_by("name")
    )
    short = [(p, p.employers) for p in rows if p.employers < minimum]
    meeting = len(rows) - len(short)
    return GoalResult(
        goal=goal,
        met=bool(rows) and not short,
        current=meeting,
        target=len(rows),
        progress=meeting / len(rows) if rows else 0.0,
        summary=f"{meeting} of {len(rows)} active partnerships have at least {minimum} employers",
        short_partnerships=short,
    )


def county_coverage(result: GoalResult) -> dict[str, str]:
    """County FIPS → "Covered" or "Not yet covered" for a region-coverage result (for the goals map)."""
    groups: dict[str, str] = defaultdict(str)
    through = Region.counties.through
    kind = result.goal.parameters.get("region_kind", RegionKind.LOCAL_AREA.value)
    for region_id, fips in through.objects.filter(region__kind=kind).values_list("region_id", "county_id"):
        label = "Covered" if region_id in result.covered_region_ids else "Not yet covered"
        # A county in two regions of the kind shows as covered only if both are.
        groups[fips] = label if groups[fips] in ("", label) else "Not yet covered"
    return dict(groups)
