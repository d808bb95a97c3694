"""Region pages: the list with a map of one kind of region, a region's detail, the forms and the county shapes."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from sectorhub.core.cache import public_page
from sectorhub.core.discovery import app_modules
from sectorhub.core.history import form_labels, history_rows
from sectorhub.paths import MissingDataError
from sectorhub.regions import selectors, services
from sectorhub.regions.forms import RegionForm
from sectorhub.regions.models import Region, RegionKind
from sectorhub.regions.permissions import can_change_region, can_create_region


@public_page
def region_list(request):
    """Regions of one kind (local areas by default) in a table and on a county map."""
    kind = request.GET.get("kind") or RegionKind.LOCAL_AREA
    if kind not in RegionKind.values:
        raise Http404("Unknown region kind")
    groups = {fips: names[0] for fips, names in selectors.county_regions(kind).items()}
    context = {
        "kind": kind,
        "kind_label": RegionKind(kind).label,
        "kinds": RegionKind.choices,
        "regions": selectors.regions_of_kind(kind),
        "map_data": selectors.county_map_data(
            state_fips=settings.SECTORHUB_STATE_FIPS,
            groups=groups,
            title=RegionKind(kind).label,
            missing="Not in one",
            caption=f"Counties colored by {RegionKind(kind).label[0].lower()}{RegionKind(kind).label[1:]}; "
            "grey: not in one.",
        ),
        "can_create": can_create_region(request.user),
    }
    return render(request, "regions/region_list.html", context)


def region_detail(request, pk: int):
    """One region: its counties listed and on the map."""
    region = _get(pk)
    counties = list(region.counties.all())
    groups = {c.fips: "In region" for c in counties}
    context = {
        "region": region,
        "counties": counties,
        "map_data": selectors.county_map_data(
            state_fips=settings.SECTORHUB_STATE_FIPS,
            groups=groups,
            title=region.name,
            missing="Outside",
            caption=f"The {len(counties)} {'county' if len(counties) == 1 else 'counties'} of {region.name} "
            "in color; the state's other counties in grey.",
        ),
        "can_edit": can_change_region(request.user, region),
        # Higher apps add links here through their region_links.py (the data package), never by import.
        "region_links": [
            link
            for _cfg, mod in app_modules("region_links")
            for link in mod.region_links(region, request.user)
        ],
        "history": history_rows(region, labels=form_labels(RegionForm))
        if request.user.is_authenticated
        else [],
    }
    return render(request, "regions/region_detail.html", context)


def region_create(request):
    """Define a new region (state staff)."""
    if not can_create_region(request.user):
        raise PermissionDenied
    form = RegionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        region = services.create_region(user=request.user, **form.cleaned_data)
        messages.success(request, f"Region “{region.name}” created.")
        return redirect("regions:detail", pk=region.pk)
    return render(request, "regions/region_form.html", {"form": form, "title": "New region"})


def region_edit(request, pk: int):
    """Change a region's name, kind or counties."""
    region = _get(pk)
    if not can_change_region(request.user, region):
        raise PermissionDenied
    initial = {
        "name": region.name,
        "kind": region.kind,
        "code": region.code,
        "description": region.description,
    }
    initial["counties"] = list(region.counties.all())
    form = RegionForm(request.POST or None, initial=initial, instance=region)
    if request.method == "POST" and form.is_valid():
        services.update_region(user=request.user, region=region, **form.cleaned_data)
        messages.success(request, "Region saved.")
        return redirect("regions:detail", pk=region.pk)
    return render(
        request, "regions/region_form.html", {"form": form, "title": f"Edit {region.name}", "region": region}
    )


@require_GET
@gzip_page
def county_topojson(request):
    """The county TopoJSON: the data folder's geo/ file, else the us-atlas file installed at setup."""
    from sectorhub.lmi.api import county_topology_bytes

    try:
        body = county_topology_bytes()
    except MissingDataError as exc:
        raise Http404("County boundaries are not installed (SECTORHUB_DATA/geo or us-atlas)") from exc
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _get(pk: int) -> Region:
    """The region or a 404."""
    try:
        return selectors.region_with_counties(pk)
    except Region.DoesNotExist as exc:
        raise Http404("No such region") from exc
