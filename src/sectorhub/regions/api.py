"""Region endpoints: regions with their county FIPS codes, and the counties of a state."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from sectorhub.regions import selectors
from sectorhub.regions.models import Region

router = Router(tags=["regions"])


class RegionOut(Schema):
    """A region and its counties."""

    id: int
    name: str
    kind: str
    code: str
    is_demo: bool
    counties: list[str]


class CountyOut(Schema):
    """A county."""

    fips: str
    name: str
    state: str


def _region_out(region: Region) -> RegionOut:
    """Serialize a region with its (prefetched) counties."""
    return RegionOut(
        id=region.pk,
        name=region.name,
        kind=region.kind,
        code=region.code,
        is_demo=region.is_demo,
        counties=sorted(c.fips for c in region.counties.all()),
    )


@router.get("/", response=list[RegionOut], url_name="region_list")
def region_list(request, kind: str | None = None):
    """Regions, optionally of one kind (local_area, planning_region, metro, custom)."""
    return [_region_out(r) for r in selectors.regions_of_kind(kind).prefetch_related("counties")]


@router.get("/counties", response=list[CountyOut], url_name="county_list")
def county_list(request, state: str = "39"):
    """The counties of one state (two-digit FIPS)."""
    return [CountyOut(fips=c.fips, name=c.name, state=c.state_id) for c in selectors.counties_in_state(state)]


@router.get("/{int:region_id}", response=RegionOut, url_name="region_detail")
def region_detail(request, region_id: int):
    """One region."""
    region = get_object_or_404(Region.objects.prefetch_related("counties"), pk=region_id)
    return _region_out(region)
