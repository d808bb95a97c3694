"""``sectorhub data``: set up the public data folder from the publishers (fetch), or check that it is complete.

Heavy imports (httpx, openpyxl, the converters) happen inside the commands, so the CLI starts fast.
"""

from __future__ import annotations

from pathlib import Path

import typer

data_app = typer.Typer(
    help="The public data folder (SECTORHUB_DATA): fetch it from the publishers, or check it.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add the ``data`` command group to the root CLI."""
    app.add_typer(data_app, name="data")


def _folder(dest: Path | None) -> Path:
    from sectorhub.paths import data_dir

    return Path(dest).expanduser().resolve() if dest else data_dir()


def _run_fetch(folder: Path, *, state: str, year: int, ipeds_year: int | None, force: bool, retries: int):
    """Fetch with a Rich progress bar on standard error; returns the FetchResult."""
    from rich.console import Console
    from rich.filesize import decimal
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from sectorhub.lmi.sources.fetch import fetch_data

    err = Console(stderr=True)
    columns = (
        TextColumn("{task.description:<48}"),
        BarColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=False) as bar:
        sources = bar.add_task("sources", total=None, detail="")
        current = bar.add_task("", total=None, detail="")
        seen = {"name": None}

        def show(event) -> None:
            if event.name != seen["name"]:
                seen["name"] = event.name
                bar.update(sources, total=event.count, completed=event.index - 1,
                           detail=f"{event.index - 1}/{event.count} sources")  # fmt: skip
                bar.reset(current, total=event.total, description=event.name[-48:], detail="")
            size = f"{decimal(event.received)}" + (f" of {decimal(event.total)}" if event.total else "")
            bar.update(current, completed=event.received, total=event.total,
                       detail="checked, kept" if event.skipped else size)  # fmt: skip

        result = fetch_data(
            folder, state=state, year=year, ipeds_year=ipeds_year, force=force, retries=retries, progress=show
        )
        count = bar.tasks[0].total or 0
        bar.update(sources, completed=count, detail=f"{count}/{count} sources")
        bar.update(current, description="done", completed=1, total=1, detail="")
        return result


def _summary(result) -> None:
    typer.echo(
        f"{len(result.downloaded)} sources downloaded, {len(result.kept)} already there and checked, "
        f"{len(result.refetched)} refused (checksum or size) and fetched again, "
        f"{len(result.rewritten)} converted files written again."
    )
    typer.echo(
        f"{result.files} files ready in {result.folder} (manifest: {result.folder / 'fetch-manifest.json'})"
    )


@data_app.command("fetch")
def fetch(
    state: str = typer.Option(
        "OH", "--state", help="State whose QCEW county and metro files to keep (OH or 39)."
    ),
    year: int = typer.Option(2016, "--year", help="QCEW year of the quarterly by-area files."),
    dest: Path | None = typer.Option(None, "--dest", help="Data folder to fill (default: SECTORHUB_DATA)."),
    ipeds: bool = typer.Option(
        False, "--ipeds", help="Also download IPEDS completions by CIP (C<year>_A.zip)."
    ),
    ipeds_year: int = typer.Option(2023, "--ipeds-year", help="IPEDS completions year, with --ipeds."),
    force: bool = typer.Option(
        False, "--force", help="Download every file again and accept new checksums (a revised file)."
    ),
    retries: int = typer.Option(5, "--retries", help="Retries per file on connection errors and 5xx."),
) -> None:
    """Download every public source the demo and the engine read from its publisher, checked and converted."""
    from sectorhub.lmi.sources.fetch import FetchError, unreachable

    folder = _folder(dest)
    offline = unreachable(state=state, year=year, ipeds_year=ipeds_year if ipeds else None)
    if offline:
        _offline(folder, offline)
    try:
        result = _run_fetch(
            folder,
            state=state,
            year=year,
            ipeds_year=ipeds_year if ipeds else None,
            force=force,
            retries=retries,
        )
    except (FetchError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    _summary(result)


@data_app.command("check")
def check(
    dest: Path | None = typer.Option(None, "--dest", help="Data folder (default: SECTORHUB_DATA)."),
) -> None:
    """Say whether the data folder has every file the demo and the engine read (exit status 1 if not)."""
    from sectorhub.lmi.sources.fetch import missing_files
    from sectorhub.paths import MissingDataError

    folder = _folder(dest)
    missing = missing_files(folder)
    if missing:
        raise MissingDataError([Path(m) for m in missing], folder)
    typer.echo(f"The data folder {folder} has every file the demo and the engine read.")


@data_app.command("ensure")
def ensure(
    state: str = typer.Option("OH", "--state", help="State to fetch if the folder is incomplete."),
    year: int = typer.Option(2016, "--year", help="QCEW year to fetch if the folder is incomplete."),
) -> None:
    """Use the data folder when it is complete; otherwise fetch it (what `make run` does first)."""
    from sectorhub.lmi.sources.fetch import FetchError, missing_files, unreachable

    folder = _folder(None)
    if not missing_files(folder):
        typer.echo(f"Using the data folder {folder}.")
        return
    offline = unreachable(state=state, year=year)
    if offline:
        _offline(folder, offline)
    typer.echo(f"The data folder {folder} is incomplete: fetching it from the publishers ...")
    try:
        result = _run_fetch(folder, state=state, year=year, ipeds_year=None, force=False, retries=5)
    except FetchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    _summary(result)


def _offline(folder: Path, offline: list[str]) -> None:
    """Stop: the publishers cannot be reached. With the folder incomplete, that is the missing-data message."""
    from sectorhub.lmi.sources.fetch import missing_files
    from sectorhub.paths import MissingDataError

    reason = f"Cannot reach {', '.join(offline)} (no internet, or a proxy or firewall in the way)."
    missing = missing_files(folder)
    if missing:
        raise MissingDataError([Path(m) for m in missing], folder, reason=reason)
    typer.echo(f"error: {reason} The data folder {folder} is complete, so nothing is needed.", err=True)
    raise typer.Exit(1)
