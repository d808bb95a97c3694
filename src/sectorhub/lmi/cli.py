"""``sectorhub lmi``: load, fetch, export and query QCEW data. Never sets up Django."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

if TYPE_CHECKING:  # rich.progress loads in the commands that show progress (start-up time)
    from rich.progress import Progress

lmi_app = typer.Typer(
    help="The labor-market engine: BLS QCEW data in the embedded store.", no_args_is_help=True
)
err = Console(stderr=True)


def register(app: typer.Typer) -> None:
    """Add the ``lmi`` command group to the root CLI."""
    from sectorhub.lmi.sources.qcew_download import register_fetch

    register_fetch(lmi_app)
    app.add_typer(lmi_app, name="lmi")


def _progress() -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


@lmi_app.command()
def load(
    paths: list[Path] = typer.Argument(..., help="QCEW CSV files (plain or .gz), folders of them, or zips."),
    store_path: Path | None = typer.Option(
        None, "--store", help="Store file (default SECTORHUB_HOME/lmi.duckdb)."
    ),
) -> None:
    """Load BLS QCEW files into the store: all or nothing, and a file already loaded is skipped."""
    from sectorhub.lmi.store import LoadError, Store

    with Store.open(store_path) as store, _progress() as bar:
        task = bar.add_task("loading", total=None)

        def tick(name: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=Path(name).name[-40:] or "done")

        try:
            result = store.load(paths, progress=tick)
        except LoadError as exc:
            bar.stop()
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
    for f in result.files:
        extra = f" (replaced {f.replaced_rows} rows)" if f.replaced_rows else ""
        label = "rows loaded" if f.status == "loaded" else "rows already loaded, skipped"
        typer.echo(f"{f.name}\t{f.rows} {label}{extra}")
    typer.echo(f"total\t{result.rows_loaded} rows loaded from {len(result.files)} files")


@lmi_app.command()
def export(
    areas: str | None = typer.Option(None, help="Comma-separated area codes (FIPS, e.g. 39049,39041)."),
    year: int | None = typer.Option(None, help="Year."),
    period: str | None = typer.Option(None, help="1, 2, 3, 4 or A (annual)."),
    fmt: str = typer.Option("csv", "--format", help="csv, json or parquet."),
    out: Path | None = typer.Option(None, help="Output file (default: standard output)."),
    store_path: Path | None = typer.Option(
        None, "--store", help="Store file (default SECTORHUB_HOME/lmi.duckdb)."
    ),
) -> None:
    """Export loaded rows in BLS's layout, with every lq_* and oty_* column computed by SectorHub.

    An LQ that estimated national shares cannot pin to BLS's hundredths is empty (lq_disclosure_code N) and
    its interval is in the last columns, lq_<column>_low and lq_<column>_high.
    """
    from sectorhub.lmi.export import ExportError, export_frame, write_frame
    from sectorhub.lmi.store import Store

    if period is not None and period.upper() not in {"1", "2", "3", "4", "A"}:
        _fail("--period must be 1, 2, 3, 4 or A")
    area_list = [a.strip() for a in areas.split(",") if a.strip()] if areas else None
    try:
        with Store.open(store_path, read_only=True) as store:
            df = export_frame(store, areas=area_list, year=year, period=period)
        write_frame(df, fmt, out)
    except (ExportError, FileNotFoundError) as exc:
        _fail(str(exc))
    if out:
        err.print(f"{len(df)} rows written to {out}")
    _note_reference(df)


@lmi_app.command()
def region(
    counties: str = typer.Option(..., help="Comma-separated county FIPS codes, e.g. 39049,39041."),
    year: int = typer.Option(..., help="Year."),
    period: str = typer.Option(..., help="1, 2, 3, 4 or A (annual; derived from quarters if not published)."),
    ownership: str = typer.Option(
        "5", help="Ownership code: 0 total, 1 federal, 2 state, 3 local, 5 private."
    ),
    level: str = typer.Option("2", help="NAICS digits 2..6, or 'supersector'."),
    fmt: str = typer.Option("csv", "--format", help="csv or json."),
    store_path: Path | None = typer.Option(
        None, "--store", help="Store file (default SECTORHUB_HOME/lmi.duckdb)."
    ),
    estimates: bool = typer.Option(
        False,
        "--estimates",
        help="Add employment_estimate (suppressed cells estimated to fit every published total) and estimated.",
    ),
    backend: str = typer.Option(
        "duckdb", "--backend", help="duckdb (default) or pyspark (Spark reads the store's Parquet parts)."
    ),
) -> None:
    """One row per industry of a custom region; lower_bound marks totals that include suppressed cells.

    lq is empty where estimated national shares cannot pin it to hundredths; lq_low and lq_high then give
    the interval it lies in.
    """
    from sectorhub.lmi.custom_regions import RegionError, region_industries
    from sectorhub.lmi.store import Store

    if fmt not in ("csv", "json"):
        _fail("--format must be csv or json")
    if backend not in ("duckdb", "pyspark"):
        _fail("--backend must be duckdb or pyspark")
    if backend != "duckdb" and estimates:
        _fail("--estimates runs on duckdb only")
    if fmt == "csv" and backend == "duckdb" and not estimates:
        # Plain Python from the stored query to the CSV: no pandas, NumPy or Ibis in this process.
        from sectorhub.lmi.custom_regions import region_rows, rows_csv

        try:
            with Store.open(store_path, read_only=True) as store:
                request = dict(counties=counties.split(","), year=year, period=period, ownership=ownership)
                columns, rows, note = region_rows(store, **request, level=level)
        except (RegionError, FileNotFoundError) as exc:
            _fail(str(exc))
        sys.stdout.write(rows_csv(columns, rows))
        _say_reference(note)
        return
    try:
        with Store.open(store_path, read_only=True) as store:
            if backend != "duckdb":
                df = _region_on(backend, store, counties, year, period, ownership, level)
            else:
                df = region_industries(
                    store,
                    counties=counties.split(","),
                    year=year,
                    period=period,
                    ownership=ownership,
                    level=level,
                )
            if estimates:
                from sectorhub.lmi.estimates import add_region_estimates

                request = dict(counties=counties.split(","), year=year, period=period, ownership=ownership)
                df = add_region_estimates(store, df, **request, level=level)
    except (RegionError, FileNotFoundError) as exc:
        _fail(str(exc))
    if fmt == "csv":
        sys.stdout.write(df.to_csv(index=False))
    else:
        sys.stdout.write(df.to_json(orient="records", indent=1) + "\n")
    _note_reference(df)


@lmi_app.command()
def ledger(
    store_path: Path | None = typer.Option(
        None, "--store", help="Store file (default SECTORHUB_HOME/lmi.duckdb)."
    ),
) -> None:
    """List every file loaded: name, SHA-256, rows, layout and when."""
    from sectorhub.lmi.store import Store

    try:
        with Store.open(store_path, read_only=True) as store:
            store.require_loaded()
            rows = store.ledger()
    except FileNotFoundError as exc:
        _fail(str(exc))
    for r in rows:
        typer.echo(
            f"{r['file_id']}\t{r['name']}\t{r['sha256'][:12]}\t{r['rows']}\t{r['layout']}\t{r['loaded_at']}"
        )


def _region_on(backend: str, store, counties: str, year: int, period: str, ownership: str, level: str):
    """The region query on another backend (sectorhub.lmi.backend_regions); a backend that fails exits 1."""
    from sectorhub.lmi.backend_regions import region_industries_on
    from sectorhub.lmi.backends import BackendError

    try:
        request = dict(counties=counties.split(","), year=year, period=period, ownership=ownership)
        return region_industries_on(backend, store, **request, level=level)
    except BackendError as exc:
        _fail(str(exc))


def _note_reference(df) -> None:
    """Say on standard error which national reference the LQs use (a U.S. file or an estimate)."""
    _say_reference(df.attrs.get("lq_reference"))


def _say_reference(note: str | None) -> None:
    if note:
        typer.echo(f"LQ reference: {note}. Source: U.S. Bureau of Labor Statistics, QCEW.", err=True)


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)
