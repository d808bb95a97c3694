"""Occupation pages: one occupation's profile, regional wages, skills and career pathways; and the pathways search.

The figures are public (BLS OEWS, O*NET), so the pages are open to everyone; ``?region=<id>`` picks the region's
OEWS wage areas and limits pathway origins to occupations employed there. An unknown SOC code is a 404 that says so.
"""

from __future__ import annotations

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from sectorhub.lmi.api import CodeError
from sectorhub.regions.models import Region

SOC_PLACEHOLDER = "00-0000"


class OccupationSearchForm(forms.Form):
    """The pathways search: a target occupation by code or title, optionally in a region."""

    q = forms.CharField(label="Occupation (title words or SOC code)", max_length=100, required=False)
    region = forms.ModelChoiceField(
        label="Region (for wages and pathway origins)",
        queryset=Region.objects.order_by("name"),
        required=False,
        empty_label="None: national figures",
    )


def _region(request):
    """The ``?region=<id>`` Region with its counties, None when absent; 404 for an id that is not a region."""
    value = request.GET.get("region", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise Http404("region must be a region id")
    return get_object_or_404(Region.objects.prefetch_related("counties"), pk=int(value))


def occupation_link_pattern(region=None) -> str:
    """The occupation page's URL with ``{value}`` in place of the SOC code (for the package's occupation table)."""
    url = reverse("datapackages:occupation", args=[SOC_PLACEHOLDER]).replace(SOC_PLACEHOLDER, "{value}")
    return url + (f"?region={region.pk}" if region is not None else "")


def occupation(request, soc: str):
    """One occupation: profile, wages in the region's OEWS areas with their source, skills, knowledge, pathways."""
    from sectorhub.lmi.api import occupation_page

    region = _region(request)
    counties = sorted(c.fips for c in region.counties.all()) if region is not None else None
    try:
        page = occupation_page(soc, counties=counties or None)
    except CodeError as exc:
        context = {"soc": soc, "message": str(exc), "region": region}
        return render(request, "datapackages/occupation_missing.html", context, status=404)
    context = {"page": page, "region": region, "region_query": f"?region={region.pk}" if region else ""}
    return render(request, "datapackages/occupation_detail.html", context)


def occupation_search(request):
    """Find a target occupation by SOC code or title words; each result links to its page and pathways."""
    from sectorhub.lmi.api import ONET_ATTRIBUTION, search_occupations

    form = OccupationSearchForm(request.GET or None)
    valid = form.is_valid()
    query = form.cleaned_data["q"].strip() if valid else ""
    region = form.cleaned_data["region"] if valid else None
    context = {
        "form": form,
        "query": query,
        "results": search_occupations(query) if query else [],
        "region_query": f"?region={region.pk}" if region else "",
        "attribution": ONET_ATTRIBUTION,
    }
    return render(request, "datapackages/occupation_search.html", context)
