"""The public site's endpoint (read-only): the published partnership directory, the same for every caller.

Everything comes from `selectors.directory()` (the registry's public partnerships) and each one's public profile
only when that profile is published; no conveners' names or e-mails, no messages, no change history.
"""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from sectorhub.public import selectors

router = Router(tags=["public"])


class IndustryOut(Schema):
    """A NAICS industry."""

    code: str
    title: str


class ProfileOut(Schema):
    """A published public profile."""

    works_on: str
    how_to_join: str
    accepts_messages: bool


class DirectoryEntryOut(Schema):
    """A published partnership as the public directory shows it."""

    id: int
    name: str
    region_id: int
    region: str
    phase: str
    convener: str
    industries: list[IndustryOut]
    description: str
    profile: ProfileOut | None
    page: str


def _entries(partnerships) -> list[DirectoryEntryOut]:
    rows = list(partnerships)
    profiles = selectors.published_profiles(rows)
    return [
        DirectoryEntryOut(
            id=p.pk,
            name=p.name,
            region_id=p.region_id,
            region=p.region.name,
            phase=p.phase.slug,
            convener=p.convener.name,
            industries=[IndustryOut(code=i.code, title=i.title) for i in p.industries.all()],
            description=p.description,
            profile=(
                ProfileOut(
                    works_on=profiles[p.pk].works_on,
                    how_to_join=profiles[p.pk].how_to_join,
                    accepts_messages=profiles[p.pk].accepts_messages,
                )
                if p.pk in profiles
                else None
            ),
            page=reverse("public:partnership", kwargs={"pk": p.pk}),
        )
        for p in rows
    ]


@router.get("/partnerships", response=list[DirectoryEntryOut], url_name="public_directory")
@paginate(PageNumberPagination, page_size=50)
def directory(
    request, region: int | None = Query(None, ge=1, le=2**31 - 1), q: str = Query("", max_length=100)
):
    """Published partnerships by name, filtered like the directory page (region; text in name or industry)."""
    return _entries(selectors.directory(region=region, q=q.strip()))


@router.get("/partnerships/{int:pk}", response=DirectoryEntryOut, url_name="public_partnership")
def partnership(request, pk: int):
    """One published partnership (404 for one the registry does not publish)."""
    found = _entries(selectors.directory().filter(pk=pk))
    if not found:
        raise Http404("No such partnership")
    return found[0]
