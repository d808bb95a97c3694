"""``sectorhub occupations`` and ``sectorhub pathways``: the supply side from the command line. Never sets up Django.

Tables go to standard output (CSV, or JSON with sources, notes and the O*NET attribution alongside the rows); for
CSV the sources, notes and attribution go to standard error, so the CSV stays a plain table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import typer
from rich.console import Console

err = Console(stderr=True)
OWNERSHIPS = ("5", "1", "2", "3")  # private, then federal, state and local government (each its own staffing)


def register(app: typer.Typer) -> None:
    """Add the top-level ``occupations`` and ``pathways`` commands to the root CLI."""
    app.command("occupations")(occupations)
    app.command("pathways")(pathways)


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(1)


def _emit(report, fmt: str, list_column: str | None = None) -> None:
    from sectorhub.lmi.sources.onet import ATTRIBUTION

    table = report.table.copy()
    # Estimates are shown to one decimal (jobs) and growth to four (a fraction); the engine keeps full precision.
    if "employment" in table.columns:
        table["employment"] = table["employment"].round(1)
    if "growth" in table.columns:
        table["growth"] = table["growth"].round(4)
    if fmt == "csv":
        out = table.copy()
        if list_column:
            out[list_column] = out[list_column].map("; ".join)
        sys.stdout.write(out.to_csv(index=False))
        for line in report.sources:
            typer.echo(f"source: {line}", err=True)
        for line in report.notes:
            typer.echo(f"note: {line}", err=True)
        typer.echo(ATTRIBUTION, err=True)
    else:
        rows = json.loads(table.to_json(orient="records"))
        doc = {"rows": rows, "sources": report.sources, "notes": report.notes, "attribution": ATTRIBUTION}
        sys.stdout.write(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")


def industry_employment(store, counties: list[str], year: int, period: str, level: str) -> pd.DataFrame:
    """The region's industry employment for every ownership (private and each level of government)."""
    from sectorhub.lmi.custom_regions import region_industries

    frames = []
    for own in OWNERSHIPS:
        df = region_industries(store, counties=counties, year=year, period=period, ownership=own, level=level)
        if len(df):
            frames.append(df.assign(own_code=own)[["industry_code", "own_code", "employment", "lower_bound"]])
    if not frames:
        return pd.DataFrame(columns=["industry_code", "own_code", "employment", "lower_bound"])
    return pd.concat(frames, ignore_index=True)


def occupations(
    counties: str | None = typer.Option(None, help="Comma-separated county FIPS codes, e.g. 39049,39041."),
    region: str | None = typer.Option(None, help='A metro or micro area by name, e.g. "Columbus, OH".'),
    year: int = typer.Option(..., help="Year of industry employment."),
    period: str = typer.Option("A", help="1, 2, 3, 4 or A (annual; derived from quarters if not published)."),
    base_year: int | None = typer.Option(None, help="Earlier year for growth (default: the year before)."),
    industries: str | None = typer.Option(
        None, help="Comma-separated NAICS codes of a target sector, e.g. 622,6216."
    ),
    level: str = typer.Option("3", help="NAICS digits (2..6) of the industry employment to use (default 3)."),
    top: int | None = typer.Option(None, min=1, help="Only the N occupations with the most employment."),
    fmt: str = typer.Option("csv", "--format", help="csv or json."),
    store_path: Path | None = typer.Option(
        None, "--store", help="Store file (default SECTORHUB_HOME/lmi.duckdb)."
    ),
) -> None:
    """Occupations a region's industries employ: regional industry employment times national staffing patterns."""
    from sectorhub.lmi.custom_regions import RegionError
    from sectorhub.lmi.places import PlaceError, check_counties, metro_counties
    from sectorhub.lmi.store import Store
    from sectorhub.lmi.supply.demand import DemandInputError
    from sectorhub.lmi.supply.report import occupations_for_region

    if fmt not in ("csv", "json"):
        _fail("--format must be csv or json")
    if bool(counties) == bool(region):
        _fail("give either --counties or --region (one of them)")
    try:
        if region:
            _code, title, county_list = metro_counties(region)
            typer.echo(f"region: {title} ({len(county_list)} counties: {', '.join(county_list)})", err=True)
        else:
            county_list = check_counties(counties.split(","))
        with Store.open(store_path, read_only=True) as store:
            current = industry_employment(store, county_list, year, period, level)
            base_label = base_year if base_year is not None else year - 1
            try:
                base = industry_employment(store, county_list, base_label, period, level)
            except RegionError as exc:
                base = None
                typer.echo(f"note: growth not computed ({exc})", err=True)
        wanted = [c.strip() for c in industries.split(",")] if industries else None
        report = occupations_for_region(
            current,
            counties=county_list,
            base_industry_employment=base,
            industries=wanted,
            top=top,
            growth_label=f"{base_label} to {year}, period {period.upper()}",
        )
    except (RegionError, PlaceError, DemandInputError, FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    _emit(report, fmt)


def pathways(
    soc: str = typer.Option(..., help="Target occupation, a SOC code such as 29-1141."),
    counties: str | None = typer.Option(
        None, help="Only origins employed in these counties' OEWS area (metro or state), e.g. 39049,39041."
    ),
    top: int = typer.Option(10, min=1, help="How many origin occupations to list."),
    gaps: int = typer.Option(5, min=0, help="How many skill gaps to list per origin."),
    fmt: str = typer.Option("csv", "--format", help="csv or json."),
) -> None:
    """Career pathways into an occupation: the most similar occupations (O*NET skills and knowledge) and gaps."""
    from sectorhub.lmi.places import PlaceError, check_counties
    from sectorhub.lmi.sources.cip_soc import CodeError
    from sectorhub.lmi.supply.careers import pathways_to

    if fmt not in ("csv", "json"):
        _fail("--format must be csv or json")
    try:
        county_list = check_counties(counties.split(",")) if counties else None
        report = pathways_to(soc, counties=county_list, top=top, gaps=gaps)
    except (CodeError, PlaceError) as exc:
        _fail(str(exc))
    _emit(report, fmt, list_column="skill_gaps")
