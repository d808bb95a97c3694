"""Outreach pages. Views parse the request, call one selector or service, and render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from sectorhub.core.history import history_rows
from sectorhub.outreach import forms, selectors, services
from sectorhub.outreach.models import Campaign, Recommendation
from sectorhub.outreach.permissions import can_manage, can_record_for


def _get(qs, pk):
    try:
        return qs.get(pk=pk)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def _errors(form, exc: ValidationError) -> None:
    for field, errs in (exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}).items():
        form.add_error(field if field in form.fields else None, errs)


def _create(request, form_class, service, title, redirect_to, *, scoped=True, multipart=False):
    """The shared add-a-record view: validate, call the service, redirect or show the errors."""
    kwargs = {"user": request.user} if scoped else {}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            obj = service(user=request.user, **data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, f"“{obj}” is saved.")
            return redirect_to(obj)
    return render(request, "core/form.html", {"form": form, "title": title})


def home(request):
    """Networks with their recommendation counts, campaigns with reach, recent engagements."""
    context = {
        "networks": selectors.networks_with_counts(),
        "totals": selectors.recommendation_totals(),
        "campaigns": selectors.campaigns(),
        "engagements": selectors.engagements()[:10],
        "can_manage": can_manage(request.user),
    }
    return render(request, "outreach/home.html", context)


def network_create(request):
    """Add a network (state staff)."""
    return _create(request, forms.NetworkForm, services.create_network, "Add an industry network",
                   lambda n: redirect("outreach:network_detail", pk=n.pk))  # fmt: skip


def network_detail(request, pk: int):
    """A network's recommendations and their status."""
    network = _get(selectors.networks_with_counts(), pk)
    context = {"network": network, "recommendations": selectors.recommendations_for(network)}
    return render(request, "outreach/network_detail.html", context)


def champion_list(request):
    """Champions with consent status (signed-in users; contact details are internal)."""
    return render(request, "outreach/champion_list.html", {"champions": selectors.champions()})


def champion_create(request):
    """Record a champion."""
    return _create(request, forms.ChampionForm, services.add_champion, "Add an industry champion",
                   lambda c: redirect("outreach:champion_list"))  # fmt: skip


def engagement_list(request):
    """The engagement log."""
    return render(request, "outreach/engagement_list.html", {"engagements": selectors.engagements()[:200]})


def engagement_create(request):
    """Log a meeting, site visit or commitment."""
    return _create(request, forms.EngagementForm, services.record_engagement, "Record an engagement",
                   lambda e: redirect("outreach:engagement_list"))  # fmt: skip


def recommendation_create(request):
    """Record a recommendation."""
    return _create(request, forms.RecommendationForm, services.make_recommendation, "Record a recommendation",
                   lambda r: redirect("outreach:recommendation_detail", pk=r.pk))  # fmt: skip


def recommendation_detail(request, pk: int, form=None):
    """A recommendation, its history and the form to move it on."""
    rec = _get(Recommendation.objects.select_related("network", "partnership"), pk)
    if form is None and can_record_for(request.user, rec.partnership):
        form = forms.StatusForm(initial={"status": rec.status})
    context = {"rec": rec, "form": form, "history": history_rows(rec)}
    return render(request, "outreach/recommendation_detail.html", context)


def recommendation_status(request, pk: int):
    """Move a recommendation on (POST)."""
    rec = _get(Recommendation.objects.select_related("partnership"), pk)
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        try:
            services.move_recommendation(user=request.user, recommendation=rec, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, "Status saved.")
            return redirect("outreach:recommendation_detail", pk=pk)
    return recommendation_detail(request, pk, form=form)


def campaign_create(request):
    """Add a campaign (state staff)."""
    return _create(request, forms.CampaignForm, services.create_campaign, "Add a campaign",
                   lambda c: redirect("outreach:campaign_detail", pk=c.pk), scoped=False)  # fmt: skip


def campaign_detail(request, pk: int):
    """A campaign's materials and reach."""
    campaign = _get(selectors.campaigns(), pk)
    context = {"campaign": campaign, "materials": campaign.materials.all(), "form": forms.MaterialForm(),
               "can_manage": can_manage(request.user), "history": history_rows(campaign)}  # fmt: skip
    return render(request, "outreach/campaign_detail.html", context)


def material_add(request, pk: int):
    """Add a material to a campaign (POST, state staff)."""
    campaign = _get(Campaign.objects.all(), pk)
    form = forms.MaterialForm(request.POST)
    if form.is_valid():
        services.add_material(user=request.user, campaign=campaign, **form.cleaned_data)
        messages.success(request, "Material added.")
    else:
        messages.error(request, "Not added: " + "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect("outreach:campaign_detail", pk=pk)


def public_champions(request):
    """Industry champions who agreed to be listed (public page; no contact details)."""
    return render(request, "outreach/public_champions.html", {"champions": selectors.public_champions()})
