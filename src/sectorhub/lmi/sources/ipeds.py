"""IPEDS completions in NCES's ``C{year}_A`` layout: UNITID, CIPCODE, MAJORNUM, AWLEVEL, CTOTALT, ...

Users upload a file (CSV, optionally gzip or the NCES zip) or, with internet, download it from NCES. The parser
checks the header and every value it uses, and reports problems with the file, line and column. Rows with
``CIPCODE = 99`` are the institution's grand total and are dropped (keeping them would count every completer twice);
codes that are not 6-digit CIPs (2- and 4-digit family summaries) are dropped for the same reason.

Example::

    >>> from sectorhub.lmi.sources import ipeds
    >>> ipeds.read_completions("c2023_a.csv").head()   # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import os
import re
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import httpx
import pandas as pd

SOURCE = "NCES Integrated Postsecondary Education Data System (IPEDS), Completions"
REQUIRED_COLUMNS = ("UNITID", "CIPCODE", "MAJORNUM", "AWLEVEL", "CTOTALT")
# NCES's documented data-center address of the completions-by-CIP file for a year (the zip holds c{year}_a.csv).
COMPLETIONS_URL = "https://nces.ed.gov/ipeds/datacenter/data/C{year}_A.zip"
GRAND_TOTAL_CIP = "99"
# IPEDS award levels (AWLEVEL) from the NCES data dictionary of C_A.
AWARD_LEVELS = {
    1: "Award of less than 1 academic year",
    2: "Award of at least 1 but less than 2 academic years",
    3: "Associate's degree",
    4: "Award of at least 2 but less than 4 academic years",
    5: "Bachelor's degree",
    6: "Postbaccalaureate certificate",
    7: "Master's degree",
    8: "Post-master's certificate",
    17: "Doctor's degree - research/scholarship",
    18: "Doctor's degree - professional practice",
    19: "Doctor's degree - other",
    20: "Certificate of less than 12 weeks",
    21: "Certificate of at least 12 weeks but less than 1 year",
}


class IpedsFormatError(ValueError):
    """An IPEDS completions file that is not in the documented layout; says which file, line and column."""

    def __init__(self, path: str, line: int, column: str | None, message: str):
        self.path, self.line, self.column = path, line, column
        where = f"{path}: line {line}" + (f", column {column}" if column else "")
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Completions:
    """Parsed completions: one row per institution, CIP, major number and award level, plus what was dropped."""

    table: pd.DataFrame  # unitid, cip_code, majornum, awlevel, completers
    path: str
    rows_read: int
    total_rows_dropped: int  # CIPCODE 99 and 2/4-digit summary rows


def _open_text(path: Path) -> io.TextIOBase:
    try:
        return _decoded(path)
    except IpedsFormatError:
        raise
    except (
        OSError,
        EOFError,
        zlib.error,
        zipfile.BadZipFile,
        NotImplementedError,
        RuntimeError,
        ValueError,
    ) as exc:
        # ValueError: zipfile's "negative seek value" for a damaged central directory.
        # NotImplementedError and RuntimeError: a zip with an unsupported method or an encrypted member.
        raise IpedsFormatError(
            str(path), 1, None, f"damaged gzip or zip file ({type(exc).__name__}: {exc})"
        ) from None


def _decoded(path: Path) -> io.TextIOBase:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    elif data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = [n for n in zf.namelist() if n.lower().endswith(".csv")]
            # NCES zips may also hold a revised file (c2022_a_rv.csv); prefer the revised one when present.
            names.sort(key=lambda n: ("_rv" not in n.lower(), n))
            if not names:
                raise IpedsFormatError(str(path), 1, None, "zip archive holds no .csv file")
            data = zf.read(names[0])
    # NCES CSVs are plain ASCII in practice; utf-8-sig also removes a byte-order mark, latin-1 is the fallback.
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return io.StringIO(text, newline="")


def _int(value: str, path: str, line: int, column: str) -> int:
    text = value.strip()
    if not re.fullmatch(r"-?\d+", text):
        raise IpedsFormatError(path, line, column, f"expected a whole number, found {value!r}")
    return int(text)


def read_completions(path: str | Path, *, majors: tuple[int, ...] = (1,)) -> Completions:
    """Parse a completions file; keeps first majors by default (MAJORNUM 1) so no completer is counted twice."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise IpedsFormatError(name, 0, None, "file not found")
    reader = csv.reader(_open_text(path))
    header = next(reader, None)
    if not header:
        raise IpedsFormatError(
            name, 1, None, "empty file: expected a header row " + ", ".join(REQUIRED_COLUMNS)
        )
    columns = [h.strip().upper() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise IpedsFormatError(
            name,
            1,
            ", ".join(missing),
            f"header lacks required column(s) {', '.join(missing)}; expected the IPEDS completions layout "
            f"({', '.join(REQUIRED_COLUMNS)}, ...), found {', '.join(header[:8])}{' ...' if len(header) > 8 else ''}",
        )
    index = {c: columns.index(c) for c in REQUIRED_COLUMNS}
    records = []
    rows_read = dropped = 0
    for line, row in enumerate(reader, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        rows_read += 1
        if len(row) < len(columns):
            raise IpedsFormatError(name, line, None, f"expected {len(columns)} fields, found {len(row)}")
        cip = row[index["CIPCODE"]].strip().strip('"')
        if cip.startswith('="'):
            cip = cip[2:].rstrip('"')
        if cip == GRAND_TOTAL_CIP or re.fullmatch(r"\d{2}(\.\d{2})?", cip):
            dropped += 1
            continue
        if re.fullmatch(r"\d\.\d{4}", cip):
            cip = "0" + cip
        if not re.fullmatch(r"\d{2}\.\d{4}", cip):
            raise IpedsFormatError(name, line, "CIPCODE", f"expected a CIP code like 51.3801, found {cip!r}")
        unitid = _int(row[index["UNITID"]], name, line, "UNITID")
        majornum = _int(row[index["MAJORNUM"]], name, line, "MAJORNUM")
        awlevel = _int(row[index["AWLEVEL"]], name, line, "AWLEVEL")
        completers = _int(row[index["CTOTALT"]], name, line, "CTOTALT")
        if completers < 0:
            raise IpedsFormatError(name, line, "CTOTALT", f"negative completers {completers}")
        if majornum not in (1, 2):
            raise IpedsFormatError(name, line, "MAJORNUM", f"expected 1 or 2, found {majornum}")
        if awlevel not in AWARD_LEVELS:
            raise IpedsFormatError(name, line, "AWLEVEL", f"unknown award level {awlevel}")
        if majornum in majors:
            records.append((unitid, cip, majornum, awlevel, completers))
    table = pd.DataFrame(records, columns=["unitid", "cip_code", "majornum", "awlevel", "completers"])
    return Completions(table=table, path=name, rows_read=rows_read, total_rows_dropped=dropped)


def completions_url(year: int) -> str:
    """NCES's address of the completions-by-CIP file for an academic year's end (e.g. 2023 -> C2023_A.zip)."""
    if not 2000 <= int(year) <= 2100:
        raise ValueError(f"implausible IPEDS year {year!r}")
    return COMPLETIONS_URL.format(year=int(year))


def download_completions(
    year: int,
    dest_dir: str | Path,
    *,
    retries: int = 3,
    backoff: float = 2.0,
    client: httpx.Client | None = None,
    timeout: float = 60.0,
) -> Path:
    """Download ``C{year}_A.zip`` from NCES into dest_dir, retrying transient failures; returns the file's path.

    Retries on network errors and HTTP 429/5xx, waiting backoff, 2 x backoff, 4 x backoff ... seconds; a 404
    fails at once (no such year).
    The file is written atomically (temporary name, then rename) and checked to be a zip archive.
    """
    url = completions_url(year)
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / f"C{int(year)}_A.zip"
    own_client = client is None
    client = client or httpx.Client(timeout=timeout, follow_redirects=True)
    last_error: Exception | None = None
    try:
        for attempt in range(retries + 1):
            if attempt:
                time.sleep(backoff * 2 ** (attempt - 1))
            try:
                response = client.get(url)
            except httpx.TransportError as exc:
                last_error = exc
                continue
            if response.status_code == 404:
                raise FileNotFoundError(f"{url}: 404 Not Found (NCES has no completions file for {year})")
            if response.status_code == 429 or response.status_code >= 500:
                last_error = httpx.HTTPStatusError(
                    f"{url}: HTTP {response.status_code}", request=response.request, response=response
                )
                continue
            response.raise_for_status()
            if not response.content.startswith(b"PK\x03\x04"):
                raise IpedsFormatError(url, 0, None, "the download is not a zip archive")
            fd, tmp = tempfile.mkstemp(prefix=target.name, suffix=".part", dir=dest_dir)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(response.content)
                os.replace(tmp, target)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            return target
    finally:
        if own_client:
            client.close()
    raise ConnectionError(f"{url}: failed after {retries + 1} attempts: {last_error}")
