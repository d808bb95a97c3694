"""Dashboards, the scorecard, the catalogue, quarterly reports and their review, the public scorecard."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from sectorhub.core.history import history_rows
from sectorhub.partnerships.models import Partnership
from sectorhub.performance import charts, forms, selectors, services
from sectorhub.performance.models import Report, ReportStatus
from sectorhub.performance.permissions import can_report_for, can_review, can_see_partnership
from sectorhub.regions.models import Region


def _partnership(request, pk: int) -> Partnership:
    p = get_object_or_404(Partnership.objects.select_related("region"), pk=pk)
    if not can_see_partnership(request.user, p):
        raise PermissionDenied("not your partnership")
    return p


def _report(request, pk: int) -> Report:
    r = get_object_or_404(Report.objects.select_related("partnership", "partnership__region"), pk=pk)
    if not can_see_partnership(request.user, r.partnership):
        raise PermissionDenied("not your partnership")
    return r


def _dashboard(request, template: str, **context):
    data = selectors.dashboard(
        request.user, partnerships=context.get("scope"), quarter=request.GET.get("quarter") or None
    )
    data["chart"] = charts.trend_spec(data["trend"])
    data.update(context)
    return render(request, template, data)


def dashboard(request):
    """The state's (a convener's: their partnerships') actuals against targets, WIOA outcomes, trends."""
    return _dashboard(
        request,
        "performance/dashboard.html",
        title="Performance",
        partnerships=selectors.partnerships_for(request.user).order_by("name"),
        regions=Region.objects.filter(partnerships__in=selectors.partnerships_for(request.user))
        .distinct()
        .order_by("name"),
    )


def partnership_dashboard(request, pk: int):
    """One partnership's reported indicators against targets, and its reports."""
    p = _partnership(request, pk)
    return _dashboard(
        request,
        "performance/dashboard.html",
        title=p.name,
        scope=Partnership.objects.filter(pk=p.pk),
        partnership=p,
        reports=selectors.reports_for(request.user).filter(partnership=p),
    )


def region_dashboard(request, pk: int):
    """The partnerships of one region (those the user may see)."""
    region = get_object_or_404(Region, pk=pk)
    scope = selectors.partnerships_for(request.user).filter(region=region)
    return _dashboard(request, "performance/dashboard.html", title=region.name, scope=scope, region=region)


def scorecard(request):
    """The balanced scorecard the state board reviews each quarter."""
    data = selectors.scorecard(request.user, quarter=request.GET.get("quarter") or None)
    return render(request, "performance/scorecard.html", data)


def indicators(request):
    """The current indicator catalogue with its targets."""
    catalogue = selectors.current_catalogue() or services.ensure_default_catalogue()
    rows = catalogue.indicators.prefetch_related("targets")
    return render(request, "performance/indicators.html", {"catalogue": catalogue, "indicators": rows})


def reports(request):
    """Reports in the user's scope, late and missing reports, and where to start a new one."""
    context = {
        "reports": selectors.reports_for(request.user)[:200],
        "overdue": selectors.late_and_missing(request.user),
        "partnerships": [
            p
            for p in selectors.partnerships_for(request.user).order_by("name")
            if can_report_for(request.user, p)
        ],
    }
    return render(request, "performance/report_list.html", context)


def report_new(request, pk: int):
    """Enter a partnership's report for a quarter (a report already started for it is updated)."""
    p = _partnership(request, pk)
    if not can_report_for(request.user, p):
        raise PermissionDenied("you may not report for this partnership")
    catalogue = services.ensure_default_catalogue()
    form = forms.ReportForm(
        request.POST or None, catalogue=catalogue, initial={"quarter": request.GET.get("quarter", "")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = services.save_report(
                user=request.user,
                partnership=p,
                quarter=form.cleaned_data["quarter"],
                values=form.values(),
                narrative=form.cleaned_data["narrative"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Report saved as a draft: check it, then submit it.")
            return redirect("performance:report_detail", report.pk)
    return render(
        request, "performance/report_form.html", {"form": form, "p": p, "title": "Quarterly report"}
    )


def report_edit(request, pk: int):
    """Change a draft or returned report."""
    report = _report(request, pk)
    if not can_report_for(request.user, report.partnership):
        raise PermissionDenied("you may not report for this partnership")
    catalogue = report.catalogue
    current = {v.indicator.key: v.value for v in report.values.select_related("indicator")}
    form = forms.ReportForm(
        request.POST or None,
        catalogue=catalogue,
        initial_values=current,
        initial={"quarter": report.quarter, "narrative": report.narrative},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_report(
                user=request.user,
                partnership=report.partnership,
                quarter=report.quarter,
                values=form.values(),
                narrative=form.cleaned_data["narrative"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Report saved.")
            return redirect("performance:report_detail", report.pk)
    return render(
        request,
        "performance/report_form.html",
        {"form": form, "p": report.partnership, "report": report, "title": "Change the report"},
    )


def report_upload(request, pk: int):
    """Upload a partnership's quarterly report as CSV; a bad line refuses the file (nothing of it is kept)."""
    p = _partnership(request, pk)
    if not can_report_for(request.user, p):
        raise PermissionDenied("you may not report for this partnership")
    form = forms.UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = services.upload_report(
                user=request.user,
                partnership=p,
                quarter=form.cleaned_data["quarter"],
                data=upload.read(),
                name=upload.name,
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(request, "Report uploaded as a draft: check it, then submit it.")
            return redirect("performance:report_detail", report.pk)
    return render(request, "performance/report_upload.html", {"form": form, "p": p})


def report_detail(request, pk: int):
    """A report, its values against targets, its review and its change history."""
    report = _report(request, pk)
    context = {
        "report": report,
        "rows": selectors.reported_rows(
            Partnership.objects.filter(pk=report.partnership_id), report.quarter, report.catalogue
        )
        if report.status == ReportStatus.APPROVED
        else None,
        "values": report.values.select_related("indicator"),
        "can_edit": can_report_for(request.user, report.partnership)
        and report.status in (ReportStatus.DRAFT, ReportStatus.RETURNED),
        "can_review": can_review(request.user) and report.status == ReportStatus.SUBMITTED,
        "can_publish": can_review(request.user) and report.status == ReportStatus.APPROVED,
        "review_form": forms.ReviewForm(),
        "history": history_rows(report),
    }
    return render(request, "performance/report_detail.html", context)


def _act(request, pk: int, action) -> HttpResponse:
    report = _report(request, pk)
    try:
        action(report)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("performance:report_detail", report.pk)


def report_submit(request, pk: int):
    """Send the report to state staff."""

    def act(report):
        services.submit_report(user=request.user, report=report)
        messages.success(request, "Report submitted to state staff.")

    return _act(request, pk, act)


def report_review(request, pk: int):
    """Approve the report, or return it with a comment."""
    form = forms.ReviewForm(request.POST)

    def act(report):
        if not form.is_valid():
            raise ValidationError("choose approve or return")
        approve = form.cleaned_data["decision"] == "approve"
        services.review_report(
            user=request.user, report=report, approve=approve, comment=form.cleaned_data["comment"]
        )
        messages.success(request, "Report approved." if approve else "Report returned to the convener.")

    return _act(request, pk, act)


def report_publish(request, pk: int):
    """Show the approved report on the public scorecard, or withdraw it."""

    def act(report):
        services.publish_report(
            user=request.user, report=report, published=request.POST.get("publish") == "1"
        )
        messages.success(
            request, "Published." if report.is_published else "Withdrawn from the public scorecard."
        )

    return _act(request, pk, act)


def public_scorecard(request):
    """What the public sees: published reports and outcomes, small cells suppressed (selectors.public_scorecard)."""
    return render(request, "performance/public_scorecard.html", selectors.public_scorecard())
