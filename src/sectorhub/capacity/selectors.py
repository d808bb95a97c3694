"""Reads for capacity building: lists, the "not reached this year" list and the feedback-loop report.

`public()` is the one selector that decides what an anonymous visitor sees of this app.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from sectorhub.capacity.models import (
    Attendance,
    ChallengeCategory,
    Event,
    Resource,
    TARequest,
)
from sectorhub.capacity.permissions import sees_all_requests
from sectorhub.partnerships.models import Industry, Membership, Organization, Partnership
from sectorhub.regions.models import Region, RegionKind


@dataclass(frozen=True)
class PublicCapacity:
    """What the public site may show: public, not deleted events and resources."""

    events: QuerySet
    resources: QuerySet


def public() -> PublicCapacity:
    """The one public selector: events and resources marked public and not deleted (no attendance, no people)."""
    events = (
        Event.objects.filter(is_public=True, is_deleted=False)
        .prefetch_related("regions_invited", Prefetch("materials", queryset=_public_resources()))
        .order_by("-starts_on", "title")
    )
    return PublicCapacity(events=events, resources=_public_resources())


def _public_resources() -> QuerySet:
    return (
        Resource.objects.filter(is_public=True, is_deleted=False)
        .prefetch_related("phases", Prefetch("industries", queryset=Industry.objects.order_by("code")))
        .order_by("title")
    )


def event_list(*, year: int | None = None) -> QuerySet[Event]:
    """Events not deleted, newest first, with attendance counts."""
    qs = Event.objects.filter(is_deleted=False)
    if year:
        qs = qs.filter(starts_on__year=year)
    return qs.select_related("phase").annotate(
        registered=Count("attendances", distinct=True),
        present=Count("attendances", filter=Q(attendances__attended=True), distinct=True),
    )


def event_detail(pk: int) -> Event:
    """One event with its regions, categories, materials and attendance (people, organizations, regions)."""
    return (
        Event.objects.filter(is_deleted=False)
        .select_related("phase")
        .prefetch_related(
            "regions_invited",
            "categories",
            "materials",
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related("person", "organization", "region", "partnership"),
            ),
        )
        .get(pk=pk)
    )


def resource_list(*, capability: str = "", kind: str = "") -> QuerySet[Resource]:
    """Library items not deleted (public and internal), with their tags loaded."""
    qs = Resource.objects.filter(is_deleted=False).prefetch_related("phases", "industries", "categories")
    if capability:
        qs = qs.filter(capability=capability)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def resource_for_download(user, pk: int) -> Resource:
    """A resource whose file `user` may fetch: public ones for anyone, internal ones for signed-in users."""
    qs = Resource.objects.filter(is_deleted=False).exclude(file="")
    if not (user and user.is_authenticated):
        qs = qs.filter(is_public=True)
    return qs.get(pk=pk)


def requests_for(user) -> QuerySet[TARequest]:
    """TA requests `user` may see: all for state staff, reviewers and analysts; a convener's regions' and
    partnerships' requests and those they filed."""
    qs = TARequest.objects.select_related("region", "partnership", "category", "requested_by", "assignee")
    if sees_all_requests(user):
        return qs
    return qs.filter(
        Q(requested_by=user)
        | Q(region__conveners=user)
        | Q(partnership__conveners=user)
        | Q(partnership__region__conveners=user)
    ).distinct()


# --- Reach ---------------------------------------------------------------------------------------------------------


@dataclass
class Reach:
    """The regions (of one kind) and active partnerships that no one attended an event for in `year`."""

    year: int
    region_kind: str
    regions_total: int
    partnerships_total: int
    regions: list[Region] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)


def _counting_attendance(year: int, *, public: bool = False) -> QuerySet[Attendance]:
    """Attendance that counts toward reach: marked present at an event, not deleted, starting in `year` (and,
    for a public page, public)."""
    rows = Attendance.objects.filter(attended=True, event__is_deleted=False, event__starts_on__year=year)
    return rows.filter(event__is_public=True) if public else rows


def reached_ids(year: int, *, public: bool = False) -> tuple[set[int], set[int]]:
    """(region ids, partnership ids) reached in `year`, by the rules in docs/capacity.md:

    a partnership is reached when someone present names it, or works for its convener or for an organization
    that was a member during the year; a region is reached when someone present names it, or names (or is
    counted for) a partnership in it. public=True counts attendance at public events only.
    """
    rows = list(
        _counting_attendance(year, public=public).values_list(
            "region_id", "partnership_id", "organization_id"
        )
    )
    regions = {r for r, _p, _o in rows if r}
    partnerships = {p for _r, p, _o in rows if p}
    orgs = {o for _r, _p, o in rows if o}
    if orgs:
        start = dt.date(year, 1, 1)
        partnerships |= set(Partnership.objects.filter(convener_id__in=orgs).values_list("pk", flat=True))
        partnerships |= set(
            Membership.objects.filter(organization_id__in=orgs)
            .filter(Q(left_on__isnull=True) | Q(left_on__gte=start))
            .values_list("partnership_id", flat=True)
        )
    regions |= set(Partnership.objects.filter(pk__in=partnerships).values_list("region_id", flat=True))
    return regions, partnerships


def not_reached(*, year: int, region_kind: str = RegionKind.LOCAL_AREA) -> Reach:
    """Regions of `region_kind` and partnerships in an active phase not reached in `year`."""
    region_ids, partnership_ids = reached_ids(year)
    regions = Region.objects.filter(kind=region_kind).order_by("name")
    partnerships = Partnership.objects.filter(phase__is_active=True).select_related("region").order_by("name")
    return Reach(
        year=year,
        region_kind=region_kind,
        regions_total=regions.count(),
        partnerships_total=partnerships.count(),
        regions=list(regions.exclude(pk__in=region_ids)),
        partnerships=list(partnerships.exclude(pk__in=partnership_ids)),
    )


# --- The feedback loop ---------------------------------------------------------------------------------------------


@dataclass
class CategoryRow:
    """One challenge category's requests in the year by quarter, beside what was offered for it."""

    category: ChallengeCategory
    quarters: list[int]
    total: int
    previous_year: int
    events: list[Event]
    resources: list[Resource]

    @property
    def trend(self) -> int:
        """Requests this year minus last year's."""
        return self.total - self.previous_year

    @property
    def gap(self) -> bool:
        """Demand with no offering: requests this year but no event in the year and no resource for it."""
        return self.total > 0 and not self.events and not self.resources


@dataclass
class ChallengeReport:
    """TA requests by category, region and quarter of a year, with the offering for each category."""

    year: int
    rows: list[CategoryRow]
    regions: list[tuple[Region, list[int], int]]
    categories: list[ChallengeCategory]
    quarter_totals: list[int]
    total: int


def quarter_of(moment: dt.datetime) -> tuple[int, int]:
    """(year, quarter 1-4) of a moment in the state's time zone (settings.TIME_ZONE)."""
    local = timezone.localtime(moment)
    return local.year, (local.month - 1) // 3 + 1


def challenge_report(*, user, year: int) -> ChallengeReport:
    """Requests `user` may see, submitted in `year` (and the year before, for the trend), counted by category,
    region and quarter of submission in the state's time zone; each category beside the events held in `year`
    and the resources in the library (not deleted) tagged with it."""
    categories = list(ChallengeCategory.objects.all())
    window = requests_for(user).filter(
        submitted_at__gte=timezone.make_aware(dt.datetime(year - 1, 1, 1)) - dt.timedelta(days=1),
        submitted_at__lt=timezone.make_aware(dt.datetime(year + 1, 1, 1)) + dt.timedelta(days=1),
    )
    by_cat_q: Counter = Counter()
    by_region_cat: dict[int, Counter] = defaultdict(Counter)
    previous: Counter = Counter()
    region_ids = set()
    for category_id, region_id, submitted in window.values_list("category_id", "region_id", "submitted_at"):
        y, q = quarter_of(submitted)
        if y == year:
            by_cat_q[(category_id, q)] += 1
            by_region_cat[region_id][category_id] += 1
            region_ids.add(region_id)
        elif y == year - 1:
            previous[category_id] += 1
    events = defaultdict(list)
    for event in Event.objects.filter(is_deleted=False, starts_on__year=year).prefetch_related("categories"):
        for c in event.categories.all():
            events[c.pk].append(event)
    resources = defaultdict(list)
    for resource in Resource.objects.filter(is_deleted=False).prefetch_related("categories"):
        for c in resource.categories.all():
            resources[c.pk].append(resource)
    rows = []
    for c in categories:
        quarters = [by_cat_q[(c.pk, q)] for q in (1, 2, 3, 4)]
        if not c.is_active and not sum(quarters) and not previous[c.pk]:
            continue
        rows.append(CategoryRow(c, quarters, sum(quarters), previous[c.pk], events[c.pk], resources[c.pk]))
    shown = [r.category for r in rows]
    regions = [
        (region, [by_region_cat[region.pk][c.pk] for c in shown], sum(by_region_cat[region.pk].values()))
        for region in Region.objects.filter(pk__in=region_ids).order_by("name")
    ]
    quarter_totals = [sum(r.quarters[i] for r in rows) for i in range(4)]
    return ChallengeReport(year, rows, regions, shown, quarter_totals, sum(quarter_totals))


# --- Attendance by organization and region --------------------------------------------------------------------------

ATTENDANCE_GROUPS = {"organization": "Organization", "region": "Region"}


@dataclass
class AttendanceRow:
    """One organization's (or region's) attendance in a year: per quarter of the event's start, the events at
    which someone of theirs was present and the attendances (a person at an event counts once per event); over
    the year, also the distinct people."""

    label: str
    pk: int | None
    events: list[int]
    attendees: list[int]
    people: int

    @property
    def quarters(self) -> list[tuple[int, int]]:
        """(events, attendees) for Q1 to Q4."""
        return list(zip(self.events, self.attendees, strict=True))

    @property
    def events_total(self) -> int:
        """Events in the year (each event starts in one quarter, so the quarters add up)."""
        return sum(self.events)

    @property
    def attendees_total(self) -> int:
        """Attendances in the year."""
        return sum(self.attendees)


@dataclass
class AttendanceSummary:
    """Attendance of a year grouped by organization or region, with the row for everyone."""

    year: int
    by: str
    kind: str
    rows: list[AttendanceRow]
    total: AttendanceRow


def attendance_summary(*, year: int, by: str = "organization", kind: str = "") -> AttendanceSummary:
    """Who attended the state's events starting in `year` (of one `kind`, or all), per organization or region
    recorded on each attendance, by calendar quarter of the event's start date.

    Counts only people marked present at events not deleted (as the reach rules do). Attendance with no
    organization (or region) recorded is its own row, last. Rows are sorted by attendances, most first, then name.
    The total row counts each event once however many organizations came to it."""
    if by not in ATTENDANCE_GROUPS:
        raise ValueError(f"attendance is grouped by organization or region, not {by!r}")
    qs = _counting_attendance(year)
    if kind:
        qs = qs.filter(event__kind=kind)
    field_name = f"{by}_id"
    cells: dict[int | None, tuple[list[set], list[int], set]] = {}
    everyone: tuple[list[set], list[int], set] = ([set() for _ in range(4)], [0] * 4, set())
    for group, event_id, person_id, starts_on in qs.values_list(field_name, "event_id", "person_id",
                                                                "event__starts_on"):  # fmt: skip
        q = (starts_on.month - 1) // 3
        for events, attendees, people in (cells.setdefault(group, ([set() for _ in range(4)], [0] * 4, set())),
                                          everyone):  # fmt: skip
            events[q].add(event_id)
            attendees[q] += 1
            people.add(person_id)
    model = Region if by == "region" else Organization
    names = dict(model.objects.filter(pk__in=[g for g in cells if g is not None]).values_list("pk", "name"))
    missing = f"No {by} recorded"

    def row(label, pk, cell) -> AttendanceRow:
        events, attendees, people = cell
        return AttendanceRow(label, pk, [len(e) for e in events], attendees, len(people))

    rows = [row(names[g], g, cell) for g, cell in cells.items() if g is not None]
    rows.sort(key=lambda r: (-r.attendees_total, r.label.casefold()))
    if None in cells:
        rows.append(row(missing, None, cells[None]))
    return AttendanceSummary(year, by, kind, rows, row("All", None, everyone))
