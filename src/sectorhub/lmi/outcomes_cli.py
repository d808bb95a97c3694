"""``sectorhub outcomes compute``: WIOA-style outcomes from participant and UI wage records. Never sets up Django."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import typer

outcomes_app = typer.Typer(
    help="Outcomes from participant and UI wage records (docs/methods-outcomes.md).", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add the ``outcomes`` command group to the root CLI."""
    app.add_typer(outcomes_app, name="outcomes")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _fail(f"{option} must be a date YYYY-MM-DD; got {text!r}")


@outcomes_app.command()
def compute(
    participants: Path = typer.Option(..., help="Participants CSV (docs/outcomes-inputs.md)."),
    wages: Path = typer.Option(..., help="UI wage records CSV (docs/outcomes-inputs.md)."),
    program_year: int | None = typer.Option(
        None, "--program-year", help="Exits from July 1 of Y to June 30 of Y+1."
    ),
    exits_from: str | None = typer.Option(None, "--exits-from", help="First exit date, YYYY-MM-DD."),
    exits_to: str | None = typer.Option(None, "--exits-to", help="Last exit date, YYYY-MM-DD (inclusive)."),
    wages_through: str | None = typer.Option(
        None, "--wages-through", help="Last complete wage quarter, YYYYQn (default: the latest in the file)."
    ),
    min_cell: int = typer.Option(10, "--min-cell", help="Suppress cells whose denominator is below this."),
    backend: str = typer.Option("duckdb", "--backend", help="duckdb, pyspark or a postgres://... URL."),
    fmt: str = typer.Option("csv", "--format", help="csv or json."),
    out: Path | None = typer.Option(None, "--out", help="Output file (default: standard output)."),
) -> None:
    """One row per cell: indicator, group_by, group, numerator, denominator, value, suppressed."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from sectorhub.lmi.backends import BackendError, connect, put_table
    from sectorhub.lmi.outcomes import OutcomesError, compute_outcomes, program_year_window
    from sectorhub.lmi.sources.records import RecordsError, read_participants, read_wages

    if fmt not in ("csv", "json"):
        _fail("--format must be csv or json")
    if program_year is not None and (exits_from or exits_to):
        _fail("give --program-year or --exits-from/--exits-to, not both")
    if program_year is not None:
        start, end = program_year_window(program_year)
    elif exits_from and exits_to:
        start, end = _date(exits_from, "--exits-from"), _date(exits_to, "--exits-to")
    else:
        _fail("give --program-year Y, or both --exits-from and --exits-to")

    err = Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(f"reading {participants.name}")
        try:
            people = read_participants(participants)
            bar.update(task, description=f"reading {wages.name}")
            pay = read_wages(wages)
            bar.update(task, description=f"computing on {backend.split('@')[-1]}")
            con = connect(backend)
            cells = compute_outcomes(
                put_table(con, "participants", people),
                put_table(con, "wages", pay),
                exits_from=start,
                exits_to=end,
                wages_through=wages_through,
                min_cell=min_cell,
            )
        except (RecordsError, OutcomesError, BackendError) as exc:
            bar.stop()
            _fail(str(exc))
    text = render(cells, fmt)
    if out:
        out.write_text(text)
        err.print(f"{len(cells)} cells written to {out}")
    else:
        sys.stdout.write(text)


def render(cells, fmt: str) -> str:
    """Cells as CSV (empty for None, true/false) or a JSON list of objects."""
    import csv
    import io
    import json

    from sectorhub.lmi.outcomes import OUTPUT_COLUMNS

    rows = [c.as_dict() for c in cells]
    if fmt == "json":
        return json.dumps(rows, indent=1) + "\n"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    for r in rows:
        writer.writerow(
            [
                "" if r[k] is None else ("true" if r[k] is True else "false" if r[k] is False else r[k])
                for k in OUTPUT_COLUMNS
            ]
        )
    return buf.getvalue()
