"""Data package endpoints: the published packages (public) and a region's package for chosen filters (signed in).

The region's package is the same cached package as the page and its downloads (``building``); while it is being
built the answer is 202 with ``Retry-After``, never a worker timeout.
"""

from __future__ import annotations

from datetime import datetime

from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from sectorhub.datapackages import selectors
from sectorhub.regions.models import Region

router = Router(tags=["data packages"])

API_WAIT_SECONDS = 20.0


class PublishedOut(Schema):
    """A published package (without its figures: see the detail)."""

    id: int
    region_id: int
    region: str
    title: str
    year: int
    period: str
    level: str
    ownership: str
    published_at: datetime


class BuildingOut(Schema):
    """The package is being built: ask again after ``retry_after`` seconds."""

    detail: str
    retry_after: int


class PackageFilters(Schema):
    """A package's filters, as on the page: period ``2016-4`` or ``2020-A``, NAICS level, ownership, sectors."""

    period: str = ""
    level: str = "2"
    ownership: str = "5"
    map: str = "employment"
    sector: list[str] = []


def _published_out(p) -> PublishedOut:
    return PublishedOut(
        id=p.pk,
        region_id=p.region_id,
        region=p.region.name,
        title=p.title,
        year=p.year,
        period=p.period,
        level=p.level,
        ownership=p.ownership,
        published_at=p.published_at,
    )


@router.get("/packages", response=list[PublishedOut], url_name="published_package_list")
def published_package_list(request):
    """Every published package that is not withdrawn, newest first."""
    return [_published_out(p) for p in selectors.published_packages()]


@router.get("/packages/{int:pk}", response=dict, url_name="published_package_detail")
def published_package_detail(request, pk: int):
    """One published package's figures, as published (the same JSON as its download)."""
    return get_object_or_404(selectors.published_packages(), pk=pk).data


@router.get(
    "/regions/{int:region_id}/package", response={200: dict, 202: BuildingOut}, url_name="region_package"
)
def region_package(request, region_id: int, response: HttpResponse, filters: Query[PackageFilters]):
    """A region's package for the filters (signed-in users): summary, industries, sections, sources, notes."""
    region = get_object_or_404(Region.objects.prefetch_related("counties"), pk=region_id)
    try:
        periods = selectors.periods_for(selectors.region_counties(region))
    except FileNotFoundError as exc:
        raise Http404("no labor-market data is loaded") from exc
    if not periods:
        raise Http404("no loaded period covers every county of this region")
    params = QueryDict(mutable=True)
    for key, value in filters.dict().items():
        params.setlist(key, value if isinstance(value, list) else [value])
    choice = selectors.choice_from(params, periods)
    _, pkg = selectors.cached_package(region, choice, wait=API_WAIT_SECONDS)
    if pkg is None:
        response["Retry-After"] = "5"
        return Status(202, BuildingOut(detail="the package is being built", retry_after=5))
    return Status(200, pkg.to_dict())
