"""``sectorhub package build``: a regional data package as html, pdf, xlsx, json or csv; or every region at once.

A ``--region`` name is an OMB metro or micro title (``"Columbus, OH"``, or a unique start such as ``Columbus``) or
CBSA code, resolved by ``lmi.places`` like every other ``--region``. The engine never sets up Django: a region of
the web app's registry is built with ``sectorhub web package``, which looks it up and passes its counties here.
"""

from __future__ import annotations

import re
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

package_app = typer.Typer(
    help="Regional data packages (demand side): build and write them.", no_args_is_help=True
)
err = Console(stderr=True)


def register(app: typer.Typer) -> None:
    """Add the ``package`` command group to the root CLI."""
    app.add_typer(package_app, name="package")


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(1)


def resolve_region(name: str):
    """A NamedRegion for ``--region``: an OMB metro or micro area by title or CBSA code (``lmi.places``)."""
    from sectorhub.lmi.places import find_region

    return find_region(name)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@package_app.command()
def build(
    counties: str | None = typer.Option(None, help="Comma-separated county FIPS codes, e.g. 39049,39041."),
    name: str | None = typer.Option(None, help="The region's name on the package (with --counties)."),
    region: str | None = typer.Option(
        None, help="A region name: an OMB metro title ('Columbus, OH') or code."
    ),
    all_regions: bool = typer.Option(
        False,
        "--all-regions",
        help="Every metro area of the state into --out DIR.",
    ),
    state: str = typer.Option("39", help="State FIPS for --all-regions."),
    year: int = typer.Option(2016, help="Year."),
    period: str = typer.Option("1", help="1, 2, 3, 4 or A (annual)."),
    level: str = typer.Option("2", help="NAICS digits 2..6, or 'supersector'."),
    ownership: str = typer.Option(
        "5", help="Ownership code: 0 total, 1 federal, 2 state, 3 local, 5 private."
    ),
    fmt: str = typer.Option("html", "--format", help="html, pdf, xlsx, json or csv."),
    estimates: bool = typer.Option(False, "--estimates", help="Add SectorHub estimates of suppressed cells."),
    map_measure: str = typer.Option(
        "employment", "--map", help="What colours the county map: employment or wage (average weekly wage)."
    ),
    out: Path = typer.Option(..., help="Output file (or folder with --all-regions)."),
    store_path: Path | None = typer.Option(
        None, "--store", help="Store file (default SECTORHUB_HOME/lmi.duckdb)."
    ),
    sectors: str | None = typer.Option(
        None,
        help="Target sectors of the supply section, NAICS codes (default: those classed strong/emerging).",
    ),
    completions: Path | None = typer.Option(
        None, help="IPEDS completions file (C{year}_A layout) for the supply section's training gap."
    ),
    separation_rate: str | None = typer.Option(
        None,
        help="Annual separation rate for the training gap: a fraction, or a CSV of soc_code,separation_rate.",
    ),
) -> None:
    """Build a regional data package for a set of counties or a named region, or for every region of a state."""
    from sectorhub.lmi.packages.cli.supply import supply_options

    try:
        section_options = supply_options(sectors, completions, separation_rate)
    except ValueError as exc:
        _fail(str(exc))
    from sectorhub.lmi.custom_regions import RegionError
    from sectorhub.lmi.packages import FORMATS, build_package, render
    from sectorhub.lmi.store import Store

    fmts = [f.strip() for f in fmt.split(",")]
    if any(f not in FORMATS for f in fmts):
        _fail(f"--format must be one of {', '.join(FORMATS)}")
    if map_measure not in ("employment", "wage"):
        _fail("--map must be employment or wage")
    if sum(bool(x) for x in (counties, region, all_regions)) != 1:
        _fail("give exactly one of --counties, --region or --all-regions")
    try:
        store = Store.open(store_path, read_only=True)
    except FileNotFoundError as exc:
        _fail(str(exc))
    with store:
        if all_regions:
            _build_all(
                store,
                state,
                year,
                period,
                level,
                ownership,
                fmts,
                estimates,
                out,
                section_options,
                map_measure,
            )
            return
        county_list = counties.split(",") if counties else []
        if region:
            from sectorhub.lmi.places import PlaceError

            try:
                found = resolve_region(region)
            except PlaceError as exc:
                _fail(f"{exc} (an OMB metro title such as 'Columbus, OH', or a CBSA code)")
            name, county_list = found.name, list(found.counties)
        try:
            pkg = build_package(
                store,
                county_list,
                year,
                period,
                level,
                ownership,
                name=name,
                estimates=estimates,
                map_measure=map_measure,
                section_options=section_options,
            )
        except RegionError as exc:
            _fail(str(exc))
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(render(pkg, fmts[0]))
        err.print(f"{pkg.region_name}, {pkg.period_label}: {fmts[0]} written to {out}")


def _build_all(
    store,
    state,
    year,
    period,
    level,
    ownership,
    fmts,
    estimates,
    out: Path,
    options=None,
    map_measure="employment",
) -> None:
    from sectorhub.lmi.custom_regions import RegionError
    from sectorhub.lmi.packages import build_package, render
    from sectorhub.lmi.places import cbsa_regions

    regions = cbsa_regions(state)
    loaded = {
        a
        for (a,) in store.sql(
            "SELECT DISTINCT area_fips FROM qcew WHERE area_fips LIKE ?", [f"{state}%"]
        ).fetchall()
    }
    out.mkdir(parents=True, exist_ok=True)
    done, skipped = 0, []
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err
    )
    with progress:
        task = progress.add_task("packages", total=len(regions) * len(fmts))
        for reg in regions:
            # Packages cover the state's own counties of a multi-state metro (the other states are not loaded).
            mine = [c for c in reg.counties if c.startswith(state)]
            progress.update(task, description=reg.name[:40])
            missing = [c for c in mine if c not in loaded]
            if not mine or missing:
                skipped.append(f"{reg.name} (counties not loaded: {', '.join(missing)})")
                progress.advance(task, len(fmts))
                continue
            try:
                pkg = build_package(
                    store,
                    mine,
                    year,
                    period,
                    level,
                    ownership,
                    name=reg.name,
                    estimates=estimates,
                    map_measure=map_measure,
                    section_options=options,
                )
            except RegionError as exc:
                skipped.append(f"{reg.name} ({exc})")
                progress.advance(task, len(fmts))
                continue
            for f in fmts:
                (out / f"{_slug(reg.name)}.{f}").write_bytes(render(pkg, f))
                progress.advance(task)
            done += 1
    err.print(f"{done} packages written to {out}" + (f"; skipped: {'; '.join(skipped)}" if skipped else ""))
