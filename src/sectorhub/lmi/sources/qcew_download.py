"""Download BLS QCEW files from the addresses BLS documents, resumably and verified.

Two kinds of file, both documented by BLS:

* **Bulk "by area" zips** (every area of the country, one CSV per area), listed on "QCEW Data Files"
  (https://www.bls.gov/cew/downloadable-data-files.htm):
  ``https://data.bls.gov/cew/data/files/{year}/csv/{year}_annual_by_area.zip`` and ``..._qtrly_by_area.zip``.
* **Open-data CSV slices** (one area, one period), documented on "QCEW Open Data Access: CSV Data Slices"
  (https://www.bls.gov/cew/additional-resources/open-data/csv-data-slices.htm):
  ``https://data.bls.gov/cew/data/api/{year}/{qtr}/area/{area}.csv`` with ``qtr`` 1..4 or ``a`` (annual).
  BLS keeps slices for recent years only (about five); older years come from the bulk zips.

A file is written to ``<name>.part`` and renamed into place only once it is complete and its content checked
(zip or QCEW CSV, never an HTML error page); an interrupted ``.part`` resumes with an HTTP ``Range`` request
(guarded by ``If-Range`` so a file BLS replaced in between is fetched afresh). A completed file is skipped.

Example::

    paths = fetch_qcew(2020, areas=["39049", "39041"], period="A", dest=Path("var/downloads/qcew"))
"""

from __future__ import annotations

import csv
import json
import os
import re
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from sectorhub.paths import home_dir, require_data

if TYPE_CHECKING:  # httpx is imported by the functions that download, so `sectorhub lmi` starts fast
    import httpx


def __getattr__(name: str):
    """``qcew_download.httpx`` still names the HTTP client module (imported on first use)."""
    if name == "httpx":
        import httpx

        return httpx
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


DEFAULT_BASE_URL = "https://data.bls.gov"
BASE_URL_ENV = "SECTORHUB_QCEW_BASE_URL"
USER_AGENT = "SectorHub QCEW downloader (+https://www.bls.gov/cew/downloadable-data-files.htm)"
MAX_DELAY = 60.0

# USPS state code -> state FIPS code, for the states and territories QCEW publishes.
STATE_FIPS = {
    "AL": "01", "AK": "02", "AZ": "04", "AR": "05", "CA": "06", "CO": "08", "CT": "09", "DE": "10", "DC": "11",
    "FL": "12", "GA": "13", "HI": "15", "ID": "16", "IL": "17", "IN": "18", "IA": "19", "KS": "20", "KY": "21",
    "LA": "22", "ME": "23", "MD": "24", "MA": "25", "MI": "26", "MN": "27", "MS": "28", "MO": "29", "MT": "30",
    "NE": "31", "NV": "32", "NH": "33", "NJ": "34", "NM": "35", "NY": "36", "NC": "37", "ND": "38", "OH": "39",
    "OK": "40", "OR": "41", "PA": "42", "RI": "44", "SC": "45", "SD": "46", "TN": "47", "TX": "48", "UT": "49",
    "VT": "50", "VA": "51", "WA": "53", "WV": "54", "WI": "55", "WY": "56", "PR": "72", "VI": "78",
}  # fmt: skip

AREA_CODE = re.compile(r"^[0-9A-Z]{5}$")


class QcewDownloadError(RuntimeError):
    """A QCEW file could not be downloaded; the message names each URL and why."""

    def __init__(self, message: str, *, failures: list[tuple[str, str]] | None = None, paths=None):
        super().__init__(message)
        self.failures = failures or []
        self.paths: list[Path] = list(paths or [])


class _Retryable(Exception):
    """A failure worth another try (5xx, 429, a short body)."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class DownloadTarget:
    """One file to fetch: its URL, the local file name and the content expected ("zip" or "csv")."""

    url: str
    filename: str
    kind: str


@dataclass(frozen=True)
class FetchProgress:
    """What a progress callback receives: file ``index`` of ``count``, bytes so far and the size if known."""

    name: str
    index: int
    count: int
    received: int
    total: int | None
    skipped: bool = False


ProgressCallback = Callable[[FetchProgress], None]


def default_base_url() -> str:
    """The server to download from: ``SECTORHUB_BLS_BASE_URL`` (or ``SECTORHUB_QCEW_BASE_URL``), default BLS."""
    from sectorhub.lmi.sources.publishers import base_url

    return base_url("bls")


def state_fips(state: str) -> str:
    """Two-digit FIPS code of a state given as a USPS code (``OH``) or FIPS code (``39``)."""
    code = state.strip().upper()
    if code.isdigit() and code.zfill(2) in STATE_FIPS.values():
        return code.zfill(2)
    if code in STATE_FIPS:
        return STATE_FIPS[code]
    raise ValueError(
        f"unknown state {state!r}: give a two-letter postal code (OH) or a 2-digit FIPS code (39)"
    )


def state_areas(state: str, titles: Path | None = None) -> list[str]:
    """The statewide area, every county and the "Unknown Or Undefined" area of a state, from BLS area titles.

    These are the areas BLS writes a county-level by-area file for (e.g. Ohio: 39000, 88 counties, 39999).
    The titles file is BLS's ``area_titles.csv`` (``data_dir()/reference/qcew_area_titles.csv``), whose codes
    may have lost their leading zeros, so they are padded back to 5 digits.
    """
    fips = state_fips(state)
    titles = titles or require_data("reference/qcew_area_titles.csv") / "reference" / "qcew_area_titles.csv"
    with titles.open(newline="", encoding="utf-8-sig") as fh:
        codes = [row["area_fips"].strip() for row in csv.DictReader(fh)]
    areas = set()
    for code in codes:
        if not code.isdigit():
            continue  # MSAs (C....), CSAs (CS...) and U.S. aggregates (US...)
        code = code.zfill(5)
        # 996-998 (overseas, multicounty, out-of-state) carry no published data in the by-area files.
        if code[:2] == fips and code[2:] not in ("996", "997", "998"):
            areas.add(code)
    if f"{fips}000" not in areas:
        raise ValueError(f"state {state!r}: no area {fips}000 in {titles}")
    return sorted(areas)


def normalize_area(area: str) -> str:
    """A QCEW area code as BLS writes it (5 characters; numeric codes zero-padded, letters upper-case)."""
    code = area.strip().upper()
    code = code.zfill(5) if code.isdigit() else code
    if not AREA_CODE.match(code):
        raise ValueError(f"bad QCEW area code {area!r}: expected 5 characters such as 39049, C1814 or US000")
    return code


def qcew_targets(
    year: int,
    *,
    areas: Iterable[str] | None = None,
    state: str | None = None,
    period: str = "A",
    base_url=None,
) -> list[DownloadTarget]:
    """The files to download: the bulk by-area zip, or one open-data slice per area and period.

    >>> [t.url for t in qcew_targets(2020, areas=["39049"], base_url="https://data.bls.gov")]
    ['https://data.bls.gov/cew/data/api/2020/a/area/39049.csv']
    """
    base = (base_url or default_base_url()).rstrip("/")
    period = period.strip().upper()
    if period not in ("A", "Q"):
        raise ValueError(f"period must be A (annual) or Q (quarterly), not {period!r}")
    if not 1975 <= int(year) <= 2100:
        raise ValueError(f"year {year} is outside QCEW's range (CSV files begin with 1975)")
    wanted = [normalize_area(a) for a in (areas or [])]
    if state:
        wanted += state_areas(state)
    if not wanted:
        name = f"{year}_{'annual' if period == 'A' else 'qtrly'}_by_area.zip"
        return [DownloadTarget(f"{base}/cew/data/files/{year}/csv/{name}", name, "zip")]
    quarters = ["a"] if period == "A" else ["1", "2", "3", "4"]
    unique = list(dict.fromkeys(wanted))
    return [
        DownloadTarget(
            f"{base}/cew/data/api/{year}/{q}/area/{area}.csv", f"qcew-{year}-{q}-{area}.csv", "csv"
        )
        for area in unique
        for q in quarters
    ]


def _check_content(path: Path, kind: str, url: str) -> None:
    """Refuse a file that is not the zip or QCEW CSV asked for (BLS error pages come back as HTML)."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if kind in ("xlsx", "archive"):
        if not zipfile.is_zipfile(path):
            raise QcewDownloadError(f"{url}: not a zip or xlsx file; starts with {head[:40]!r}")
        return
    if kind in ("text", "xls"):
        if head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
            raise QcewDownloadError(f"{url}: the server sent an HTML page, not the file")
        return
    if kind == "zip":
        try:
            with zipfile.ZipFile(path) as zf:
                names = zf.namelist()
        except zipfile.BadZipFile as exc:
            raise QcewDownloadError(f"{url}: not a zip file ({exc}); starts with {head[:40]!r}") from exc
        if not any(n.lower().endswith(".csv") for n in names):
            raise QcewDownloadError(f"{url}: the zip holds no CSV file")
        return
    text = head.decode("utf-8-sig", errors="replace").lstrip()
    first = text.split(",", 1)[0].strip().strip('"')
    if first != "area_fips":
        raise QcewDownloadError(
            f"{url}: not a QCEW CSV (expected a header starting area_fips); got {text[:60]!r}"
        )


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("Retry-After", "")
    return float(value) if value.strip().isdigit() else None


def _content_range(resp: httpx.Response) -> tuple[int | None, int | None]:
    """Start and total size from ``Content-Range: bytes a-b/total`` (or ``bytes */total``)."""
    match = re.match(r"bytes\s+(?:(\d+)-\d+|\*)/(\d+|\*)", resp.headers.get("Content-Range", ""))
    if not match:
        return None, None
    start, total = match.groups()
    return (int(start) if start else None), (int(total) if total != "*" else None)


def _http_error(url: str, resp: httpx.Response) -> QcewDownloadError:
    hint = {
        404: "BLS has no file at this address: check the year, period and area code "
        "(open-data slices cover only recent years; use the bulk zip for older ones)",
        403: "the server refused the request (BLS blocks some automated clients; try again later)",
    }.get(resp.status_code, "")
    return QcewDownloadError(
        f"{url}: HTTP {resp.status_code} {resp.reason_phrase}" + (f" - {hint}" if hint else "")
    )


def _attempt(client: httpx.Client, target: DownloadTarget, part: Path, meta: Path, report) -> bool:
    """One GET, appending to ``part`` from where it stops; True when ``part`` is known to be complete."""
    offset = part.stat().st_size if part.exists() else 0
    validator = json.loads(meta.read_text()).get("validator") if meta.exists() and offset else None
    # identity encoding: byte ranges must address the file's own bytes, not a gzip stream of them.
    headers = {"Accept-Encoding": "identity"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
        if validator:
            headers["If-Range"] = validator
    with client.stream("GET", target.url, headers=headers) as resp:
        code = resp.status_code
        if code == 416 and offset:
            if _content_range(resp)[1] == offset:
                return True  # the previous run got every byte but stopped before the rename
            part.unlink()
            raise _Retryable("server refused the resume range; starting again")
        if code >= 500 or code in (408, 429):
            raise _Retryable(f"HTTP {code} {resp.reason_phrase}", _retry_after(resp))
        if code not in (200, 206):
            raise _http_error(target.url, resp)
        if "text/html" in resp.headers.get("Content-Type", "").lower():
            raise QcewDownloadError(f"{target.url}: the server sent an HTML page, not {target.kind} data")
        if code == 206:
            start, total = _content_range(resp)
            if start != offset:
                part.unlink()
                raise _Retryable(f"server resumed at byte {start}, not {offset}; starting again")
            mode = "ab"
        else:  # 200: a full body (no resume, or the file changed since the .part was started)
            offset, mode = 0, "wb"
            length = resp.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            validator = resp.headers.get("ETag") or resp.headers.get("Last-Modified")
            meta.write_text(json.dumps({"url": target.url, "validator": validator}))
        received = offset
        with part.open(mode) as fh:
            for chunk in resp.iter_raw():
                fh.write(chunk)
                received += len(chunk)
                report(received, total)
            fh.flush()
            os.fsync(fh.fileno())
    if total is not None and received != total:
        raise _Retryable(f"got {received} of {total} bytes")
    return True


def download_file(
    client: httpx.Client,
    target: DownloadTarget,
    dest: Path,
    *,
    retries: int = 5,
    backoff: float = 1.0,
    force: bool = False,
    report: Callable[[int, int | None, bool], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Path:
    """Fetch one target into ``dest`` (resuming a ``.part``, retrying with backoff); return the final path."""
    import httpx

    final = dest / target.filename
    part = dest / (target.filename + ".part")
    meta = dest / (target.filename + ".part.json")
    report = report or (lambda received, total, skipped=False: None)
    if final.exists() and not force:
        size = final.stat().st_size
        report(size, size, True)
        return final
    if meta.exists() and json.loads(meta.read_text()).get("url") != target.url:
        part.unlink(missing_ok=True)  # a .part from another server is not the same file
    failures = 0
    while True:
        before = part.stat().st_size if part.exists() else 0
        try:
            _attempt(client, target, part, meta, lambda received, total: report(received, total, False))
            break
        except (httpx.TransportError, _Retryable) as exc:
            # A try that moved the file forward does not count against the budget.
            progressed = part.exists() and part.stat().st_size > before
            failures = 1 if progressed else failures + 1
            if failures > retries:
                raise QcewDownloadError(
                    f"{target.url}: gave up after {retries + 1} tries: {type(exc).__name__}: {exc}"
                ) from exc
            delay = getattr(exc, "retry_after", None) or backoff * 2 ** (failures - 1)
            sleep(min(delay, MAX_DELAY))
    try:
        _check_content(part, target.kind, target.url)
    except QcewDownloadError:
        part.unlink(missing_ok=True)
        meta.unlink(missing_ok=True)
        raise
    os.replace(part, final)
    meta.unlink(missing_ok=True)
    return final


def fetch_qcew(
    year: int,
    *,
    areas: Iterable[str] | None = None,
    state: str | None = None,
    period: str = "A",
    dest: Path | None = None,
    base_url: str | None = None,
    progress: ProgressCallback | None = None,
    retries: int = 5,
    backoff: float = 1.0,
    force: bool = False,
    timeout: float = 60.0,
) -> list[Path]:
    """Download QCEW for ``year`` into ``dest`` and return the files, in order.

    No ``areas``/``state``: the bulk by-area zip. ``areas`` (codes) or ``state`` (``OH`` or ``39``: statewide
    plus every county): open-data slices, one per area for ``period`` ``"A"`` or four for ``"Q"``. Every file
    is attempted; if any fail, a ``QcewDownloadError`` lists each failed URL (the others stay saved).

    Example: ``fetch_qcew(2020, state="OH", period="Q", dest=Path("downloads"))``.
    """
    targets = qcew_targets(year, areas=areas, state=state, period=period, base_url=base_url)
    dest = Path(dest) if dest else home_dir() / "downloads" / "qcew"
    dest.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    failures: list[tuple[str, str]] = []
    import httpx

    client_timeout = httpx.Timeout(timeout, connect=min(timeout, 15.0))
    with httpx.Client(
        timeout=client_timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    ) as client:
        for index, target in enumerate(targets, start=1):

            def report(received, total, skipped, name=target.filename, index=index):
                if progress:
                    progress(FetchProgress(name, index, len(targets), received, total, skipped))

            try:
                paths.append(
                    download_file(
                        client, target, dest, retries=retries, backoff=backoff, force=force, report=report
                    )
                )
            except QcewDownloadError as exc:
                failures.append((target.url, str(exc)))
    if failures:
        lines = "\n".join(f"  {message}" for _, message in failures)
        raise QcewDownloadError(
            f"{len(failures)} of {len(targets)} QCEW downloads failed:\n{lines}",
            failures=failures,
            paths=paths,
        )
    return paths


def _rich_callback(bar) -> ProgressCallback:
    """A progress callback that drives a Rich bar: one task for the file count, one for the current file."""
    files = bar.add_task("files", total=None)
    current = bar.add_task("", total=None)
    state = {"name": None}

    def callback(event: FetchProgress) -> None:
        if event.name != state["name"]:
            state["name"] = event.name
            bar.update(files, total=event.count, completed=event.index - 1, description=f"file {event.index}")
            bar.reset(current, total=event.total, description=event.name)
        bar.update(current, completed=event.received, total=event.total)
        if event.total is not None and event.received >= event.total:
            bar.update(files, completed=event.index)

    return callback


def register_fetch(lmi_app: typer.Typer) -> None:
    """Add ``fetch qcew`` to the ``sectorhub lmi`` command group."""
    fetch_app = typer.Typer(help="Download public source files from their publishers.", no_args_is_help=True)

    @fetch_app.command("qcew")
    def fetch_qcew_command(
        year: int = typer.Option(..., "--year", help="Data year, e.g. 2023."),
        areas: str | None = typer.Option(
            None, "--areas", help="Comma-separated area codes, e.g. 39049,39041."
        ),
        state: str | None = typer.Option(
            None, "--state", help="A state (OH or 39): statewide plus every county."
        ),
        period: str = typer.Option("A", "--period", help="A (annual averages) or Q (the four quarters)."),
        out: Path | None = typer.Option(
            None, "--out", help="Folder to save into (default: $SECTORHUB_HOME/downloads/qcew)."
        ),
        retries: int = typer.Option(5, "--retries", help="Retries per file on connection errors and 5xx."),
        force: bool = typer.Option(
            False, "--force", help="Download again even if a file is already complete."
        ),
    ) -> None:
        """Download BLS QCEW: the bulk by-area zip, or open-data slices for --areas or --state."""
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

        err = Console(stderr=True)
        if areas and state:
            err.print("Give --areas or --state, not both.")
            raise typer.Exit(2)
        area_list = [a for a in (areas or "").split(",") if a.strip()] or None
        try:
            targets = qcew_targets(year, areas=area_list, state=state, period=period)
        except ValueError as exc:
            err.print(f"Error: {exc}")
            raise typer.Exit(2) from exc
        columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn())
        try:
            with Progress(*columns, console=err, transient=True) as bar:
                paths = fetch_qcew(
                    year, areas=area_list, state=state, period=period, dest=out,
                    progress=_rich_callback(bar), retries=retries, force=force,
                )  # fmt: skip
        except QcewDownloadError as exc:
            for path in exc.paths:
                typer.echo(path)
            err.print(str(exc), markup=False, highlight=False)
            raise typer.Exit(1) from exc
        for path in paths:
            typer.echo(path)
        err.print(
            f"{len(paths)} of {len(targets)} files ready; load them with: sectorhub lmi load {paths[0].parent}"
        )

    lmi_app.add_typer(fetch_app, name="fetch")
