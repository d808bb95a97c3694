"""Reads for the registry. Each selector loads what its page shows with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from sectorhub.core.cache import cached
from sectorhub.core.history import form_labels, history_rows
from sectorhub.partnerships.goals import evaluate_goals
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


def audience(user) -> str:
    """The audience a page is for: private for signed-in users, public otherwise (caches keep one of each)."""
    return "private" if sees_private(user) else "public"


def public_partnerships() -> QuerySet[Partnership]:
    """THE selector for what an anonymous visitor may see: partnerships marked public (deleted ones are gone).

    Every public page, public API list and public figure (counts, goals, latest updates) starts from this
    queryset, so a page's counts and its goals always agree.
    """
    return Partnership.objects.filter(is_public=True)


def visible_partnerships(user) -> QuerySet[Partnership]:
    """Partnerships `user` may see: all when signed in, the public selector's for the public."""
    return Partnership.objects.all() if sees_private(user) else public_partnerships()


def partnership_list(user, filters: PartnershipFilters) -> QuerySet[Partnership]:
    """The filtered list with region, phase, convener and industries loaded (three queries per page)."""
    qs = visible_partnerships(user).select_related("region", "phase", "convener")
    if filters.region:
        # A region filter matches partnerships whose region shares a county with the chosen one.
        through = Region.counties.through
        chosen = through.objects.filter(region_id=filters.region).values("county_id")
        qs = qs.filter(region_id__in=through.objects.filter(county_id__in=chosen).values("region_id"))
    if filters.industry:
        through = Partnership.industries.through
        qs = qs.filter(pk__in=through.objects.filter(_industry_q(filters.industry)).values("partnership_id"))
    if filters.phase:
        qs = qs.filter(phase__slug=filters.phase)
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(convener__name__icontains=filters.q))
    return qs.prefetch_related(Prefetch("industries", queryset=Industry.objects.order_by("code"))).order_by(
        "name"
    )


def _industry_q(value: str) -> Q:
    """Partnerships with a NAICS code under `value`: a code prefix ("336") or a sector range ("31-33")."""
    if "-" in value:
        first, _, last = value.partition("-")
        if first.isdigit() and last.isdigit():
            prefixes = [str(n) for n in range(int(first), int(last) + 1)]
            query = Q()
            for prefix in prefixes:
                query |= Q(industry__code__startswith=prefix)
            return query
    return Q(industry__code__startswith=value)


def sector_choices() -> list[tuple[str, str]]:
    """NAICS sectors as (value, label); BLS's split sectors (31, 32, 33 "Manufacturing") become one "31-33"."""
    sectors: dict[str, list[str]] = {}
    for code, title in (
        Industry.objects.filter(code__regex=r"^[0-9]{2}$").order_by("code").values_list("code", "title")
    ):
        sectors.setdefault(title, []).append(code)
    rows = [
        (codes[0] if len(codes) == 1 else f"{codes[0]}-{codes[-1]}", title)
        for title, codes in sectors.items()
    ]
    return sorted(rows)


def filter_choices() -> dict:
    """Options for the list filters: regions, NAICS sectors, phases (cached per registry version)."""
    return cached(
        "list-filters",
        "all",
        lambda: {
            "regions": list(Region.objects.order_by("kind", "name").values_list("pk", "name", "kind")),
            "sectors": sector_choices(),
            "phases": list(Phase.objects.order_by("order")),
        },
    )


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
    """The partnership's change history rows (core.history), fields named as the partnership form names them."""
    from sectorhub.partnerships.forms import PartnershipForm

    return history_rows(partnership, limit=limit, labels=form_labels(PartnershipForm))


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


@dataclass(frozen=True)
class RecentChange:
    """One line of the dashboard's "Latest changes": when, which partnership (its name now), what happened."""

    when: object
    name: str
    pk: int | None  # None when the partnership no longer exists (no link)
    action: str
    who: str = ""
    reason: str = ""


def recent_changes(user, limit: int = 8) -> list[RecentChange]:
    """The latest changes to partnerships `user` may see.

    The public gets the most recently updated public partnerships under their current names, never change
    history (a historical record keeps whatever a name was once, and deleted or unpublished partnerships);
    signed-in users get the change history, with deleted partnerships named but not linked.
    """
    if not sees_private(user):
        rows = public_partnerships().order_by("-updated_at", "name").values_list("updated_at", "name", "pk")
        return [
            RecentChange(when=when, name=name, pk=pk, action="updated") for when, name, pk in rows[:limit]
        ]
    history = list(Partnership.history.select_related("history_user").order_by("-history_date")[:limit])
    existing = set(Partnership.objects.filter(pk__in=[h.id for h in history]).values_list("pk", flat=True))
    return [
        RecentChange(
            when=h.history_date,
            name=h.name,
            pk=h.id if h.id in existing else None,
            action=h.get_history_type_display().lower(),
            who=h.history_user.username if h.history_user else "",
            reason=h.history_change_reason or "",
        )
        for h in history
    ]


def dashboard(user) -> dict:
    """Everything the dashboard shows, computed once per registry version for the public and for staff."""

    def compute() -> dict:
        return {
            "counts": dashboard_counts(user),
            "industries": industries_summary(user),
            "goals": evaluate_goals(goals_for(user), partnerships=visible_partnerships(user)),
            "recent": recent_changes(user),
        }

    return cached("dashboard", audience(user), compute)


def goal_results(user) -> list:
    """The goals `user` may see, evaluated now (cached per registry version)."""
    return cached(
        "goals",
        audience(user),
        lambda: evaluate_goals(goals_for(user), partnerships=visible_partnerships(user)),
    )


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
