"""Capacity-building pages. Views parse the request, call one selector or service, and render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from sectorhub.capacity import forms, selectors, services
from sectorhub.capacity.models import Capability, EventKind, ResourceKind, TARequest
from sectorhub.capacity.permissions import can_manage
from sectorhub.core.history import history_rows
from sectorhub.regions.models import RegionKind


def _year(request) -> int:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else timezone.localdate().year


def _errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errs in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def _get(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def event_list(request):
    """Events of a year with their attendance counts."""
    year = _year(request)
    context = {
        "events": selectors.event_list(year=year),
        "year": year,
        "can_manage": can_manage(request.user),
    }
    return render(request, "capacity/event_list.html", context)


def event_form(request, pk: int | None = None):
    """Add or change an event (state staff)."""
    event = _get(selectors.event_detail, pk) if pk else None
    form = forms.EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if event is None:
                event = services.create_event(user=request.user, **data)
            else:
                services.update_event(user=request.user, event=event, **data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, f"“{event.title}” is saved.")
            return redirect("capacity:event_detail", pk=event.pk)
    title = "Add an event" if event is None else f"Change {event.title}"
    return render(request, "core/form.html", {"form": form, "title": title, "multipart": False})


def event_detail(request, pk: int):
    """An event: details, materials, attendance by organization and region, history."""
    event = _get(selectors.event_detail, pk)
    context = {
        "event": event,
        "can_manage": can_manage(request.user),
        "attendance_form": forms.AttendanceForm(),
        "sheet_form": forms.SignInSheetForm(),
        "history": history_rows(event),
    }
    return render(request, "capacity/event_detail.html", context)


def attendance_add(request, pk: int):
    """Record one person's registration or attendance (POST)."""
    event = _get(selectors.event_detail, pk)
    form = forms.AttendanceForm(request.POST)
    if form.is_valid():
        services.record_attendance(user=request.user, event=event, **form.cleaned_data)
        messages.success(request, f"{form.cleaned_data['name']} is recorded.")
    else:
        messages.error(
            request, "Not recorded: " + "; ".join(e for errs in form.errors.values() for e in errs)
        )
    return redirect("capacity:event_detail", pk=pk)


def attendance_import(request, pk: int):
    """Import a CSV sign-in sheet; a bad row refuses the file and names its line."""
    event = _get(selectors.event_detail, pk)
    form = forms.SignInSheetForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        sheet = form.cleaned_data["sheet"]
        try:
            result = services.import_sign_in_sheet(
                user=request.user, event=event, data=sheet.read(), file_name=sheet.name
            )
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(
                request,
                f"{result.rows} people recorded ({result.attended} present, {result.new_people} new).",
            )
            return redirect("capacity:event_detail", pk=pk)
    context = {"form": form, "title": f"Import a sign-in sheet for {event.title}", "multipart": True}
    return render(request, "core/form.html", context)


def not_reached(request):
    """Regions and partnerships no one attended an event for this year."""
    kind = request.GET.get("kind", RegionKind.LOCAL_AREA)
    kind = kind if kind in RegionKind.values else RegionKind.LOCAL_AREA
    reach = selectors.not_reached(year=_year(request), region_kind=kind)
    return render(request, "capacity/not_reached.html", {"reach": reach, "kinds": RegionKind.choices})


def attendance_summary(request):
    """Who attended the year's events, per organization or region and quarter (state staff)."""
    by = request.GET.get("by", "organization")
    by = by if by in selectors.ATTENDANCE_GROUPS else "organization"
    kind = request.GET.get("kind", "")
    kind = kind if kind in EventKind.values else ""
    summary = selectors.attendance_summary(year=_year(request), by=by, kind=kind)
    context = {"summary": summary, "groups": selectors.ATTENDANCE_GROUPS.items(), "kinds": EventKind.choices}
    return render(request, "capacity/attendance_summary.html", context)


def resource_list(request):
    """The library, filtered by capability and kind."""
    capability, kind = request.GET.get("capability", ""), request.GET.get("kind", "")
    context = {
        "resources": selectors.resource_list(capability=capability, kind=kind),
        "capabilities": Capability.choices,
        "kinds": ResourceKind.choices,
        "capability": capability,
        "kind": kind,
        "can_manage": can_manage(request.user),
    }
    return render(request, "capacity/resource_list.html", context)


def resource_create(request):
    """Add a library item (state staff)."""
    form = forms.ResourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("upload", None)
        try:
            resource = services.create_resource(user=request.user, upload=upload, **data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, f"“{resource.title}” is in the library.")
            return redirect("capacity:resource_detail", pk=resource.pk)
    return render(request, "core/form.html", {"form": form, "title": "Add a resource", "multipart": True})


def resource_detail(request, pk: int):
    """One library item with its tags and history."""
    resource = _get(selectors.resource_list().get, pk=pk)
    return render(
        request, "capacity/resource_detail.html", {"r": resource, "history": history_rows(resource)}
    )


def resource_download(request, pk: int):
    """A resource's file, sent as an attachment; internal files only to signed-in users."""
    resource = _get(selectors.resource_for_download, request.user, pk)
    response = FileResponse(
        resource.file.open("rb"), as_attachment=True, filename=resource.file_name or f"resource-{pk}"
    )
    response["Content-Type"] = resource.content_type or "application/octet-stream"
    response["Cache-Control"] = "private, no-store" if not resource.is_public else "public, max-age=300"
    return response


def request_list(request):
    """TA requests the user may see, open first."""
    rows = selectors.requests_for(request.user).order_by("status", "-submitted_at")
    return render(
        request, "capacity/request_list.html", {"requests": rows, "can_manage": can_manage(request.user)}
    )


def request_create(request):
    """File a TA request."""
    form = forms.RequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            ta = services.file_request(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, "Your request is filed; state staff will be in touch.")
            return redirect("capacity:request_detail", pk=ta.pk)
    return render(request, "core/form.html", {"form": form, "title": "Ask for technical assistance"})


def request_detail(request, pk: int):
    """One TA request, its history and (for state staff) the form to assign and resolve it."""
    ta = _get(selectors.requests_for(request.user).get, pk=pk)
    form = None
    if can_manage(request.user):
        initial = {
            "status": ta.status,
            "priority": ta.priority,
            "assignee": ta.assignee,
            "resolution": ta.resolution,
        }
        form = forms.RequestUpdateForm(initial=initial)
    context = {"ta": ta, "form": form, "history": history_rows(ta)}
    return render(request, "capacity/request_detail.html", context)


def request_update(request, pk: int):
    """Assign, move or resolve a TA request (POST, state staff)."""
    ta = _get(selectors.requests_for(request.user).get, pk=pk)
    form = forms.RequestUpdateForm(request.POST)
    if form.is_valid():
        try:
            services.update_request(user=request.user, request=ta, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, "Request updated.")
            return redirect("capacity:request_detail", pk=pk)
    if not can_manage(request.user):
        raise PermissionDenied
    ta = TARequest.objects.get(pk=pk)
    return render(
        request, "capacity/request_detail.html", {"ta": ta, "form": form, "history": history_rows(ta)}
    )


def report(request):
    """The feedback loop: challenges by category, region and quarter beside what was offered for each."""
    year = _year(request)
    return render(
        request, "capacity/report.html", {"report": selectors.challenge_report(user=request.user, year=year)}
    )
