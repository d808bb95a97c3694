"""Registry pages. Views parse the request, call one selector or service, and render."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string

from sectorhub.core.cache import cached, public_page
from sectorhub.partnerships import forms, selectors, services
from sectorhub.partnerships.goals import county_coverage
from sectorhub.partnerships.models import OrganizationKind, Partnership
from sectorhub.partnerships.permissions import (
    can_change_partnership,
    can_create_partnership,
    can_edit_organizations,
)
from sectorhub.regions.selectors import county_map_data

PAGE_SIZE = 25
RESULTS = "partnerships/_partnership_results.html"


@public_page
def dashboard(request):
    """Headline figures, goal progress and the latest changes."""
    return render(request, "partnerships/dashboard.html", selectors.dashboard(request.user))


@public_page
def partnership_list(request):
    """The registry, filtered by region, industry and phase; htmx requests get only the results.

    The results table is rendered once per registry version, audience and query (core.cache), since the same
    few filters are asked for again and again.
    """
    filters = selectors.PartnershipFilters(
        region=_int(request.GET.get("region")),
        industry=request.GET.get("industry", "").strip(),
        phase=request.GET.get("phase", "").strip(),
        q=request.GET.get("q", "").strip(),
    )
    query = request.GET.copy()
    query.pop("page", None)

    def results() -> str:
        rows = selectors.partnership_list(request.user, filters)
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        return render_to_string(RESULTS, {"page": page, "query": query.urlencode()})

    key = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()
    html = cached("partnership-list", f"{selectors.audience(request.user)}:{key}", results)
    if request.htmx:
        return HttpResponse(html)
    context = {"results": html, "filters": filters, "can_create": can_create_partnership(request.user)}
    context.update(selectors.filter_choices())
    context["industry_is_sector"] = filters.industry in {code for code, _title in context["sectors"]}
    return render(request, "partnerships/partnership_list.html", context)


def partnership_detail(request, pk: int):
    """One partnership: members, phase history, quality, meetings, action items and change history."""
    partnership = _get(request, pk)
    context = {
        "p": partnership,
        "quality": selectors.quality_summary(partnership),
        "history": selectors.partnership_history(partnership) if request.user.is_authenticated else [],
        "can_edit": can_change_partnership(request.user, partnership),
    }
    return render(request, "partnerships/partnership_detail.html", context)


def partnership_create(request):
    """Register a partnership."""
    if not can_create_partnership(request.user):
        raise PermissionDenied
    form = forms.PartnershipForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            partnership = services.create_partnership(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"“{partnership.name}” is registered.")
            return redirect("partnerships:detail", pk=partnership.pk)
    return render(
        request, "partnerships/partnership_form.html", {"form": form, "title": "Register a partnership"}
    )


def partnership_edit(request, pk: int):
    """Edit a partnership's details."""
    partnership = _get(request, pk)
    if not can_change_partnership(request.user, partnership):
        raise PermissionDenied
    initial = {
        "name": partnership.name,
        "region": partnership.region,
        "industries": ", ".join(i.code for i in partnership.industries.all()),
        "convener": partnership.convener,
        "launch_date": partnership.launch_date,
        "description": partnership.description,
        "is_public": partnership.is_public,
    }
    form = forms.PartnershipForm(
        request.POST or None, user=request.user, instance=partnership, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_partnership(user=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Partnership saved.")
            return redirect("partnerships:detail", pk=partnership.pk)
    context = {"form": form, "title": f"Edit {partnership.name}", "p": partnership}
    return render(request, "partnerships/partnership_form.html", context)


def _child_form(request, pk, form_class, service, title, success):
    """Shared view for the small forms on a partnership (phase, member, rating, meeting, action item)."""
    partnership = _get(request, pk)
    if not can_change_partnership(request.user, partnership):
        raise PermissionDenied
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(user=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect("partnerships:detail", pk=partnership.pk)
    context = {"form": form, "title": title, "p": partnership}
    return render(request, "partnerships/child_form.html", context)


def phase_change(request, pk: int):
    """Move the partnership to another phase."""
    return _child_form(
        request, pk, forms.PhaseChangeForm, services.change_phase, "Change phase", "Phase recorded."
    )


def member_add(request, pk: int):
    """Add a member organization."""
    return _child_form(
        request, pk, forms.MembershipForm, services.add_member, "Add a member", "Member added."
    )


def rating_add(request, pk: int):
    """Rate a quality criterion."""
    return _child_form(
        request, pk, forms.QualityRatingForm, services.rate_quality, "Rate quality", "Rating saved."
    )


def meeting_add(request, pk: int):
    """Log a meeting or engagement."""
    return _child_form(
        request, pk, forms.MeetingForm, services.log_meeting, "Log a meeting", "Meeting logged."
    )


def action_add(request, pk: int):
    """Add an action item."""
    return _child_form(
        request, pk, forms.ActionItemForm, services.add_action_item, "Add an action item", "Saved."
    )


def organization_list(request):
    """Organizations, searchable by name and type."""
    kind = request.GET.get("kind", "")
    rows = selectors.organizations(q=request.GET.get("q", "").strip(), kind=kind)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {"page": page, "kinds": OrganizationKind.choices, "kind": kind, "q": request.GET.get("q", "")}
    context["can_create"] = can_edit_organizations(request.user)
    return render(request, "partnerships/organization_list.html", context)


def organization_create(request):
    """Add an organization."""
    if not can_edit_organizations(request.user):
        raise PermissionDenied
    form = forms.OrganizationForm(request.POST or None, state_fips=settings.SECTORHUB_STATE_FIPS)
    if request.method == "POST" and form.is_valid():
        org = services.create_organization(user=request.user, **form.cleaned_data)
        messages.success(request, f"“{org.name}” added.")
        return redirect("partnerships:organization_list")
    return render(request, "partnerships/child_form.html", {"form": form, "title": "Add an organization"})


@public_page
def goals(request):
    """The state's goals with progress, the local areas still lacking a partnership, and a coverage map."""
    results = selectors.goal_results(request.user)
    coverage = next((r for r in results if r.goal.evaluator == "region_coverage"), None)
    map_data = None
    if coverage is not None:
        map_data = county_map_data(
            state_fips=settings.SECTORHUB_STATE_FIPS,
            groups=county_coverage(coverage),
            title="Coverage",
            missing="Not in a local area",
            caption="Counties colored by whether their local workforce area has a launched partnership.",
        )
        map_data["colors"] = {"Covered": "#00a398", "Not yet covered": "#d83933"}
    return render(
        request, "partnerships/goals.html", {"results": results, "coverage": coverage, "map_data": map_data}
    )


def _get(request, pk: int) -> Partnership:
    """The partnership if the user may see it, else 404."""
    try:
        return selectors.partnership_detail(request.user, pk)
    except Partnership.DoesNotExist as exc:
        raise Http404("No such partnership") from exc


def _int(value) -> int | None:
    """An integer query parameter, or None."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _add_errors(form, exc: ValidationError) -> None:
    """Show a service's validation errors on the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
