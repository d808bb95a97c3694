"""Live evidence: figures the registry already knows, shown beside the items they speak to.

Each source is read through the owning app's public functions (partnerships' goal evaluators and selectors), never
its tables. The data-packages source looks for whichever installed app publishes packages (a selectors module with
`published_packages()` and, for a region, `published_for(region)`; or a `PackageSnapshot` model) and says "not
available" when there is none.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import QuerySet


@dataclass(frozen=True)
class Evidence:
    """One live figure: what it says, how it reads as a number (when it is one), and where it comes from."""

    source: str
    label: str
    summary: str
    available: bool = True
    value: float | None = None


SOURCES: dict[str, Callable[..., Evidence]] = {}


def source(key: str):
    """Register an evidence function under `key` (the `evidence:` value of an item)."""

    def wrap(fn):
        SOURCES[key] = fn
        return fn

    return wrap


def evidence_keys() -> set[str]:
    """The evidence sources an instrument file may name."""
    return set(SOURCES)


def evidence_for(keys: Iterable[str], *, user, region=None) -> dict[str, Evidence]:
    """Each named source evaluated once (a page may list several items naming the same source)."""
    return {key: SOURCES[key](user=user, region=region) for key in sorted(set(keys)) if key in SOURCES}


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
    for config in apps.get_app_configs():
        if not config.name.startswith("sectorhub."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.selectors")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.selectors":
                raise
            continue
        fn = getattr(module, "published_packages", None)
        if callable(fn):
            by_region = getattr(module, "published_for", None)
            if region is not None and callable(by_region):
                return _packages(_count(by_region(region)), region)
            return _packages(_count(fn()))
    for model in apps.get_models():
        if model.__name__ == "PackageSnapshot":
            fields = {f.name for f in model._meta.get_fields()}
            qs = model._default_manager.all()
            for flag in ("is_published", "published"):
                if flag in fields:
                    qs = qs.filter(**{flag: True})
                    break
            return _packages(qs.count())
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
