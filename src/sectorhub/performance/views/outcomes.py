"""Outcomes from records: the runs, one run's cells, the records upload (in memory only) and publishing a run."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured
from django.forms.utils import ErrorList
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from sectorhub.core.history import history_rows
from sectorhub.lmi import api
from sectorhub.performance import forms, selectors, services
from sectorhub.performance.models import OutcomeRun
from sectorhub.performance.permissions import can_load_records, can_review
from sectorhub.performance.uploads import MemoryOnlyUploadHandler


def outcomes(request):
    """The latest outcome runs computed from records (already suppressed), all cells."""
    runs = selectors.OutcomeRun.objects.prefetch_related("cells")[:5]
    return render(
        request, "performance/outcomes.html", {"runs": runs, "can_load": can_load_records(request.user)}
    )


def outcome_run(request, pk: int):
    """One run: its window, its cells (suppressed cells show no value), publish or withdraw, its history."""
    run = get_object_or_404(OutcomeRun.objects.select_related("created_by"), pk=pk)
    context = {
        "run": run,
        "cells": run.cells.order_by("pk"),
        "can_publish": can_review(request.user),
        "history": history_rows(run),
    }
    return render(request, "performance/outcome_run.html", context)


@csrf_exempt  # the token is checked by csrf_protect below, once the memory-only handler is in place
def outcome_upload(request):
    """Upload participant and wage records: read in memory, ids hashed, only the suppressed cells kept."""
    handler = MemoryOnlyUploadHandler(request, limit=services.MAX_RECORDS_BYTES)
    # Before anything reads the body: no other handler, so no temporary file of the raw records.
    request.upload_handlers = [handler]
    return _outcome_upload(request, handler)


@csrf_protect
def _outcome_upload(request, handler: MemoryOnlyUploadHandler):
    key_ready = services.id_key_configured()
    if request.method != "POST":
        form = forms.OutcomeUploadForm()
        return render(request, "performance/outcome_upload.html", _context(form, key_ready))
    form = forms.OutcomeUploadForm(request.POST, request.FILES)
    valid = form.is_valid()
    for field in handler.too_large:
        form.errors[field] = ErrorList(
            [f"The file is larger than {_limit()}: load it with the command line (docs/performance.md)."]
        )
        valid = False
    if valid:
        data = form.cleaned_data
        participants, wages = data["participants"], data["wages"]
        try:
            run = services.load_outcomes(
                user=request.user,
                participants=participants.read(),
                wages=wages.read(),
                participants_name=participants.name,
                wages_name=wages.name,
                exits_from=data["exits_from"],
                exits_to=data["exits_to"],
                wages_through=data["wages_through"],
                min_cell=data["min_cell"],
                label=data["label"],
            )
        except ImproperlyConfigured as exc:
            form.add_error(None, str(exc))
        except (api.RecordsError, api.OutcomesError) as exc:
            for line in getattr(exc, "errors", None) or [str(exc)]:
                form.add_error(None, line)
        else:
            messages.success(
                request,
                f"{run.cells.count()} cells computed from {run.participants_rows} periods and {run.wage_rows} "
                "wage rows. Identifiers were hashed; nothing of the files was kept.",
            )
            return redirect("performance:outcome_run", run.pk)
    return render(request, "performance/outcome_upload.html", _context(form, key_ready))


def _limit() -> str:
    limit = services.MAX_RECORDS_BYTES
    return f"{limit >> 20} MB" if limit >= 1 << 20 else f"{limit} bytes"


def _context(form, key_ready: bool) -> dict:
    return {"form": form, "key_ready": key_ready, "limit": _limit()}


def outcome_publish(request, pk: int):
    """Show the run (already suppressed) on the public scorecard and annual report, or withdraw it."""
    run = get_object_or_404(OutcomeRun, pk=pk)
    published = request.POST.get("publish") == "1"
    services.publish_outcomes(user=request.user, run=run, published=published)
    messages.success(request, "Published." if published else "Withdrawn from the public pages.")
    return redirect("performance:outcome_run", run.pk)
