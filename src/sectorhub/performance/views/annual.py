"""The annual report of sector partnerships: the signed-in version and the public one (page, PDF, Excel)."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import render

from sectorhub.performance import annual
from sectorhub.performance.permissions import can_review

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _year(request) -> int:
    try:
        year = int(request.GET.get("year") or dt.date.today().year - 1)
    except ValueError:
        raise Http404("bad year") from None
    if not 2000 <= year <= 2100:
        raise Http404("year out of range")
    return year


def _file(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def annual_report(request):
    """The state's annual report of sector partnerships (every record, for signed-in users)."""
    report = annual.build(_year(request))
    report["can_manage_stories"] = can_review(request.user)
    return render(request, "performance/annual_report.html", report)


def annual_report_pdf(request):
    """The annual report as PDF."""
    year = _year(request)
    return _file(annual.render_pdf(annual.build(year)), "application/pdf", f"sector-partnerships-{year}.pdf")


def annual_report_xlsx(request):
    """The annual report as an Excel workbook."""
    year = _year(request)
    return _file(annual.render_xlsx(annual.build(year)), XLSX, f"sector-partnerships-{year}.xlsx")


def public_annual_report(request):
    """The public annual report: built only from public records (annual.build(public=True)), no history."""
    return render(request, "performance/annual_report.html", annual.build(_year(request), public=True))


def public_annual_report_pdf(request):
    """The public annual report as PDF."""
    year = _year(request)
    report = annual.build(year, public=True)
    return _file(annual.render_pdf(report), "application/pdf", f"sector-partnerships-{year}-public.pdf")


def public_annual_report_xlsx(request):
    """The public annual report as an Excel workbook."""
    year = _year(request)
    report = annual.build(year, public=True)
    return _file(annual.render_xlsx(report), XLSX, f"sector-partnerships-{year}-public.xlsx")
