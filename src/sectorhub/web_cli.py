"""Web commands: `sectorhub web serve` and `sectorhub demo load`. Django is set up only when they run."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

web_app = typer.Typer(help="Run the web application.", no_args_is_help=True)
demo_app = typer.Typer(help="The Ohio demonstration state.", no_args_is_help=True)

QCEW_DEMO_FOLDERS = ("qcew/2016.q1-q4.by_area", "qcew/2020.open_data_slices")


def _django():
    """Set up Django lazily, so `sectorhub lmi ...` never pays for it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sectorhub.config.settings")
    import django

    django.setup()
    from django.conf import settings

    return settings


def _manage(*args: str) -> None:
    """Run a Django management command in-process."""
    from django.core.management import call_command

    call_command(*args)


@web_app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on"),
    port: int = typer.Option(8000, help="Port to listen on"),
    workers: int = typer.Option(0, help="gunicorn workers (0: two per CPU core, plus one)"),
    reload: bool = typer.Option(
        False, help="Django's development server with auto-reload instead of gunicorn"
    ),
) -> None:
    """Apply migrations, then serve the app with gunicorn (or Django's reloading server with --reload)."""
    settings = _django()
    _manage("migrate", "--noinput", "--verbosity", "0")
    if settings.PRODUCTION:
        _manage("collectstatic", "--noinput", "--verbosity", "0")
    if reload:
        _manage("runserver", f"{host}:{port}")
        return
    workers = workers or (2 * (os.cpu_count() or 1) + 1)
    typer.echo(f"SectorHub on http://{host}:{port}/ ({workers} gunicorn workers; Ctrl-C stops)")
    command = gunicorn_command(
        host=host, port=port, workers=workers, request_timeout=settings.SECTORHUB_REQUEST_TIMEOUT
    )
    sys.stdout.flush()
    sys.stderr.flush()
    # Replace this process with gunicorn's master, so SIGTERM or SIGINT sent to `sectorhub web serve` reaches
    # gunicorn itself, which stops its workers and frees the port (a child process would be left serving).
    os.execv(command[0], command)


def gunicorn_command(*, host: str, port: int, workers: int, request_timeout: float) -> list[str]:
    """The gunicorn command line: its worker timeout a few seconds past the app's own request timeout guard
    (core.faults), so a slow request ends in the app's "took too long" page, not in a killed worker."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    timeout = int(request_timeout) + 5 if request_timeout > 0 else 30
    return [
        str(gunicorn),
        "sectorhub.config.wsgi",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--timeout",
        str(timeout),
        "--graceful-timeout",
        "10",
        "--config",  # preload and warm-up (config/gunicorn.py); the command line's timeout wins over its own
        "python:sectorhub.config.gunicorn",
        "--access-logfile",
        "-",
    ]


@web_app.command("package")
def package(
    region: str = typer.Argument(..., help="A region of the registry: its name or id."),
    out: Path = typer.Option(..., help="Output file."),
    year: int = typer.Option(2016, help="Year."),
    period: str = typer.Option("1", help="1, 2, 3, 4 or A (annual)."),
    level: str = typer.Option("2", help="NAICS digits 2..6, or 'supersector'."),
    ownership: str = typer.Option(
        "5", help="Ownership code: 0 total, 1 federal, 2 state, 3 local, 5 private."
    ),
    fmt: str = typer.Option("html", "--format", help="html, pdf, xlsx, json or csv."),
    estimates: bool = typer.Option(False, "--estimates", help="Add SectorHub estimates of suppressed cells."),
) -> None:
    """Build the data package of a region of the web app's registry (looked up here, its counties passed on)."""
    _django()
    from sectorhub.lmi.packages.cli.package import build
    from sectorhub.regions.models import Region

    regions = Region.objects.prefetch_related("counties")
    found = regions.filter(name__iexact=region.strip()).first()
    if found is None and region.strip().isdigit():
        found = regions.filter(pk=int(region)).first()
    if found is None:
        typer.echo(f"error: no region named {region!r} in the registry (see /regions/)", err=True)
        raise typer.Exit(1)
    counties = ",".join(sorted(c.fips for c in found.counties.all()))
    build(
        counties=counties,
        name=found.name,
        region=None,
        all_regions=False,
        state="39",
        year=year,
        period=period,
        level=level,
        ownership=ownership,
        fmt=fmt,
        estimates=estimates,
        map_measure="employment",
        out=out,
        store_path=None,
        sectors=None,
        completions=None,
        separation_rate=None,
    )


@demo_app.command("load")
def demo_load() -> None:
    """Load the Ohio demo: counties, regions, partnerships, goals, one user per role, and the QCEW files."""
    from sectorhub.lmi.sources.fetch import REQUIRED
    from sectorhub.paths import require_data

    require_data(
        *REQUIRED
    )  # before anything is written: one message naming what is missing and how to get it
    settings = _django()
    _manage("migrate", "--noinput", "--verbosity", "0")
    from sectorhub.partnerships.demo import load_demo

    result = load_demo(password=settings.SECTORHUB_DEMO_PASSWORD)
    typer.echo(
        f"Registry: {result.states} states, {result.counties} counties, {result.regions} regions, "
        f"{result.partnerships} partnerships."
    )
    users = "admin, staff, convener, reviewer, analyst"
    if result.password_generated:
        typer.echo(f"Demo users ({users}) have the password: {result.password}")
        typer.echo("Set SECTORHUB_DEMO_PASSWORD to choose it instead.")
    else:
        typer.echo(f"Demo users ({users}) have the password from SECTORHUB_DEMO_PASSWORD.")
    for line in app_demos(password=result.password):
        typer.echo(line)
    from sectorhub.lmi.store import Store

    def progress(name: str, done: int, total: int) -> None:
        typer.echo(f"  [{min(done + 1, total)}/{total}] {Path(name).name}", err=True)

    typer.echo("Loading the shared QCEW files into the engine store ...")
    store = Store.open()
    try:
        loaded = store.load(
            [settings.SECTORHUB_DATA / folder for folder in QCEW_DEMO_FOLDERS], progress=progress
        )
    finally:
        store.close()
    unchanged = sum(1 for f in loaded.files if f.status == "unchanged")
    typer.echo(
        f"QCEW: {len(loaded.files)} files, {loaded.rows_loaded:,} rows loaded, {unchanged} already loaded."
    )


def app_demos(*, password: str) -> list[str]:
    """Run each other app's demo hook after the registry demo: `<app>.demo.extend_demo(password=...)`, in app order.

    An app adds demo data by shipping a `demo.py` with that function; it returns one line for the output.
    """
    from sectorhub.core.discovery import app_modules

    lines = []
    for _config, module in app_modules("demo", exclude=("sectorhub.partnerships",)):
        extend = getattr(module, "extend_demo", None)
        if callable(extend):
            lines.append(extend(password=password))
    return lines


def backup(
    folder: Path = typer.Argument(..., help="A new or empty folder to write the backup into"),
) -> None:
    """Back up the web database and the engine store into FOLDER, with a manifest (safe while the app runs)."""
    settings = _django()
    from sectorhub.core.backup import backup as run_backup
    from sectorhub.lmi.api import STORE_FILE, BackupError

    try:
        with _steps("Backing up") as step:
            manifest = run_backup(folder, store=settings.SECTORHUB_HOME / STORE_FILE, progress=step)
    except BackupError as exc:
        typer.echo(f"Backup failed: {exc}", err=True)
        raise typer.Exit(1) from exc
    rows = sum(manifest["database"]["tables"].values())
    engine = manifest["engine"]
    parts = len(engine.get("files", {})) - 1 if engine.get("present") else 0
    typer.echo(
        f"Backed up to {folder}: {len(manifest['database']['tables'])} tables, {rows:,} rows "
        f"({manifest['database']['vendor']}); engine store: "
        + (f"{parts} parts" if engine.get("present") else "none yet")
        + "."
    )


def restore(
    folder: Path = typer.Argument(..., help="A folder written by `sectorhub backup`"),
    yes: bool = typer.Option(False, "--yes", help="Replace the current data without asking"),
) -> None:
    """Replace the web database's contents and the engine store with the backup in FOLDER; restart the app after."""
    settings = _django()
    from sectorhub.core.backup import restore as run_restore
    from sectorhub.lmi.api import STORE_FILE, BackupError

    if not yes:
        typer.confirm(
            f"Replace everything in the web database and the engine store with {folder}?", abort=True
        )
    _manage("migrate", "--noinput", "--verbosity", "0")
    try:
        with _steps("Restoring") as step:
            manifest = run_restore(folder, store=settings.SECTORHUB_HOME / STORE_FILE, progress=step)
    except BackupError as exc:
        typer.echo(f"Restore failed, nothing changed: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(
        f"Restored the backup of {manifest['created_at']}. Restart the app so every worker reopens the store."
    )


class _steps:
    """A Rich progress display with one task per step (web database, engine store)."""

    def __init__(self, title: str):
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
        self.title = title
        self.task = None

    def __enter__(self):
        self.progress.start()

        def step(name: str) -> None:
            if self.task is not None:
                self.progress.update(self.task, completed=1, total=1)
            self.task = self.progress.add_task(f"{self.title}: {name}", total=None)

        return step

    def __exit__(self, *exc):
        if self.task is not None and exc[0] is None:
            self.progress.update(self.task, completed=1, total=1)
        self.progress.stop()
        return False


def register(app: typer.Typer) -> None:
    """Add `web`, `demo`, `backup` and `restore` to the SectorHub command line."""
    app.add_typer(web_app, name="web")
    app.add_typer(demo_app, name="demo")
    app.command("backup")(backup)
    app.command("restore")(restore)
