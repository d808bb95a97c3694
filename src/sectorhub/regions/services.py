"""Writes for regions: each runs in one transaction, checks permission and records who changed what."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from sectorhub.core.history import record
from sectorhub.regions.models import County, Region, State
from sectorhub.regions.permissions import can_change_region, can_create_region
from sectorhub.regions.reference import read_area_titles


@transaction.atomic
def create_region(
    *,
    user,
    name: str,
    kind: str,
    counties: Iterable[County],
    description: str = "",
    code: str = "",
    is_demo=False,
) -> Region:
    """Create a region from a set of counties (state administrators and staff)."""
    if not can_create_region(user):
        raise PermissionDenied("Only state staff define regions.")
    counties = list(counties)
    if not counties:
        raise ValidationError({"counties": "A region needs at least one county."})
    region = Region(name=name, kind=kind, description=description, code=code, is_demo=is_demo)
    record(region, user=user, reason="Region created")
    region.full_clean()
    region.save()
    region.counties.set(counties)
    return region


@transaction.atomic
def update_region(*, user, region: Region, counties: Iterable[County] | None = None, **fields) -> Region:
    """Change a region's fields and counties (state staff, or a convener assigned to it)."""
    if not can_change_region(user, region):
        raise PermissionDenied("You may change only regions assigned to you.")
    allowed = {"name", "kind", "description", "code", "is_demo"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown region fields: {sorted(unknown)}")
    for key, value in fields.items():
        setattr(region, key, value)
    record(region, user=user, reason="Region edited")
    region.full_clean()
    region.save()
    if counties is not None:
        counties = list(counties)
        if not counties:
            raise ValidationError({"counties": "A region needs at least one county."})
        region.counties.set(counties)
    return region


@transaction.atomic
def load_reference_geography(*, path: Path | None = None) -> tuple[int, int]:
    """Load every state and county from BLS's area titles (command-line use); returns (states, counties).

    Idempotent: names are updated in place, nothing is deleted.
    """
    titles = read_area_titles(path)
    existing_states = State.objects.in_bulk()
    for fips, name in titles.states.items():
        if fips not in existing_states:
            State.objects.create(fips=fips, name=name)
        elif existing_states[fips].name != name:
            State.objects.filter(pk=fips).update(name=name)
    # Counties whose state has no statewide row (none in the BLS file today) are skipped rather than guessed.
    rows = [
        County(fips=fips, name=name, state_id=state)
        for fips, (name, state) in titles.counties.items()
        if state in titles.states
    ]
    existing = set(County.objects.values_list("fips", flat=True))
    County.objects.bulk_create([c for c in rows if c.fips not in existing], batch_size=1000)
    for county in rows:
        if county.fips in existing:
            County.objects.filter(pk=county.fips).exclude(name=county.name).update(name=county.name)
    return len(titles.states), len(rows)
