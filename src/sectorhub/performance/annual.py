"""The state's annual report of sector partnerships: built from the data, rendered as a page, PDF and Excel.

Sections: scope (partnerships, employers, partners, regions, industries), outcomes from records (cells already
suppressed), training and wage change from approved quarterly reports and outcomes, the sections other apps
contribute through their ``reporting.py`` (costs and leveraged funds from funding; events from capacity ...),
and stories state staff add. A missing contribution is reported as not available, never as zero.
"""

from __future__ import annotations

import datetime as dt
import io

from django.db.models import Count, Q, Sum
from django.template.loader import render_to_string

from sectorhub.core.discovery import app_modules
from sectorhub.partnerships.models import Membership, OrganizationKind, Partnership
from sectorhub.performance import selectors
from sectorhub.performance.models import OutcomeRun, ReportStatus, ReportValue

TRAINING_KEYS = ("enrollment", "completion", "placement", "work-based-learning", "training-programs")


def _scope(start: dt.date, end: dt.date) -> list[dict]:
    partnerships = Partnership.objects.filter(Q(launch_date__isnull=True) | Q(launch_date__lte=end))
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
            "note": f"{v['reports']} approved quarterly reports",
        }
        for v in values
    ]


def _sections(start: dt.date, end: dt.date) -> list[dict]:
    out = []
    for _config, module in app_modules("reporting"):
        fn = getattr(module, "annual_report_section", None)
        if callable(fn):
            section = fn(start=start, end=end, public=False)
            if section:
                out.append(section)
    return out


def build(year: int) -> dict:
    """Everything the annual report of calendar year ``year`` shows."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    run = (
        OutcomeRun.objects.filter(exits_to__lte=end, exits_to__gte=start).first()
        or OutcomeRun.objects.first()
    )
    cells = list(run.cells.filter(group_by__in=["all", "program"]).order_by("pk")) if run else []
    wage = next((c for c in cells if c.indicator == "median_earnings_q2" and c.group_by == "all"), None)
    sections = _sections(start, end)
    return {
        "year": year,
        "generated": dt.date.today(),
        "scope": _scope(start, end),
        "run": run,
        "cells": cells,
        "training": _training(year),
        "wage": wage,
        "sections": sections,
        "costs_available": any(s.get("key") == "funding" for s in sections),
        "stories": list(selectors.stories(year)),
    }


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


def render_xlsx(report: dict) -> bytes:
    """The report as an Excel workbook: one sheet per section."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Scope"
    bold = Font(bold=True)
    ws.append([f"Sector partnerships annual report {report['year']}"])
    ws["A1"].font = bold
    ws.append(["Measure", "Value"])
    for row in report["scope"]:
        ws.append([row["label"], row["value"]])
    ws = wb.create_sheet("Outcomes")
    ws.append(["indicator", "group_by", "group", "numerator", "denominator", "value", "suppressed"])
    for c in report["cells"]:
        ws.append([c.indicator, c.group_by, c.group, c.numerator, c.denominator, c.value, c.suppressed])
    ws = wb.create_sheet("Training")
    ws.append(["Measure", "Total", "Note"])
    for row in report["training"]:
        ws.append([row["label"], _fmt(row["value"], row["unit"]), row["note"]])
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
        wb["Scope"].append(
            ["Costs and leveraged funds", "not available (the funding capability is not installed)"]
        )
    ws = wb.create_sheet("Stories")
    ws.append(["Title", "Partnership", "Story"])
    for s in report["stories"]:
        ws.append([s.title, s.partnership.name if s.partnership else "", s.body])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
