"""Set up the public data folder from the publishers: ``sectorhub data fetch`` downloads, checks and converts.

Every source the demo and the engine read is listed in ``plan()`` with its publisher (the base URL comes from
``publishers.base_url``), the path that publisher documents, the content expected, the converter that writes the
loaders' layout (``convert.py``) and, where the publisher states one, its SHA-256. For each source:

1. The download goes to ``<folder>/downloads/<publisher>/<file>``; a cut-off download resumes with an HTTP Range
   request and its size is checked against the server's length (``qcew_download.download_file``).
2. Its SHA-256 is checked against the one the publisher states, or else the one recorded the first time it was
   downloaded. A file kept from an earlier run that no longer matches is refused, deleted and fetched again.
3. The converter writes the loaders' files; their hashes are recorded too, and a damaged one is written again.
4. ``<folder>/fetch-manifest.json`` records, per source, the URL, the date, the size and SHA-256 of the download
   and of every file written from it. It is rewritten after each source, so an interrupted run keeps its work.

Example::

    result = fetch_data(Path("data"), state="OH", year=2016)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import httpx

from sectorhub.lmi.sources import convert
from sectorhub.lmi.sources.publishers import base_url
from sectorhub.lmi.sources.qcew_download import (
    USER_AGENT,
    DownloadTarget,
    FetchProgress,
    QcewDownloadError,
    download_file,
    state_fips,
)

MANIFEST = "fetch-manifest.json"
DOWNLOADS = "downloads"
DEFAULT_STATE = "OH"
DEFAULT_YEAR = 2016
DEFAULT_IPEDS_YEAR = 2023
# The demo's Central Ohio open-data slices (Franklin and Delaware counties, 2020 annual and quarters).
DEMO_SLICES = (2020, ("39049", "39041"), ("a", "1", "2", "3", "4"))
# SHA-256 of CIP2020_SOC2018_Crosswalk.xlsx as NCES publishes it (the same object is found in other copies).
CIP_SOC_XLSX_SHA256 = "ba3d59a191b9d977a5c457a66b9348c4f2f7963aafacf72c0b80113b46bf0ab8"

# Files the demo load and the engine read; `sectorhub data check` and `make run` test for these.
REQUIRED = (
    "reference/qcew_area_titles.csv",
    "reference/qcew_industry_titles.csv",
    "reference/cbsa2fipsxw_2015.csv.gz",
    "qcew/2016.q1-q4.by_area",
    "onet/db_29_0/Occupation Data.txt.gz",
    "crosswalks/CIP2020_SOC2018_Crosswalk.csv",
)


class FetchError(RuntimeError):
    """A source could not be fetched, or what was fetched is not what the publisher serves."""


@dataclass(frozen=True)
class Source:
    """One file to download: where from, what it must be, and how it becomes the loaders' files."""

    key: str
    publisher: str
    path: str  # below the publisher's base URL
    kind: str  # content check of qcew_download: zip, archive, xlsx, xls, csv, text
    convert: Callable[[Path, Path], list[str]]
    sha256: str | None = None  # as the publisher states it
    name: str | None = None  # the download's file name, where the URL's last part is not unique (slices)

    @property
    def filename(self) -> str:
        return self.name or self.path.rsplit("/", 1)[-1]

    def url(self) -> str:
        return f"{base_url(self.publisher)}{self.path}"


@dataclass
class FetchResult:
    """What a fetch did: sources downloaded, kept (already there and checked), refused and fetched again."""

    folder: Path
    downloaded: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    refetched: list[str] = field(default_factory=list)
    rewritten: list[str] = field(default_factory=list)
    files: int = 0


def plan(state: str = DEFAULT_STATE, year: int = DEFAULT_YEAR, ipeds_year: int | None = None) -> list[Source]:
    """Every source for a state and QCEW year, in download order; IPEDS completions only when a year is given.

    >>> [s.key for s in plan()][:2]
    ['qcew-area-titles', 'qcew-industry-titles']
    """
    fips = state_fips(state)
    code = next((k for k, v in _state_codes().items() if v == fips), state.upper())
    ref = partial(_to, convert.copy_file)
    sources = [
        Source("qcew-area-titles", "bls", "/cew/doc/titles/area/area_titles.csv", "text",
               ref("reference/qcew_area_titles.csv")),
        Source("qcew-industry-titles", "bls", "/cew/doc/titles/industry/industry_titles.csv", "text",
               ref("reference/qcew_industry_titles.csv")),
        Source("qcew-ownership-titles", "bls", "/cew/doc/titles/ownership/ownership_titles.csv", "text",
               ref("reference/qcew_ownership_titles.csv")),
        Source("qcew-agglevel-titles", "bls", "/cew/doc/titles/agglevel/agglevel_titles.csv", "text",
               ref("reference/qcew_agglvl_titles.csv")),
        Source("qcew-size-titles", "bls", "/cew/doc/titles/size/size_titles.csv", "text",
               ref("reference/qcew_size_titles.csv")),
        Source(f"qcew-{year}-qtrly-by-area", "bls", f"/cew/data/files/{year}/csv/{year}_qtrly_by_area.zip", "zip",
               partial(_to(convert.qcew_by_area, f"qcew/{year}.q1-q4.by_area"), state_fips=fips, state_code=code)),
    ]  # fmt: skip
    if fips == "39":
        slice_year, areas, periods = DEMO_SLICES
        for area in areas:
            for q in periods:
                name = f"qcew-{slice_year}-{q}-{area}.csv"
                sources.append(
                    Source(f"qcew-{slice_year}-{q}-{area}", "bls", f"/cew/data/api/{slice_year}/{q}/area/{area}.csv",
                           "csv", partial(_to(convert.gzip_copy, f"qcew/{slice_year}.open_data_slices/{name}.gz")),
                           name=name)
                )  # fmt: skip
    sources += [
        Source("onet-29-0-text", "onet", "/dl_files/database/db_29_0_text.zip", "archive",
               _to(convert.onet_text, "onet/db_29_0")),
        Source("cip2020-soc2018-crosswalk", "nces", "/ipeds/cipcode/Files/CIP2020_SOC2018_Crosswalk.xlsx", "xlsx",
               _to(convert.cip_soc_sheet, "crosswalks"), CIP_SOC_XLSX_SHA256),
        Source("cip2020-codes", "nces", "/ipeds/cipcode/Files/CIPCode2020.csv", "text",
               ref("crosswalks/CIPCode2020.csv")),
        Source("omb-delineation-2015", "census",
               "/programs-surveys/metro-micro/geographies/reference-files/2015/delineation-files/list1.xls", "xls",
               _to(convert.cbsa_delineation, "reference/cbsa2fipsxw_2015.csv.gz")),
    ]  # fmt: skip
    if ipeds_year:
        sources.append(
            Source(f"ipeds-c{ipeds_year}-a", "nces", f"/ipeds/datacenter/data/C{ipeds_year}_A.zip", "archive",
                   ref(f"ipeds/C{ipeds_year}_A.zip"))
        )  # fmt: skip
    return sources


def _to(func, target: str):
    """A converter bound to its target (a path or folder relative to the data folder)."""
    return lambda download, dest, **kw: func(download, dest, target, **kw)


def _state_codes() -> dict[str, str]:
    from sectorhub.lmi.sources.qcew_download import STATE_FIPS

    return STATE_FIPS


def sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(folder: Path) -> dict:
    """The fetch manifest of a data folder (``{"sources": {key: {...}}}``), empty if there is none."""
    path = folder / MANIFEST
    if not path.exists():
        return {"sources": {}}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise FetchError(f"{path}: not valid JSON ({exc}); delete it to fetch every file again") from exc


def _write_manifest(folder: Path, manifest: dict) -> None:
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)


def _matches(path: Path, record: dict | None) -> bool:
    return (
        bool(record)
        and path.exists()
        and path.stat().st_size == record["size"]
        and sha256(path) == record["sha256"]
    )


def fetch_data(
    folder: Path,
    *,
    state: str = DEFAULT_STATE,
    year: int = DEFAULT_YEAR,
    ipeds_year: int | None = None,
    progress: Callable[[FetchProgress], None] | None = None,
    force: bool = False,
    retries: int = 5,
    backoff: float = 1.0,
    timeout: float = 60.0,
    only: set[str] | None = None,
) -> FetchResult:
    """Download, check and convert every source of ``plan()`` into ``folder``; see the module docstring.

    ``force`` downloads everything again and accepts new checksums (a publisher's revised file); ``only`` limits
    the run to some source keys (e.g. ``{"onet-29-0-text"}``) to refresh one source.
    Raises FetchError naming the URL on the first source that cannot be fetched (the manifest keeps the others).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(folder)
    records = manifest.setdefault("sources", {})
    sources = [s for s in plan(state, year, ipeds_year) if only is None or s.key in only]
    result = FetchResult(folder)
    client = httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT},
    )
    with client:
        for index, source in enumerate(sources, start=1):
            report = _reporter(progress, source.filename, index, len(sources))
            converting = _reporter(progress, f"converting {source.filename}", index, len(sources))
            record = None if force else records.get(source.key)
            entry = _fetch_one(
                client, source, folder, record, (report, converting), result, force, retries, backoff
            )
            records[source.key] = entry
            _write_manifest(folder, manifest)
            result.files += len(entry["outputs"])
    return result


def _reporter(progress, name: str, index: int, count: int):
    def report(received: int, total: int | None, skipped: bool = False) -> None:
        if progress:
            progress(FetchProgress(name, index, count, received, total, skipped))

    return report


def _fetch_one(
    client, source: Source, folder: Path, record, reports, result, force, retries, backoff
) -> dict:
    report, converting = reports
    url = source.url()
    raw_dir = folder / DOWNLOADS / source.publisher
    raw_dir.mkdir(parents=True, exist_ok=True)
    raw = raw_dir / source.filename
    if record and record.get("url") != url:
        record = (
            None  # another server (a mirror): its copy is checked afresh against the publisher's checksum
        )
    expected = source.sha256 or (record or {}).get("sha256")
    kept = raw.exists() and not force and record is not None and _matches(raw, record)
    if raw.exists() and not kept:
        if record is not None:
            result.refetched.append(source.key)  # damaged or changed since it was recorded: refuse it
        raw.unlink()
    if not kept:
        target = DownloadTarget(url, source.filename, source.kind)
        try:
            download_file(
                client, target, raw_dir, retries=retries, backoff=backoff, force=force, report=report
            )
        except QcewDownloadError as exc:
            raise FetchError(str(exc)) from exc
    else:
        report(raw.stat().st_size, raw.stat().st_size, True)
    digest, size = sha256(raw), raw.stat().st_size
    if expected and digest != expected:
        raw.unlink()
        origin = "the publisher's" if source.sha256 else "the one recorded at the first download"
        raise FetchError(
            f"{url}: SHA-256 {digest} does not match {origin} ({expected}); the file was deleted. "
            "If the publisher has revised it, run `sectorhub data fetch --force` to accept the new file."
        )
    outputs = (record or {}).get("outputs", {}) if kept else {}
    if not kept or not all(_matches(folder / rel, rec) for rel, rec in outputs.items()) or not outputs:
        if kept:
            result.rewritten.append(source.key)
        converting(0, None)  # the by-area zip takes a while: the bar says what is happening
        try:
            written = source.convert(raw, folder)
        except convert.ConvertError as exc:
            raise FetchError(f"{url}: {exc}") from exc
        outputs = {
            rel: {"sha256": sha256(folder / rel), "size": (folder / rel).stat().st_size} for rel in written
        }
    (result.kept if kept else result.downloaded).append(source.key)
    return {
        "url": url,
        "publisher": source.publisher,
        "fetched": (record or {}).get("fetched")
        if kept
        else dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "sha256": digest,
        "size": size,
        "outputs": outputs,
    }


def unreachable(
    state: str = DEFAULT_STATE, year: int = DEFAULT_YEAR, ipeds_year: int | None = None
) -> list[str]:
    """The publishers' base URLs that do not answer at all (no connection within 10 s); empty when online.

    Any HTTP answer, even an error status, counts as reachable: only the network is being tested here.
    """
    bases = list(dict.fromkeys(base_url(s.publisher) for s in plan(state, year, ipeds_year)))
    down = []
    with httpx.Client(timeout=10.0, headers={"User-Agent": USER_AGENT}) as client:
        for base in bases:
            try:
                client.head(base + "/")
            except httpx.TransportError:
                down.append(base)
    return down


def missing_files(folder: Path) -> list[str]:
    """The files of ``REQUIRED`` that ``folder`` lacks (relative paths)."""
    return [rel for rel in REQUIRED if not (Path(folder) / rel).exists()]
