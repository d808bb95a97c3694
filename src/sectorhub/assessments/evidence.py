"""Live evidence: figures the registry already knows, shown beside the items they speak to.

Each source is read through the owning app's public functions (partnerships' goal evaluators and selectors), never
its tables. The data-packages source looks for whichever installed app publishes packages (a selectors module with
`published_packages()` and, for a region, `published_for(region)`) and says "not
available" when there is none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet

from sectorhub.core.discovery import app_modules
from sectorhub.core.evidence import Evidence

__all__ = ["Evidence", "SOURCES", "all_sources", "evidence_for", "evidence_keys", "source"]


SOURCES: dict[str, Callable[..., Evidence]] = {}


def source(key: str):
    """Register an evidence function under `key` (the `evidence:` value of an item)."""

    def wrap(fn):
        SOURCES[key] = fn
        return fn

    return wrap


def all_sources() -> dict[str, Callable[..., Evidence]]:
    """This module's sources and those of every app that ships `evidence.py` with an `EVIDENCE` dict."""
    merged = dict(SOURCES)
    for config, module in app_modules("evidence", exclude=("sectorhub.assessments",)):
        for key, fn in getattr(module, "EVIDENCE", {}).items():
            if key in merged:
                raise ImproperlyConfigured(f"evidence source {key!r} is declared twice ({config.name})")
            merged[key] = fn
    return merged


def evidence_keys() -> set[str]:
    """The evidence sources an instrument file may name."""
    return set(all_sources())


def evidence_for(keys: Iterable[str], *, user, region=None) -> dict[str, Evidence]:
    """Each named source evaluated once (a page may list several items naming the same source)."""
    sources = all_sources()
    return {key: sources[key](user=user, region=region) for key in sorted(set(keys)) if key in sources}


@source("partnership_coverage")
def partnership_coverage(*, user, region=None) -> Evidence:
    """Local workforce areas that share a county with a launched (or later, active) partnership."""
    from sectorhub.partnerships.goals import evaluate_goal
    from sectorhub.partnerships.models import Goal

    probe = Goal(name="Coverage", evaluator="region_coverage", parameters={})  # evaluated, never saved
    result = evaluate_goal(probe)
    return Evidence(
        source="partnership_coverage",
        label="Partnership coverage",
        summary=f"{result.summary} by a launched partnership",
        value=result.progress,
    )


@source("goals_met")
def goals_met(*, user, region=None) -> Evidence:
    """How many of the statewide goals are met today."""
    from sectorhub.partnerships.selectors import goal_results

    results = goal_results(user)
    met = sum(1 for r in results if r.met)
    if not results:
        return Evidence("goals_met", "Statewide goals", "No statewide goals are recorded yet", value=None)
    return Evidence(
        source="goals_met",
        label="Statewide goals",
        summary=f"{met} of {len(results)} statewide goals met",
        value=met / len(results),
    )


@source("active_partnerships")
def active_partnerships(*, user, region=None) -> Evidence:
    """Active partnerships statewide, or in the cycle's region (sharing a county with it)."""
    from sectorhub.partnerships.selectors import PartnershipFilters, partnership_list

    rows = partnership_list(user, PartnershipFilters(region=region.pk if region else None))
    count = rows.filter(phase__is_active=True).count()
    where = f"in or overlapping {region.name}" if region else "statewide"
    return Evidence(
        source="active_partnerships",
        label="Active partnerships",
        summary=f"{count} active partnership{'s' if count != 1 else ''} {where}",
        value=count,
    )


@source("packages_published")
def packages_published(*, user, region=None) -> Evidence:
    """Regional data packages the state has published, from whichever app publishes them."""
    for _config, module in app_modules("selectors"):
        fn = getattr(module, "published_packages", None)
        if callable(fn):
            by_region = getattr(module, "published_for", None)
            if region is not None and callable(by_region):
                return _packages(_count(by_region(region)), region)
            return _packages(_count(fn()))
    return Evidence(
        source="packages_published",
        label="Data packages",
        summary="Data packages are not published through SectorHub yet",
        available=False,
    )


def _count(rows) -> int:
    """How many rows: a COUNT query for a queryset (packages carry large bodies), len() otherwise."""
    return rows.count() if isinstance(rows, QuerySet) else len(list(rows))


def _packages(count: int, region=None) -> Evidence:
    """The data-packages figure."""
    where = f" for {region.name}" if region is not None else ""
    return Evidence(
        source="packages_published",
        label="Data packages",
        summary=f"{count} regional data package{'s' if count != 1 else ''} published{where}",
        value=count,
    )
