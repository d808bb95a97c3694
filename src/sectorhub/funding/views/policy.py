"""The policy inventory, the six-policy checklist and the training provider list alignment."""

from __future__ import annotations

import re

from django.contrib import messages
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from sectorhub.funding import forms, services
from sectorhub.funding.models import PolicyCheck
from sectorhub.funding.permissions import is_state
from sectorhub.funding.selectors import etpl as etpl_sel
from sectorhub.funding.selectors.public import public_funding
from sectorhub.funding.services.etpl import COLUMNS
from sectorhub.funding.views.common import form_page


def policies(request):
    """Legislation and administrative policies (public ones; the public selector)."""
    return render(
        request,
        "funding/policies.html",
        {"policies": public_funding("policies"), "is_state": is_state(request.user)},
    )


def policy_add(request):
    """Add a policy to the inventory."""
    form = forms.PolicyForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda d: services.add_policy(user=request.user, **d),
        title="Add a policy",
        success="Policy added.",
        back=lambda _p: reverse("funding:policies"),
    )


def checklist(request):
    """The brief's six administrative policies with where the state stands and its evidence."""
    from sectorhub.core.history import history_rows

    checks = list(PolicyCheck.objects.all())
    return render(
        request,
        "funding/checklist.html",
        {
            "checks": checks,
            "is_state": is_state(request.user),
            "history": [(c, history_rows(c, 5)) for c in checks],
        },
    )


def checklist_edit(request, key: str):
    """Update one checklist item."""
    try:
        check = PolicyCheck.objects.get(key=key)
    except PolicyCheck.DoesNotExist as exc:
        raise Http404("No such policy") from exc
    form = forms.ChecklistForm(
        request.POST or None, initial={"state": check.state, "evidence": check.evidence, "link": check.link}
    )
    return form_page(
        request,
        form,
        lambda d: services.update_policy_check(user=request.user, key=key, **d),
        title=check.get_key_display(),
        success="Checklist updated.",
        back=lambda _c: reverse("funding:checklist"),
    )


def etpl(request):
    """Programs on the training provider list and their alignment to a region's target occupations."""
    from sectorhub.lmi.api import CodeError, normalize_soc

    region_id = request.GET.get("region", "")
    typed = [s for s in re.split(r"[\s,;]+", request.GET.get("soc", "")) if s]
    try:
        socs = [normalize_soc(s) for s in typed]
    except CodeError as exc:
        messages.error(request, str(exc))
        socs = []
    context = etpl_sel.etpl_page(region_id=int(region_id) if region_id.isdigit() else None, socs=socs)
    context["soc"] = request.GET.get("soc", "")
    context["is_state"] = is_state(request.user)
    return render(request, "funding/etpl.html", context)


def etpl_upload(request):
    """Upload the training provider list (CSV; all rows or none)."""
    form = forms.EtplUploadForm(request.POST or None, request.FILES or None)
    return form_page(
        request,
        form,
        lambda d: services.upload_programs(user=request.user, upload=d["file"]),
        title="Upload the training provider list",
        success="Training provider list uploaded.",
        back=lambda _u: reverse("funding:etpl"),
        context={"columns": COLUMNS},
    )
