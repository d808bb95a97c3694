"""Reads for the registry. Each selector loads what its page shows with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from sectorhub.core.history import history_rows
from sectorhub.partnerships.models import (
    Goal,
    Industry,
    Meeting,
    Membership,
    Organization,
    Partnership,
    Phase,
    PhaseChange,
    QualityCriterion,
    QualityRating,
)
from sectorhub.partnerships.permissions import sees_private
from sectorhub.regions.models import Region


@dataclass(frozen=True)
class PartnershipFilters:
    """The list page's filters; empty values mean "any"."""

    region: int | None = None
    industry: str = ""
    phase: str = ""
    q: str = ""


def visible_partnerships(user) -> QuerySet[Partnership]:
    """Partnerships `user` may see: all when signed in, published ones for the public."""
    qs = Partnership.objects.all()
    return qs if sees_private(user) else qs.filter(is_public=True)


def partnership_list(user, filters: PartnershipFilters) -> QuerySet[Partnership]:
    """The filtered list with region, phase, convener and industries loaded (three queries per page)."""
    qs = visible_partnerships(user).select_related("region", "phase", "convener")
    if filters.region:
        # A region filter matches partnerships whose region shares a county with the chosen one.
        qs = qs.filter(region__counties__regions__pk=filters.region).distinct()
    if filters.industry:
        qs = qs.filter(industries__code=filters.industry)
    if filters.phase:
        qs = qs.filter(phase__slug=filters.phase)
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(convener__name__icontains=filters.q))
    return qs.prefetch_related(Prefetch("industries", queryset=Industry.objects.order_by("code"))).order_by(
        "name"
    )


def filter_choices() -> dict:
    """Options for the list filters: regions, industries in use, phases."""
    return {
        "regions": list(Region.objects.order_by("kind", "name").values_list("pk", "name", "kind")),
        "industries": list(Industry.objects.filter(partnerships__isnull=False).distinct().order_by("code")),
        "phases": list(Phase.objects.order_by("order")),
    }


def partnership_detail(user, pk: int) -> Partnership:
    """One partnership with members, phase history, ratings, meetings, priorities and action items loaded."""
    return (
        visible_partnerships(user)
        .select_related("region", "phase", "convener")
        .prefetch_related(
            Prefetch("industries", queryset=Industry.objects.order_by("code")),
            Prefetch("memberships", queryset=Membership.objects.select_related("organization")),
            Prefetch("phase_changes", queryset=PhaseChange.objects.select_related("phase", "recorded_by")),
            Prefetch(
                "quality_ratings", queryset=QualityRating.objects.select_related("criterion", "rated_by")
            ),
            Prefetch("meetings", queryset=Meeting.objects.all()),
            "priorities",
            "action_items__owner_organization",
            "conveners",
        )
        .get(pk=pk)
    )


@dataclass
class CriterionStatus:
    """A quality criterion with the partnership's latest rating and earlier ones."""

    criterion: QualityCriterion
    latest: QualityRating | None
    earlier: list[QualityRating]


def quality_summary(partnership: Partnership) -> list[CriterionStatus]:
    """For each active criterion, the latest rating and the earlier ones (from the prefetched ratings)."""
    ratings = list(partnership.quality_ratings.all())  # newest first
    rows = []
    for criterion in QualityCriterion.objects.filter(is_active=True):
        mine = [r for r in ratings if r.criterion_id == criterion.pk]
        rows.append(CriterionStatus(criterion=criterion, latest=mine[0] if mine else None, earlier=mine[1:]))
    return rows


def partnership_history(partnership: Partnership, limit: int = 25):
    """The partnership's change history rows (core.history)."""
    return history_rows(partnership, limit=limit)


def dashboard_counts(user) -> dict:
    """Headline figures: partnerships by phase, active total, employers, regions covered."""
    visible = visible_partnerships(user)
    by_phase = list(
        Phase.objects.annotate(
            n=Count("partnerships", filter=Q(partnerships__in=visible.values("pk")))
        ).order_by("order")
    )
    by_kind = list(visible.values("region__kind").annotate(n=Count("pk")).order_by("region__kind"))
    return {
        "by_phase": by_phase,
        "total": sum(p.n for p in by_phase),
        "active": sum(p.n for p in by_phase if p.is_active),
        "employers": Organization.objects.filter(
            kind="business", memberships__partnership__in=visible.values("pk")
        )
        .distinct()
        .count(),
        "by_kind": by_kind,
    }


def industries_summary(user, limit: int = 8) -> list[dict]:
    """The industries with the most partnerships."""
    visible = visible_partnerships(user)
    return list(
        Industry.objects.filter(partnerships__in=visible.values("pk"))
        .annotate(n=Count("partnerships"))
        .order_by("-n", "code")[:limit]
    )


def recent_changes(user, limit: int = 8):
    """The latest partnership history records (who changed which partnership, when)."""
    history = Partnership.history.select_related("history_user").order_by("-history_date")
    if not sees_private(user):
        history = history.filter(is_public=True)
    return list(history[:limit])


def goals_for(user) -> QuerySet[Goal]:
    """Goals `user` may see."""
    qs = Goal.objects.all()
    return qs if sees_private(user) else qs.filter(is_public=True)


def organizations(q: str = "", kind: str = "") -> QuerySet[Organization]:
    """Organizations with their industry and county, and how many partnerships each is in."""
    qs = Organization.objects.select_related("industry", "county").annotate(
        partnership_count=Count("memberships")
    )
    if q:
        qs = qs.filter(name__icontains=q)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("name")
