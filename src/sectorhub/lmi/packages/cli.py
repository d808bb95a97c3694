"""``sectorhub package build``: a regional data package as html, pdf, xlsx, json or csv; or every region at once.

A ``--region`` name is an OMB metro title (``"Columbus, OH"``) or CBSA code; when Django is configured
(``DJANGO_SETTINGS_MODULE``) a Region of the web app's database by that name is looked up first. Django is
imported only in that branch, so the engine's commands never set it up.
"""

from __future__ import annotations

import os
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


def _web_region(name: str):
    """A Region of the web app by name (or numeric id), when Django is configured; None otherwise."""
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        return None
    try:
        import django

        django.setup()
        from sectorhub.lmi.packages.places import NamedRegion
        from sectorhub.regions.models import Region
    except Exception as exc:  # noqa: BLE001 - a web app that cannot start must not stop the engine's command
        err.print(f"[yellow]note:[/yellow] web regions unavailable ({exc}); using OMB metro titles")
        return None
    region = Region.objects.filter(name__iexact=name).prefetch_related("counties").first()
    if region is None and name.isdigit():
        region = Region.objects.filter(pk=int(name)).prefetch_related("counties").first()
    if region is None:
        return None
    counties = tuple(sorted(c.fips for c in region.counties.all()))
    return NamedRegion(region.name, counties, region.code, region.kind, "SectorHub region registry")


def _web_regions(state: str) -> list:
    """Every Region of the web app with a county in the state, when Django is configured (else none)."""
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        return []
    try:
        import django

        django.setup()
        from sectorhub.lmi.packages.places import NamedRegion
        from sectorhub.regions.models import Region
    except Exception as exc:  # noqa: BLE001 - a web app that cannot start must not stop the engine's command
        err.print(f"[yellow]note:[/yellow] web regions unavailable ({exc})")
        return []
    regions = Region.objects.filter(counties__fips__startswith=state).distinct().prefetch_related("counties")
    return [
        NamedRegion(r.name, tuple(sorted(c.fips for c in r.counties.all())), r.code, r.kind, "SectorHub")
        for r in regions
    ]


def resolve_region(name: str):
    """A NamedRegion for ``--region``: the web app's Region first (if configured), else an OMB metro."""
    from sectorhub.lmi.packages.places import find_region

    return _web_region(name) or find_region(name)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@package_app.command()
def build(
    counties: str | None = typer.Option(None, help="Comma-separated county FIPS codes, e.g. 39049,39041."),
    region: str | None = typer.Option(
        None, help="A region name: an OMB metro title ('Columbus, OH') or code."
    ),
    all_regions: bool = typer.Option(
        False,
        "--all-regions",
        help="Every metro area of the state (and the web app's regions) into --out DIR.",
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
    from sectorhub.lmi.packages.supply_cli import supply_options

    try:
        section_options = supply_options(sectors, completions, separation_rate)
    except ValueError as exc:
        _fail(str(exc))
    from sectorhub.lmi.packages import FORMATS, build_package, render
    from sectorhub.lmi.regions import RegionError
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
        name = None
        county_list = counties.split(",") if counties else []
        if region:
            found = resolve_region(region)
            if found is None:
                _fail(
                    f"no region named {region!r} (an OMB metro title such as 'Columbus, OH', or a CBSA code)"
                )
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
    from sectorhub.lmi.packages import build_package, render
    from sectorhub.lmi.packages.places import cbsa_regions
    from sectorhub.lmi.regions import RegionError

    metros = cbsa_regions(state)
    web = _web_regions(state)
    names = {r.name for r in web}
    regions = web + [m for m in metros if m.name not in names]
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
