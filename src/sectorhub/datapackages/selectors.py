"""Reads: a region's package from the engine, the periods it can show, and the published packages."""

from __future__ import annotations

from dataclasses import dataclass

from sectorhub.datapackages import building, engine
from sectorhub.datapackages.models import PublishedPackage

LEVELS = [("2", "Sectors (2-digit)"), ("3", "Subsectors (3-digit)"), ("4", "Industry groups (4-digit)")]
LEVELS += [("5", "Industries (5-digit)"), ("6", "National industries (6-digit)")]
OWNERSHIPS = [("5", "Private"), ("0", "Total covered"), ("1", "Federal government")]
OWNERSHIPS += [("2", "State government"), ("3", "Local government")]


@dataclass
class Choice:
    """The filters of a package page, checked against what is loaded."""

    year: int
    period: str
    level: str
    ownership: str
    map_measure: str = "employment"
    sectors: tuple[str, ...] = ()  # target sectors of the supply section; () = those classed strong/emerging
    # SectorHub estimates of suppressed cells (a signed-in working view only: such a package is never published).
    estimates: bool = False


MAP_MEASURES = [("employment", "Employment"), ("wage", "Average weekly wage")]
# NAICS sectors a user may name as target sectors of the supply section (titles come from the store).
SECTOR_CODES = (
    "11", "21", "22", "23", "31-33", "42", "44-45", "48-49", "51", "52", "53",
    "54", "55", "56", "61", "62", "71", "72", "81", "92",
)  # fmt: skip


def region_counties(region) -> list[str]:
    """The region's county FIPS codes."""
    return sorted(c.fips for c in region.counties.all())


def periods_for(counties: list[str]) -> list[tuple[int, str]]:
    """Every (year, period) loaded for all the counties, newest first (computed once per loaded data)."""
    from sectorhub.lmi.api import loaded_periods

    store = engine.store()
    return engine.memo(store, ("periods", tuple(counties)), lambda: loaded_periods(store, counties))


def choice_from(params, periods: list[tuple[int, str]]) -> Choice:
    """The requested filters (a query dict), falling back to the newest period, sectors and private ownership."""
    from sectorhub.datapackages.forms import PackageFiltersForm

    return PackageFiltersForm(params, periods=periods).choice()


def sector_choices() -> list[tuple[str, str]]:
    """(code, title) of the NAICS sectors offered as target sectors, titled as BLS titles them."""
    from sectorhub.lmi.api import industry_titles

    store = engine.store()
    titles = engine.memo(store, "sector titles", lambda: industry_titles(store, list(SECTOR_CODES)))
    return [(c, titles.get(c, f"NAICS {c}").removeprefix(f"NAICS {c} ")) for c in SECTOR_CODES]


def package_params(choice: Choice) -> dict:
    """The filters as they key a package (and as the page's links carry them)."""
    return {
        "period": f"{choice.year}-{choice.period}",
        "level": choice.level,
        "ownership": choice.ownership,
        "map": choice.map_measure,
        "sector": list(choice.sectors),
        **({"estimates": "1"} if choice.estimates else {}),
    }


def cached_package(region, choice: Choice, *, wait: float):
    """(key, DataPackage) of the region's package for the chosen filters, built once and shared by every worker.

    The package is None when it is still being built after ``wait`` seconds (it goes on building in the
    background; ask again with the same filters). The key changes with the loaded data and the training supply.
    """
    key, build = package_request(region, choice)
    return key, building.get_or_build(key, build, wait=wait)


def package_request(region, choice: Choice):
    """(cache key, build function) of the region's package for the chosen filters; nothing is built yet."""
    supply = training_supply(region)
    inputs = supply_inputs(region, choice, supply)
    counties = region_counties(region)
    supply_id = [supply.pk, supply.uploaded_at.isoformat()] if supply is not None else None
    name = region.name
    key = building.package_key(counties, {**package_params(choice), "name": name}, supply_id)

    def build():
        from sectorhub.lmi.api import build_package

        options = {"supply": inputs} if inputs is not None else None
        with engine.lock():
            return build_package(
                engine.store(),
                counties,
                choice.year,
                choice.period,
                choice.level,
                choice.ownership,
                name=name,
                map_measure=choice.map_measure,
                section_options=options,
                estimates=choice.estimates,
            )

    return key, build


def region_package(region, choice: Choice, *, wait: float = 100.0):
    """The region's DataPackage for the chosen filters (from the shared cache when built before).

    Published figures, plus the occupation estimates of the supply section (see docs/methods.md, "What a
    published package contains"). TimeoutError when the build takes longer than ``wait`` seconds.
    """
    _, pkg = cached_package(region, choice, wait=wait)
    if pkg is None:
        raise TimeoutError(f"the package of {region.name} is still being built; try again in a minute")
    return pkg


def training_supply(region):
    """The region's newest uploaded training supply, or None."""
    from sectorhub.datapackages.models import TrainingSupply

    return TrainingSupply.objects.filter(region=region).select_related("uploaded_by").first()


def supply_inputs(region, choice: Choice, supply=None):
    """The supply section's inputs: the chosen target sectors and the region's uploaded training supply."""
    import pandas as pd

    from sectorhub.lmi.api import SupplyInputs, read_separation_rate

    supply = supply if supply is not None else training_supply(region)
    if not choice.sectors and supply is None:
        return None
    inputs = SupplyInputs(sectors=list(choice.sectors) or None)
    if supply is not None:
        inputs.completions = pd.DataFrame(supply.completions, columns=["cip_code", "completers"])
        inputs.completions_source = (
            f"{supply.source_name}: {supply.completers:,} completers (first majors), uploaded "
            f"{supply.uploaded_at:%Y-%m-%d}"
        )
        if supply.separation_rate is not None:
            inputs.separation_rate, inputs.separation_source = read_separation_rate(
                str(supply.separation_rate)
            )
    return inputs


def published_packages():
    """Packages published and not withdrawn, with their regions."""
    return PublishedPackage.objects.filter(withdrawn_at__isnull=True).select_related("region", "published_by")


def published_for(region):
    """The region's current published packages."""
    return published_packages().filter(region=region)


def package_regions():
    """Every region a signed-in user can build a package for, by kind then name (the Data packages page)."""
    from sectorhub.regions.models import Region

    return Region.objects.order_by("kind", "name").prefetch_related("counties")
