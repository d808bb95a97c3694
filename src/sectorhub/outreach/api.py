"""Outreach endpoints (read-only): champions, engagements and recommendations.

Anonymous callers see champions through `selectors.public_champions()` only (recorded consent, not deleted; name,
title, organization, a public network and the quote, never an e-mail or phone). Signed-in users see what the
outreach pages show them: every champion not deleted with e-mail and consent (the phone is on no page), the
engagement log and the recommendations.
"""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from sectorhub.core.permissions import role_of
from sectorhub.core.roles import Role
from sectorhub.outreach import selectors
from sectorhub.outreach.models import Champion

router = Router(tags=["outreach"])


class ChampionOut(Schema):
    """A champion; the fields after `quote` are for signed-in callers only (None for the public)."""

    id: int
    name: str
    title: str
    organization: str
    network: str
    quote: str
    partnership: str | None = None
    email: str | None = None
    consent_public: bool | None = None
    consent_date: dt.date | None = None
    consent_scope: str | None = None


class _Linked(Schema):
    """Resolvers shared by the records that may name a network and a partnership: their names, or None."""

    @staticmethod
    def resolve_partnership(obj) -> str | None:
        """The partnership's name, if any."""
        return _name(obj.partnership)

    @staticmethod
    def resolve_network(obj) -> str | None:
        """The network's name, if any."""
        return _name(obj.network)


class EngagementOut(_Linked):
    """One entry of the engagement log."""

    id: int
    kind: str
    held_on: dt.date
    organization: str
    partnership: str | None
    network: str | None
    champion: str | None
    summary: str

    @staticmethod
    def resolve_organization(obj) -> str:
        """The organization's name (loaded by the selector)."""
        return obj.organization.name

    @staticmethod
    def resolve_champion(obj) -> str | None:
        """The champion's name, if any."""
        return _name(obj.champion)


class RecommendationOut(_Linked):
    """A policy or program recommendation and where it stands."""

    id: int
    title: str
    kind: str
    network: str | None
    partnership: str | None
    addressed_to: str
    made_on: dt.date
    status: str
    decline_reason: str
    owner: str
    due_on: dt.date | None
    description: str


def _name(obj) -> str | None:
    return obj.name if obj is not None else None


def _internal(c: Champion) -> ChampionOut:
    return ChampionOut(
        id=c.pk,
        name=c.name,
        title=c.title,
        organization=c.organization.name,
        network=c.network.name if c.network else "",
        quote=c.quote,
        partnership=_name(c.partnership),
        email=c.email,
        consent_public=c.consent_public,
        consent_date=c.consent_date,
        consent_scope=c.consent_scope,
    )


def _champions(request) -> list[ChampionOut]:
    if role_of(request.user) == Role.PUBLIC:
        return [ChampionOut(**vars(c)) for c in selectors.public_champions()]
    return [_internal(c) for c in selectors.champions().order_by("name", "pk")]


@router.get("/champions", response=list[ChampionOut], url_name="outreach_champion_list")
@paginate(PageNumberPagination, page_size=100)
def champion_list(request):
    """Champions by name: those who consented to a public listing for the public; all for signed-in users."""
    return _champions(request)


@router.get("/champions/{int:pk}", response=ChampionOut, url_name="outreach_champion_detail")
def champion_detail(request, pk: int):
    """One champion the caller may see."""
    found = next((c for c in _champions(request) if c.id == pk), None)
    if found is None:
        raise Http404("No such record")
    return found


@router.get("/engagements", response=list[EngagementOut], url_name="outreach_engagement_list")
@paginate(PageNumberPagination, page_size=100)
def engagement_list(request):
    """The engagement log, newest first (signed-in users)."""
    return selectors.engagements()


@router.get("/engagements/{int:pk}", response=EngagementOut, url_name="outreach_engagement_detail")
def engagement_detail(request, pk: int):
    """One engagement (signed-in users)."""
    return get_object_or_404(selectors.engagements(), pk=pk)


@router.get("/recommendations", response=list[RecommendationOut], url_name="outreach_recommendation_list")
@paginate(PageNumberPagination, page_size=100)
def recommendation_list(request, status: str = "", network: int | None = Query(None, ge=1, le=2**31 - 1)):
    """Recommendations, newest first, optionally of one status or one network (signed-in users)."""
    qs = selectors.recommendations_for().order_by("-made_on", "title", "pk")
    if status:
        qs = qs.filter(status=status)
    if network is not None:
        qs = qs.filter(network_id=network)
    return qs


@router.get(
    "/recommendations/{int:pk}", response=RecommendationOut, url_name="outreach_recommendation_detail"
)
def recommendation_detail(request, pk: int):
    """One recommendation (signed-in users)."""
    return get_object_or_404(selectors.recommendations_for(), pk=pk)
