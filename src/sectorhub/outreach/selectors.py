"""Reads for outreach. `public_champions()` is the one selector that decides what an anonymous visitor sees."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from sectorhub.outreach.models import (
    Campaign,
    Champion,
    Engagement,
    Network,
    Recommendation,
    RecommendationStatus,
)

ADOPTED_OR_LATER = [RecommendationStatus.ADOPTED, RecommendationStatus.IMPLEMENTED]


@dataclass(frozen=True)
class PublicChampion:
    """Only what a champion consented to show: name, title, organization, network and quote (and the row's id,
    so the API can address one)."""

    id: int
    name: str
    title: str
    organization: str
    network: str
    quote: str


def public_champions() -> list[PublicChampion]:
    """The one public selector: champions not deleted, with consent to a public listing and its date recorded;
    contact details never leave this function."""
    rows = (
        Champion.objects.filter(is_deleted=False, consent_public=True, consent_date__isnull=False)
        .exclude(consent_scope="")
        .select_related("organization", "network")
        .order_by("name")
    )
    return [
        PublicChampion(
            id=c.pk,
            name=c.name,
            title=c.title,
            organization=c.organization.name,
            network=c.network.name if c.network and c.network.is_public else "",
            quote=c.quote,
        )
        for c in rows
    ]


def networks_with_counts() -> QuerySet[Network]:
    """Networks with recommendations made, adopted (adopted or implemented) and implemented, Montana's way."""
    return Network.objects.select_related("industry").annotate(
        made=Count("recommendations", distinct=True),
        adopted=Count(
            "recommendations", filter=Q(recommendations__status__in=ADOPTED_OR_LATER), distinct=True
        ),
        implemented=Count(
            "recommendations",
            filter=Q(recommendations__status=RecommendationStatus.IMPLEMENTED),
            distinct=True,
        ),
        champion_count=Count("champions", filter=Q(champions__is_deleted=False), distinct=True),
    )


def recommendation_totals(qs: QuerySet[Recommendation] | None = None) -> dict[str, int]:
    """Made, adopted (or later), implemented and declined counts over `qs` (all recommendations by default)."""
    qs = Recommendation.objects.all() if qs is None else qs
    return qs.aggregate(
        made=Count("pk"),
        adopted=Count("pk", filter=Q(status__in=ADOPTED_OR_LATER)),
        implemented=Count("pk", filter=Q(status=RecommendationStatus.IMPLEMENTED)),
        declined=Count("pk", filter=Q(status=RecommendationStatus.DECLINED)),
    )


def network_detail(pk: int) -> Network:
    """One network with its champions and partnerships."""
    return Network.objects.select_related("industry").prefetch_related("partnerships").get(pk=pk)


def recommendations_for(network=None) -> QuerySet[Recommendation]:
    """Recommendations, optionally of one network, with network and partnership loaded."""
    qs = Recommendation.objects.select_related("network", "partnership")
    return qs.filter(network=network) if network is not None else qs


def champions() -> QuerySet[Champion]:
    """Champions not deleted, for signed-in users (contact details included)."""
    return Champion.objects.filter(is_deleted=False).select_related("organization", "network", "partnership")


def engagements() -> QuerySet[Engagement]:
    """The engagement log, newest first."""
    return Engagement.objects.select_related("organization", "partnership", "network", "champion")


def campaigns() -> QuerySet[Campaign]:
    """Campaigns with their total reach (the sum over their materials)."""
    return Campaign.objects.annotate(reach=Sum("materials__reach"), material_count=Count("materials"))
