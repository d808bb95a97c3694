"""Reads: a region's package from the engine, the periods it can show, and the published packages."""

from __future__ import annotations

from dataclasses import dataclass

from sectorhub.datapackages import engine
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
    """Every (year, period) loaded for all the counties, newest first."""
    store = engine.store()
    with engine.lock():
        rows = store.sql(
            "SELECT year, qtr FROM qcew WHERE area_fips IN (SELECT unnest(?::VARCHAR[])) AND own_code = '0' "
            "AND industry_code = '10' GROUP BY 1, 2 HAVING count(DISTINCT area_fips) = ? ORDER BY 1 DESC, 2 DESC",
            [counties, len(counties)],
        ).fetchall()
    return [(int(y), q) for y, q in rows]


def choice_from(params, periods: list[tuple[int, str]]) -> Choice:
    """The requested filters, falling back to the newest period, sectors and private ownership."""
    period = params.get("period", "")
    year, qtr = periods[0]
    if "-" in period:
        y, q = period.split("-", 1)
        if y.isdigit() and (int(y), q) in periods:
            year, qtr = int(y), q
    level = params.get("level", "2")
    ownership = params.get("ownership", "5")
    map_measure = params.get("map", "employment")
    asked = params.getlist("sector") if hasattr(params, "getlist") else []
    sectors = tuple(c for c in SECTOR_CODES if c in set(asked))
    return Choice(
        year,
        qtr,
        level if level in dict(LEVELS) else "2",
        ownership if ownership in dict(OWNERSHIPS) else "5",
        map_measure if map_measure in dict(MAP_MEASURES) else "employment",
        sectors,
    )


def sector_choices() -> list[tuple[str, str]]:
    """(code, title) of the NAICS sectors offered as target sectors, titled as BLS titles them."""
    with engine.lock():
        titles = dict(
            engine.store()
            .sql(
                "SELECT industry_code, industry_title FROM industry_titles "
                "WHERE industry_code IN (SELECT unnest(?::VARCHAR[]))",
                [list(SECTOR_CODES)],
            )
            .fetchall()
        )
    return [(c, titles.get(c, f"NAICS {c}").removeprefix(f"NAICS {c} ")) for c in SECTOR_CODES]


def region_package(region, choice: Choice):
    """The region's DataPackage for the chosen filters (published figures only, never estimates)."""
    from sectorhub.lmi.packages import build_package

    inputs = supply_inputs(region, choice)
    options = {"supply": inputs} if inputs is not None else None
    with engine.lock():
        return build_package(
            engine.store(),
            region_counties(region),
            choice.year,
            choice.period,
            choice.level,
            choice.ownership,
            name=region.name,
            map_measure=choice.map_measure,
            section_options=options,
        )


def training_supply(region):
    """The region's newest uploaded training supply, or None."""
    from sectorhub.datapackages.models import TrainingSupply

    return TrainingSupply.objects.filter(region=region).select_related("uploaded_by").first()


def supply_inputs(region, choice: Choice):
    """The supply section's inputs: the chosen target sectors and the region's uploaded training supply."""
    import pandas as pd

    from sectorhub.lmi.packages.supply import SupplyInputs
    from sectorhub.lmi.packages.supply_cli import read_separation_rate

    supply = training_supply(region)
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
