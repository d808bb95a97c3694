"""Capacity-building endpoints (read-only): events, the resource library and TA requests.

Anonymous callers get what `selectors.public()` returns (public, not deleted events and resources; no attendance,
no people); signed-in users get what the pages show them (every event and resource not deleted, with attendance
counts); TA requests go to signed-in users only, scoped as on the pages (`selectors.requests_for`).
"""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from sectorhub.capacity import selectors
from sectorhub.core.permissions import role_of
from sectorhub.core.roles import Role

router = Router(tags=["capacity"])


def _anonymous(request) -> bool:
    return role_of(request.user) == Role.PUBLIC


class EventOut(Schema):
    """An event; the attendance counts only for signed-in callers (None for the public)."""

    id: int
    title: str
    kind: str
    format: str
    starts_on: dt.date
    ends_on: dt.date | None
    location: str
    description: str
    capability: str
    regions_invited: list[str]
    is_public: bool
    registered: int | None = None
    present: int | None = None

    @staticmethod
    def resolve_regions_invited(obj) -> list[str]:
        """Names of the invited regions, from the prefetched rows."""
        return sorted(r.name for r in obj.regions_invited.all())

    @staticmethod
    def resolve_registered(obj) -> int | None:
        """People registered (annotated by the signed-in selector only)."""
        return getattr(obj, "registered", None)

    @staticmethod
    def resolve_present(obj) -> int | None:
        """People marked present (annotated by the signed-in selector only)."""
        return getattr(obj, "present", None)


class ResourceOut(Schema):
    """A library item; `download` is the permission-checked file URL when it has a file."""

    id: int
    title: str
    kind: str
    description: str
    capability: str
    url: str
    download: str | None
    is_public: bool
    phases: list[str]
    industries: list[str]

    @staticmethod
    def resolve_download(obj) -> str | None:
        """The download view's path, or None for a link-only item."""
        return reverse("capacity:resource_download", kwargs={"pk": obj.pk}) if obj.file else None

    @staticmethod
    def resolve_phases(obj) -> list[str]:
        """Phase slugs, from the prefetched rows."""
        return sorted(p.slug for p in obj.phases.all())

    @staticmethod
    def resolve_industries(obj) -> list[str]:
        """NAICS codes, from the prefetched rows."""
        return sorted(i.code for i in obj.industries.all())


class RequestOut(Schema):
    """A TA request as the request pages show it (no requester's or assignee's contact details)."""

    id: int
    region_id: int
    region: str
    partnership: str | None
    category: str
    description: str
    priority: str
    status: str
    resolution: str
    submitted_at: dt.datetime
    resolved_at: dt.datetime | None

    @staticmethod
    def resolve_region(obj) -> str:
        """The region's name."""
        return obj.region.name

    @staticmethod
    def resolve_partnership(obj) -> str | None:
        """The partnership's name, if any."""
        return obj.partnership.name if obj.partnership_id else None

    @staticmethod
    def resolve_category(obj) -> str:
        """The challenge category's slug."""
        return obj.category.slug


def _events(request, year: int | None = None):
    if _anonymous(request):
        events = selectors.public().events
        return events.filter(starts_on__year=year) if year else events
    # Aggregating querysets drop Meta.ordering: order explicitly, newest first as on the pages.
    return (
        selectors.event_list(year=year)
        .prefetch_related("regions_invited")
        .order_by("-starts_on", "title", "pk")
    )


def _resources(request):
    return selectors.public().resources if _anonymous(request) else selectors.resource_list()


@router.get("/events", response=list[EventOut], url_name="capacity_event_list")
@paginate(PageNumberPagination, page_size=50)
def event_list(request, year: int | None = Query(None, ge=2000, le=2100)):
    """Events, newest first: public ones for the public, every event not deleted for signed-in users."""
    return _events(request, year)


@router.get("/events/{int:pk}", response=EventOut, url_name="capacity_event_detail")
def event_detail(request, pk: int):
    """One event the caller may see."""
    return get_object_or_404(_events(request), pk=pk)


@router.get("/resources", response=list[ResourceOut], url_name="capacity_resource_list")
@paginate(PageNumberPagination, page_size=100)
def resource_list(request):
    """The library: public items for the public, every item not deleted for signed-in users."""
    return _resources(request)


@router.get("/resources/{int:pk}", response=ResourceOut, url_name="capacity_resource_detail")
def resource_detail(request, pk: int):
    """One library item the caller may see."""
    return get_object_or_404(_resources(request), pk=pk)


@router.get("/requests", response=list[RequestOut], url_name="capacity_request_list")
@paginate(PageNumberPagination, page_size=100)
def request_list(request, status: str = ""):
    """TA requests the signed-in caller may see (a convener: their regions' and partnerships'), newest first."""
    qs = selectors.requests_for(request.user).order_by("-submitted_at", "-pk")
    return qs.filter(status=status) if status else qs


@router.get("/requests/{int:pk}", response=RequestOut, url_name="capacity_request_detail")
def request_detail(request, pk: int):
    """One TA request the caller may see (404 otherwise)."""
    return get_object_or_404(selectors.requests_for(request.user), pk=pk)
