"""Reads for regions; every query a page needs is built here, with its joins."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, QuerySet

from sectorhub.regions.models import County, Region


def regions_of_kind(kind: str | None = None) -> QuerySet[Region]:
    """Regions (of one kind, or all) with their county counts."""
    qs = Region.objects.annotate(county_count=Count("counties"))
    return qs.filter(kind=kind) if kind else qs


def region_with_counties(pk: int) -> Region:
    """One region with its counties (and their states) and assigned conveners loaded."""
    return Region.objects.prefetch_related("counties__state", "conveners").get(pk=pk)


def counties_in_state(state_fips: str) -> QuerySet[County]:
    """The counties of one state, by name."""
    return County.objects.filter(state_id=state_fips).select_related("state").order_by("name")


def county_regions(kind: str) -> dict[str, list[str]]:
    """County FIPS → names of the regions of `kind` that contain it, in one query."""
    links = Region.counties.through.objects.filter(region__kind=kind).values_list("county_id", "region__name")
    groups: dict[str, list[str]] = defaultdict(list)
    for fips, name in links.order_by("region__name"):
        groups[fips].append(name)
    return dict(groups)


def county_map_data(
    *, state_fips: str, groups: dict[str, str], title: str, missing: str = "None", caption: str = ""
) -> dict:
    """The JSON a county map needs: each county of the state with the group it is colored by.

    ``caption`` is the sentence under the map (default: "Counties colored by <title>.", the title as written).
    Also returned as rows for the table that accompanies every map, so the page reads without the picture.
    """
    from sectorhub.lmi.api import county_source
    from sectorhub.paths import MissingDataError

    counties = list(counties_in_state(state_fips).values_list("fips", "name"))
    try:
        boundaries = county_source()
    except MissingDataError:
        boundaries = "not installed (no geo/ in the data folder and no us-atlas package)"
    return {
        "boundaries": boundaries,
        "state_fips": state_fips,
        "title": title,
        "caption": caption or f"Counties colored by {title}.",
        "missing": missing,
        "counties": {fips: groups.get(fips, missing) for fips, _name in counties},
        "names": {fips: name for fips, name in counties},
    }
