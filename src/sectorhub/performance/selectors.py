"""Reads: reports in a user's scope, late and missing reports, dashboards, the scorecard, and the public views.

What the public sees is decided here and only here: `public_reports()` (approved reports staff published, of
public partnerships, counts of people below the small-cell threshold suppressed), `public_run()` and
`public_outcome_cells()` (the latest published outcome run, suppressed when computed; no denominator of a
suppressed cell is shown) and `public_stories()` (public, consented, not deleted). The public scorecard, its API and
the public annual report are built from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from sectorhub.partnerships.models import Partnership
from sectorhub.performance.models import (
    Catalogue,
    Category,
    Direction,
    Indicator,
    OutcomeRun,
    Report,
    ReportStatus,
    ReportValue,
    Source,
    Story,
)
from sectorhub.performance.permissions import sees_all_partnerships

DUE_DAYS = 30  # a quarter's report is due 30 days after the quarter ends
QUARTERS_TRACKED = 4
MIN_CELL = 10  # counts of people below this are not shown publicly
SUMMED_UNITS = ("count", "people")


def quarter_end(quarter: str) -> dt.date:
    """The last day of a quarter YYYYQn."""
    year, q = int(quarter[:4]), int(quarter[5])
    return dt.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - dt.timedelta(days=1)


def due_date(quarter: str) -> dt.date:
    """When a quarter's report is due."""
    return quarter_end(quarter) + dt.timedelta(days=DUE_DAYS)


def completed_quarters(today: dt.date, n: int = QUARTERS_TRACKED) -> list[str]:
    """The last ``n`` quarters that ended before ``today``, newest first."""
    q = (today.year * 4 + (today.month - 1) // 3) - 1
    return [f"{i // 4}Q{i % 4 + 1}" for i in range(q, q - n, -1)]


def partnerships_for(user):
    """Partnerships whose performance a signed-in user may see: all for state staff and analysts, a convener's own."""
    qs = Partnership.objects.select_related("region")
    if sees_all_partnerships(user):
        return qs
    return qs.filter(Q(conveners=user) | Q(region__conveners=user)).distinct()


def reports_for(user):
    """Reports in the user's scope, newest quarter first."""
    return (
        Report.objects.filter(partnership__in=partnerships_for(user))
        .select_related("partnership", "partnership__region", "submitted_by", "reviewed_by")
        .order_by("-quarter", "partnership__name")
    )


@dataclass
class Overdue:
    """A partnership whose report for a quarter is missing (not submitted by the due date) or was late."""

    partnership: Partnership
    quarter: str
    due: dt.date
    report: Report | None
    kind: str  # "missing" or "late"


def late_and_missing(user, today: dt.date | None = None) -> list[Overdue]:
    """For the tracked quarters whose due date has passed: reports not yet submitted, and those submitted late."""
    today = today or dt.date.today()
    quarters = [q for q in completed_quarters(today) if due_date(q) < today]
    partnerships = list(partnerships_for(user).filter(phase__is_active=True).order_by("name"))
    reports = {
        (r.partnership_id, r.quarter): r
        for r in Report.objects.filter(partnership__in=partnerships, quarter__in=quarters)
    }
    out = []
    for q in quarters:
        due = due_date(q)
        for p in partnerships:
            r = reports.get((p.pk, q))
            if r is None or r.submitted_at is None:
                out.append(Overdue(p, q, due, r, "missing"))
            elif r.submitted_at.date() > due:
                out.append(Overdue(p, q, due, r, "late"))
    return out


def _status(indicator: Indicator, actual, target) -> str:
    if actual is None or target is None:
        return ""
    met = actual >= target if indicator.direction == Direction.HIGHER else actual <= target
    return "met" if met else "below"


@dataclass
class Row:
    """One indicator on a dashboard: the actual, its target (and negotiated level), and whether it is met."""

    indicator: Indicator
    actual: Decimal | float | None
    target: Decimal | None
    negotiated: Decimal | None = None
    status: str = ""
    note: str = ""


def _targets(catalogue: Catalogue) -> dict[tuple[int, str], tuple]:
    out = {}
    for ind in catalogue.indicators.prefetch_related("targets"):
        for t in ind.targets.all():
            out[(ind.pk, t.period)] = (t.value, t.negotiated)
    return out


def current_catalogue() -> Catalogue | None:
    """The latest loaded catalogue."""
    return Catalogue.objects.first()


def reported_rows(partnerships, quarter: str, catalogue: Catalogue) -> list[Row]:
    """Actual (approved reports of the quarter: summed for counts, mean otherwise) against the summed target."""
    values = ReportValue.objects.filter(
        report__partnership__in=partnerships, report__quarter=quarter, report__status=ReportStatus.APPROVED
    ).select_related("indicator")
    by_key: dict[str, list[Decimal]] = {}
    for v in values:
        by_key.setdefault(v.indicator.key, []).append(v.value)
    targets = _targets(catalogue)
    rows = []
    for ind in catalogue.indicators.filter(source=Source.REPORTED):
        got = by_key.get(ind.key, [])
        target, _neg = targets.get((ind.pk, quarter), (None, None))
        if ind.unit in SUMMED_UNITS:
            actual = sum(got) if got else None
            target = target * len(got) if (target is not None and got) else target
        else:
            actual = (sum(got) / len(got)) if got else None
        rows.append(Row(ind, actual, target, status=_status(ind, actual, target), note=f"{len(got)} reports"))
    return rows


def outcome_rows(
    catalogue: Catalogue, *, group_by: str = "all", group: str = "", published_only=False
) -> list[Row]:
    """WIOA indicators from the latest outcome run: value against target and negotiated level of its program year."""
    runs = OutcomeRun.objects.all()
    if published_only:
        runs = runs.filter(is_published=True)
    run = runs.first()
    if run is None:
        return []
    cells = {c.indicator: c for c in run.cells.filter(group_by=group_by, group=group)}
    py = f"PY{run.exits_from.year if run.exits_from.month >= 7 else run.exits_from.year - 1}"
    targets = _targets(catalogue)
    rows = []
    for ind in catalogue.indicators.filter(source=Source.COMPUTED):
        cell = cells.get(ind.outcome)
        target, negotiated = targets.get((ind.pk, py), (None, None))
        actual = None if cell is None or cell.suppressed else cell.value
        note = "suppressed (small cell)" if cell is not None and cell.suppressed else ""
        row = Row(ind, actual, target, negotiated, _status(ind, actual, negotiated or target), note)
        row.denominator = cell.denominator if cell else None
        rows.append(row)
    return rows


def trend(partnerships, catalogue: Catalogue, quarters: list[str]) -> list[dict]:
    """Approved values per indicator and quarter, with targets: the data of the trend chart."""
    targets = _targets(catalogue)
    data = []
    indicators = list(catalogue.indicators.filter(source=Source.REPORTED))
    for q in sorted(quarters):
        for row in reported_rows(partnerships, q, catalogue):
            if row.actual is not None:
                data.append(
                    {
                        "quarter": q,
                        "indicator": row.indicator.name,
                        "series": "actual",
                        "value": float(row.actual),
                    }
                )
            if row.target is not None and row.actual is not None:
                data.append(
                    {
                        "quarter": q,
                        "indicator": row.indicator.name,
                        "series": "target",
                        "value": float(row.target),
                    }
                )
    del targets, indicators
    return data


def dashboard(user, *, partnerships=None, quarter: str | None = None, today: dt.date | None = None) -> dict:
    """A dashboard over a set of partnerships (default: all the user may see) for one quarter."""
    catalogue = current_catalogue()
    today = today or dt.date.today()
    quarters = completed_quarters(today, 8)
    approved = Report.objects.filter(status=ReportStatus.APPROVED)
    scope = partnerships if partnerships is not None else partnerships_for(user)
    latest = (
        approved.filter(partnership__in=scope).order_by("-quarter").values_list("quarter", flat=True).first()
    )
    quarter = quarter or latest or quarters[0]
    if catalogue is None:
        return {"catalogue": None, "quarter": quarter, "rows": [], "outcomes": [], "trend": []}
    return {
        "catalogue": catalogue,
        "quarter": quarter,
        "quarters": sorted(set(quarters) | ({latest} if latest else set()), reverse=True),
        "rows": reported_rows(scope, quarter, catalogue),
        "outcomes": outcome_rows(catalogue),
        "trend": trend(scope, catalogue, quarters),
    }


def scorecard(user, *, quarter: str | None = None) -> dict:
    """The balanced scorecard: the state dashboard grouped by the three categories."""
    data = dashboard(user, quarter=quarter)
    groups = []
    for value, label in Category.choices:
        rows = [r for r in data["rows"] + data["outcomes"] if r.indicator.category == value]
        met = sum(1 for r in rows if r.status == "met")
        scored = sum(1 for r in rows if r.status)
        groups.append({"label": label, "rows": rows, "met": met, "scored": scored})
    data["groups"] = groups
    return data


def public_value_suppressed(indicator: Indicator, value) -> bool:
    """Whether a reported value is hidden from the public: a count of people below MIN_CELL."""
    return indicator.unit == "people" and value < MIN_CELL


def public_reports():
    """Approved reports staff published, of public partnerships (partnerships.selectors.public_partnerships)."""
    from sectorhub.partnerships.selectors import public_partnerships

    return (
        Report.objects.filter(
            is_published=True, status=ReportStatus.APPROVED, partnership__in=public_partnerships()
        )
        .select_related("partnership")
        .prefetch_related("values__indicator")
        .order_by("-quarter", "partnership__name")
    )


def public_run(*, start: dt.date | None = None, end: dt.date | None = None) -> OutcomeRun | None:
    """The published outcome run whose exit window ends in [start, end], else the latest published one."""
    runs = OutcomeRun.objects.filter(is_published=True)
    if start and end:
        return runs.filter(exits_to__gte=start, exits_to__lte=end).first() or runs.first()
    return runs.first()


@dataclass
class PublicCell:
    """An outcome cell as the public sees it: no numerator; value and denominator None when suppressed."""

    indicator: str
    group_by: str
    group: str
    denominator: int | None
    value: float | None
    suppressed: bool


def public_outcome_cells(run: OutcomeRun | None) -> list[PublicCell]:
    """A published run's cells for all and by program (partnership groups are the state's own codes, not shown).

    The engine suppressed small cells and their complements. On top: a suppressed cell's denominator is not shown
    (it is a count of people below the threshold, or would give one away by subtraction). The engine also hides
    the median earnings of a group whose Q2 employment is suppressed (the median's denominator is the number
    employed in Q2, the numerator hidden there); the check below repeats that rule for runs stored before the
    engine applied it, which must not reach the public either.
    """
    if run is None or not run.is_published:
        return []
    cells = list(run.cells.filter(group_by__in=["all", "program"]).order_by("pk"))
    hidden_employment = {
        (c.group_by, c.group) for c in cells if c.indicator == "employment_q2" and c.suppressed
    }
    out = []
    for c in cells:
        suppressed = c.suppressed or (
            c.indicator == "median_earnings_q2" and (c.group_by, c.group) in hidden_employment
        )
        out.append(
            PublicCell(
                indicator=c.indicator,
                group_by=c.group_by,
                group=c.group,
                denominator=None if suppressed else c.denominator,
                value=None if suppressed else c.value,
                suppressed=suppressed,
            )
        )
    return out


def public_scorecard() -> dict:
    """The public scorecard: published reports with small counts suppressed, and the published outcome cells."""
    rows = []
    for r in public_reports():
        values = []
        for v in r.values.all():
            small = public_value_suppressed(v.indicator, v.value)
            values.append(
                {
                    "indicator": v.indicator.name,
                    "key": v.indicator.key,
                    "unit": v.indicator.unit,
                    "value": None if small else v.value,
                    "suppressed": small,
                }
            )
        rows.append(
            {
                "partnership": r.partnership.name,
                "partnership_id": r.partnership_id,
                "quarter": r.quarter,
                "values": values,
            }
        )
    run = public_run()
    return {"reports": rows, "run": run, "cells": public_outcome_cells(run)}


def stories(year: int):
    """Stories for the signed-in annual report (not deleted)."""
    return Story.objects.filter(year=year, is_deleted=False).select_related("partnership")


def public_stories(year: int):
    """Stories the public may read: marked public, with consent, not deleted, of no partnership or a public one."""
    from sectorhub.partnerships.selectors import public_partnerships

    return (
        stories(year)
        .filter(is_public=True, consent=True)
        .filter(Q(partnership__isnull=True) | Q(partnership__in=public_partnerships()))
    )


def stories_for_staff():
    """Every story not deleted, newest year first (state staff's list)."""
    return Story.objects.filter(is_deleted=False).select_related("partnership").order_by("-year", "title")
