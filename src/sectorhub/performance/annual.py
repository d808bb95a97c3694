"""The state's annual report of sector partnerships: built from the data, rendered as a page, PDF and Excel.

Sections: scope (partnerships, employers, partners, regions, industries), outcomes from records (cells already
suppressed), training and wage change from approved quarterly reports and outcomes, the sections other apps
contribute through their ``reporting.py`` (costs and leveraged funds from funding; events from capacity ...),
and stories state staff add. A missing contribution is reported as not available, never as zero.

``build(year, public=True)`` is the public annual report, made ONLY from what the public may see: public
partnerships (partnerships.selectors.public_partnerships) and their memberships, published approved reports
(counts of people below 10 left out of the totals, a total below 10 suppressed), the published outcome run
(selectors.public_outcome_cells), the other apps' sections with ``public=True``, and public stories.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.template.loader import render_to_string

from sectorhub.core.discovery import app_modules
from sectorhub.partnerships.models import Membership, OrganizationKind, Partnership
from sectorhub.partnerships.selectors import public_partnerships
from sectorhub.performance import selectors
from sectorhub.performance.models import OutcomeRun, ReportStatus, ReportValue

TRAINING_KEYS = ("enrollment", "completion", "placement", "work-based-learning", "training-programs")


def _scope(start: dt.date, end: dt.date, public: bool) -> list[dict]:
    partnerships = public_partnerships() if public else Partnership.objects.all()
    partnerships = partnerships.filter(Q(launch_date__isnull=True) | Q(launch_date__lte=end))
    current = Membership.objects.filter(partnership__in=partnerships).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=start)
    )
    employers = current.filter(organization__kind=OrganizationKind.BUSINESS)
    return [
        {"label": "Partnerships", "value": partnerships.count(), "unit": "count"},
        {
            "label": "Employers taking part",
            "value": employers.values("organization").distinct().count(),
            "unit": "count",
        },
        {
            "label": "Other partners (education, workforce, community ...)",
            "value": current.exclude(organization__kind=OrganizationKind.BUSINESS)
            .values("organization")
            .distinct()
            .count(),
            "unit": "count",
        },
        {
            "label": "Regions with a partnership",
            "value": partnerships.values("region").distinct().count(),
            "unit": "count",
        },
        {
            "label": "Industries (NAICS codes)",
            "value": partnerships.values("industries").distinct().exclude(industries=None).count(),
            "unit": "count",
        },
    ]


def _training(year: int) -> list[dict]:
    values = (
        ReportValue.objects.filter(
            report__status=ReportStatus.APPROVED,
            report__quarter__startswith=str(year),
            indicator__key__in=TRAINING_KEYS,
        )
        .values("indicator__key", "indicator__name", "indicator__order")
        .annotate(total=Sum("value"), reports=Count("report"))
        .order_by("indicator__order")
    )
    return [
        {
            "label": v["indicator__name"],
            "value": v["total"],
            "unit": "count",
            "suppressed": False,
            "note": _count(v["reports"], "approved quarterly report"),
        }
        for v in values
    ]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _public_training(year: int) -> list[dict]:
    """Totals over published reports of public partnerships; a value the public scorecard hides (fewer than 10
    people) is left out of its total, so no hidden value can be had by subtraction, and a total of people below
    10 is suppressed."""
    totals: dict[str, dict] = {}
    for report in selectors.public_reports().filter(quarter__startswith=str(year)):
        for v in report.values.all():
            if v.indicator.key not in TRAINING_KEYS:
                continue
            row = totals.setdefault(
                v.indicator.key,
                {"indicator": v.indicator, "total": Decimal(0), "reports": 0, "left_out": 0},
            )
            if selectors.public_value_suppressed(v.indicator, v.value):
                row["left_out"] += 1
                continue
            row["total"] += v.value
            row["reports"] += 1
    out = []
    for row in sorted(totals.values(), key=lambda r: r["indicator"].order):
        ind = row["indicator"]
        small = row["reports"] == 0 or selectors.public_value_suppressed(ind, row["total"])
        note = _count(row["reports"], "published quarterly report")
        if row["left_out"]:
            note += f"; {_count(row['left_out'], 'value')} of fewer than {selectors.MIN_CELL} people left out"
        out.append(
            {
                "label": ind.name,
                "value": None if small else row["total"],
                "unit": "count",
                "suppressed": small,
                "note": note,
            }
        )
    return out


def _sections(start: dt.date, end: dt.date, public: bool) -> list[dict]:
    out = []
    for _config, module in app_modules("reporting"):
        fn = getattr(module, "annual_report_section", None)
        if callable(fn):
            section = fn(start=start, end=end, public=public)
            if section:
                out.append(section)
    return out


def build(year: int, *, public: bool = False) -> dict:
    """Everything the annual report of calendar year ``year`` shows (``public``: only what the public may see)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if public:
        run = selectors.public_run(start=start, end=end)
        cells = selectors.public_outcome_cells(run)
    else:
        run = (
            OutcomeRun.objects.filter(exits_to__lte=end, exits_to__gte=start).first()
            or OutcomeRun.objects.first()
        )
        cells = list(run.cells.filter(group_by__in=["all", "program"]).order_by("pk")) if run else []
    wage = next((c for c in cells if c.indicator == "median_earnings_q2" and c.group_by == "all"), None)
    sections = _sections(start, end, public)
    return {
        "year": year,
        "public": public,
        "generated": dt.date.today(),
        "scope": _scope(start, end, public),
        "run": run,
        "cells": cells,
        "training": _public_training(year) if public else _training(year),
        "wage": wage,
        "sections": sections,
        "costs_available": any(s.get("key") == "funding" for s in sections),
        "funding_installed": _funding_installed(),
        "stories": list(selectors.public_stories(year) if public else selectors.stories(year)),
    }


def _funding_installed() -> bool:
    return any(
        callable(getattr(m, "annual_report_section", None)) and c.label == "funding"
        for c, m in app_modules("reporting")
    )


def render_pdf(report: dict) -> bytes:
    """The report as PDF (WeasyPrint), from the same template as the page's print version."""
    from weasyprint import HTML

    html = render_to_string("performance/annual_report_print.html", report)
    return HTML(string=html).write_pdf()


def _fmt(value, unit: str):
    if value is None:
        return None
    if unit == "percent":
        return float(value)
    return float(value) if not isinstance(value, int) else value


def _no_costs(report: dict) -> str:
    if report["funding_installed"]:
        return f"not available (no funding records for {report['year']})"
    return "not available (the funding capability is not installed)"


def render_xlsx(report: dict) -> bytes:
    """The report as an Excel workbook: one sheet per section."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Scope"
    bold = Font(bold=True)
    ws.append(
        [f"Sector partnerships annual report {report['year']}" + (" (public)" if report["public"] else "")]
    )
    ws["A1"].font = bold
    ws.append(["Measure", "Value"])
    for row in report["scope"]:
        ws.append([row["label"], row["value"]])
    ws = wb.create_sheet("Outcomes")
    if report["public"]:
        # The public cells carry no numerator, and no denominator when suppressed.
        ws.append(["indicator", "group_by", "group", "denominator", "value", "suppressed"])
        for c in report["cells"]:
            ws.append([c.indicator, c.group_by, c.group, c.denominator, c.value, c.suppressed])
    else:
        ws.append(["indicator", "group_by", "group", "numerator", "denominator", "value", "suppressed"])
        for c in report["cells"]:
            ws.append([c.indicator, c.group_by, c.group, c.numerator, c.denominator, c.value, c.suppressed])
    ws = wb.create_sheet("Training")
    ws.append(["Measure", "Total", "Note"])
    for row in report["training"]:
        total = "suppressed" if row["suppressed"] else _fmt(row["value"], row["unit"])
        ws.append([row["label"], total, row["note"]])
    for section in report["sections"]:
        ws = wb.create_sheet(section["title"][:31])
        ws.append(["Measure", "Value", "Unit"])
        for row in section["rows"]:
            ws.append([row["label"], _fmt(row["value"], row["unit"]), row["unit"]])
        if section.get("table"):
            ws.append([])
            ws.append(section["table"]["columns"])
            for r in section["table"]["rows"]:
                ws.append([_fmt(v, "") if not isinstance(v, str) else v for v in r])
        if section.get("note"):
            ws.append([section["note"]])
    if not report["costs_available"]:
        wb["Scope"].append(["Costs and leveraged funds", _no_costs(report)])
    ws = wb.create_sheet("Stories")
    ws.append(["Title", "Partnership", "Attribution", "Story"])
    for s in report["stories"]:
        ws.append([s.title, s.partnership.name if s.partnership else "", s.attribution, s.body])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
