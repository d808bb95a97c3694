"""``sectorhub performance ...``: load an indicator catalogue; load participant and wage records as outcomes.

Django is set up only when a command runs (the CLI must start fast).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

performance_app = typer.Typer(
    help="Performance measurement: indicator catalogues and outcomes.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add the ``performance`` command group to the root CLI."""
    app.add_typer(performance_app, name="performance")


def _django() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sectorhub.config.settings")
    django.setup()


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


@performance_app.command()
def catalogue(
    path: Path = typer.Argument(..., help="A catalogue YAML file (layout: docs/performance.md)."),
) -> None:
    """Load a state's own indicator catalogue (a new version; earlier reports keep theirs)."""
    _django()
    from sectorhub.performance.catalogue import CatalogueError, read_catalogue
    from sectorhub.performance.services import load_catalogue

    try:
        spec = read_catalogue(path)
    except CatalogueError as exc:
        _fail(str(exc))
    cat = load_catalogue(spec=spec)
    typer.echo(f"catalogue {cat.name} version {cat.version}: {cat.indicators.count()} indicators")


@performance_app.command()
def outcomes(
    participants: Path = typer.Option(..., help="Participants CSV (docs/outcomes-inputs.md)."),
    wages: Path = typer.Option(..., help="UI wage records CSV (docs/outcomes-inputs.md)."),
    program_year: int | None = typer.Option(
        None, "--program-year", help="Exits from July 1 of Y to June 30 of Y+1."
    ),
    exits_from: str | None = typer.Option(None, "--exits-from", help="First exit date, YYYY-MM-DD."),
    exits_to: str | None = typer.Option(None, "--exits-to", help="Last exit date, YYYY-MM-DD."),
    wages_through: str | None = typer.Option(
        None, "--wages-through", help="Last complete wage quarter, YYYYQn."
    ),
    min_cell: int = typer.Option(10, "--min-cell", help="Suppress cells whose denominator is below this."),
    label: str = typer.Option("", help="A name for this run (default: the exit window)."),
) -> None:
    """Load records into the web app: ids keyed-hashed with SECTORHUB_ID_KEY, only the suppressed cells stored."""
    _django()
    from django.core.exceptions import ImproperlyConfigured
    from rich.console import Console

    from sectorhub.lmi import api
    from sectorhub.performance.services import id_key, load_outcomes

    try:
        id_key()
    except ImproperlyConfigured as exc:
        _fail(str(exc))
    if program_year is not None:
        start, end = api.program_year_window(program_year)
    elif exits_from and exits_to:
        try:
            start, end = dt.date.fromisoformat(exits_from), dt.date.fromisoformat(exits_to)
        except ValueError:
            _fail("--exits-from and --exits-to must be dates YYYY-MM-DD")
    else:
        _fail("give --program-year Y, or both --exits-from and --exits-to")
    err = Console(stderr=True)
    with err.status("hashing ids and computing outcomes"):
        try:
            run = load_outcomes(
                user=None, participants=str(participants), wages=str(wages), exits_from=start, exits_to=end,
                wages_through=wages_through, min_cell=min_cell, label=label,
            )  # fmt: skip
        except (api.RecordsError, api.OutcomesError) as exc:
            _fail(str(exc))
    typer.echo(f"{run.label}: {run.cells.count()} cells stored from {run.participants_rows} periods")
