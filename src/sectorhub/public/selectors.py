"""Reads for the public site. `directory()` is this app's one public selector; events, resources and data
packages come from the lower apps' own public selectors, never their tables."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q, QuerySet
from django.urls import NoReverseMatch, reverse

from sectorhub.core.discovery import app_modules
from sectorhub.core.permissions import role_of
from sectorhub.core.roles import STATE
from sectorhub.partnerships.models import Industry, Partnership
from sectorhub.partnerships.selectors import visible_partnerships
from sectorhub.public.models import ContactMessage, PartnershipProfile


def directory(*, region: int | None = None, q: str = "") -> QuerySet[Partnership]:
    """The one public selector: partnerships the registry publishes (what an anonymous visitor may see), each
    with its public profile only when that profile is published."""
    qs = (
        visible_partnerships(AnonymousUser())
        .select_related("region", "convener", "phase")
        .prefetch_related(Prefetch("industries", queryset=Industry.objects.order_by("code")))
        .order_by("name")
    )
    if region:
        qs = qs.filter(region_id=region)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(industries__title__icontains=q)).distinct()
    return qs


def published_profile(partnership) -> PartnershipProfile | None:
    """The partnership's public profile when it is published, else None."""
    return PartnershipProfile.objects.filter(partnership=partnership, is_published=True).first()


def published_profiles(partnerships) -> dict[int, PartnershipProfile]:
    """Published profiles of these partnerships by partnership id (one query)."""
    ids = [p.pk for p in partnerships]
    return {
        pp.partnership_id: pp
        for pp in PartnershipProfile.objects.filter(partnership_id__in=ids, is_published=True)
    }


@dataclass(frozen=True)
class Link:
    """A resolved link from another app's public.py."""

    label: str
    url: str
    description: str


def app_links() -> list[Link]:
    """Every installed app's `public.PUBLIC_LINKS`, in app order, skipping URL names that do not resolve."""
    links = []
    for _config, module in app_modules("public", exclude=("sectorhub.public",)):
        for link in getattr(module, "PUBLIC_LINKS", []):
            try:
                url = reverse(link.url_name)
            except NoReverseMatch:
                continue
            links.append(Link(label=link.label, url=url, description=link.description))
    return links


def inbox_for(user) -> QuerySet[ContactMessage]:
    """Messages for partnerships `user` may change: all for state staff; a convener's own partnerships'."""
    qs = ContactMessage.objects.select_related("partnership")
    if role_of(user) in STATE:
        return qs
    return qs.filter(Q(partnership__conveners=user) | Q(partnership__region__conveners=user)).distinct()


def editable_partnerships(user) -> QuerySet[Partnership]:
    """Partnerships whose public profile `user` may edit: all for state staff; a convener's assigned ones."""
    qs = Partnership.objects.select_related("region").order_by("name")
    if role_of(user) in STATE:
        return qs
    return qs.filter(Q(conveners=user) | Q(region__conveners=user)).distinct()
