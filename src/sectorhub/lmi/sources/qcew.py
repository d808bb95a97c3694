"""Readers for every QCEW CSV layout that BLS publishes.

BLS writes QCEW as annual or quarterly CSVs, "by area", "by industry" and "single file" (zipped or not), and as
open-data slices. They differ only in which columns they carry and how some are spelled:

* annual vs quarterly measures (``annual_avg_emplvl`` vs ``month1_emplvl``..``month3_emplvl``),
* ``*_estabs`` vs ``*_estabs_count`` (older layout page and the by-area files),
* the five ``*_title`` columns (absent from single files and open-data slices),
* the ``lq_*`` and ``oty_*`` blocks (absent from some derived files).

This module maps each header onto one canonical set of columns, names the layout, and builds the DuckDB
``read_csv`` call that parses a file with explicit types. Sources: BLS "QCEW Field Layouts for NAICS-Based,
Annual CSV Files" (https://data.bls.gov/cew/doc/layouts/csv_annual_layout.htm) and the quarterly layout
(https://data.bls.gov/cew/doc/layouts/csv_quarterly_layout.htm).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

# What reading a damaged file raises: a broken gzip stream, bytes that are not UTF-8, a csv dialect error.
UNREADABLE = (OSError, EOFError, UnicodeDecodeError, zlib.error, csv.Error)

KEY_COLUMNS = ("area_fips", "own_code", "industry_code", "agglvl_code", "size_code", "year", "qtr")
CODE_COLUMNS = (*KEY_COLUMNS, "disclosure_code")
TITLE_COLUMNS = ("area_title", "own_title", "industry_title", "agglvl_title", "size_title")

# Publisher spelling -> canonical measure name, for each period type.
QUARTERLY_MEASURES = {
    "qtrly_estabs_count": "estabs",
    "qtrly_estabs": "estabs",
    "month1_emplvl": "emp_m1",
    "month2_emplvl": "emp_m2",
    "month3_emplvl": "emp_m3",
    "total_qtrly_wages": "total_wages",
    "taxable_qtrly_wages": "taxable_wages",
    "qtrly_contributions": "contributions",
    "avg_wkly_wage": "avg_wkly_wage",
}
ANNUAL_MEASURES = {
    "annual_avg_estabs": "estabs",
    "annual_avg_estabs_count": "estabs",
    "annual_avg_emplvl": "emplvl",
    "total_annual_wages": "total_wages",
    "taxable_annual_wages": "taxable_wages",
    "annual_contributions": "contributions",
    "annual_avg_wkly_wage": "avg_wkly_wage",
    "avg_annual_pay": "avg_annual_pay",
}

# The canonical measures every stored row has (NULL where the period type lacks one).
MEASURES = (
    "estabs",
    "emp_m1",
    "emp_m2",
    "emp_m3",
    "emplvl",
    "total_wages",
    "taxable_wages",
    "contributions",
    "avg_wkly_wage",
    "avg_annual_pay",
)

# BLS's own column names for export, in BLS order, per period type (canonical name alongside).
QUARTERLY_EXPORT = (
    ("qtrly_estabs", "estabs"),
    ("month1_emplvl", "emp_m1"),
    ("month2_emplvl", "emp_m2"),
    ("month3_emplvl", "emp_m3"),
    ("total_qtrly_wages", "total_wages"),
    ("taxable_qtrly_wages", "taxable_wages"),
    ("qtrly_contributions", "contributions"),
    ("avg_wkly_wage", "avg_wkly_wage"),
)
ANNUAL_EXPORT = (
    ("annual_avg_estabs", "estabs"),
    ("annual_avg_emplvl", "emplvl"),
    ("total_annual_wages", "total_wages"),
    ("taxable_annual_wages", "taxable_wages"),
    ("annual_contributions", "contributions"),
    ("annual_avg_wkly_wage", "avg_wkly_wage"),
    ("avg_annual_pay", "avg_annual_pay"),
)

AREA_CODE = re.compile(r"^(\d{5}|C\d{4}|CS\d{3}|US\d{3}|US[A-Z]{3})$")


class QCEWFormatError(ValueError):
    """A QCEW file that does not follow a BLS layout, with the file, line and column at fault."""

    def __init__(self, path: str | Path, line: int | None, column: str | int | None, message: str):
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message
        where = self.path
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column {column}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Layout:
    """One QCEW CSV layout, as recognised from a header row."""

    name: str  # e.g. "quarterly by_area", "annual singlefile"
    period: str  # "quarterly" or "annual"
    columns: tuple[str, ...]  # the file's columns, in order
    rename: dict[str, str]  # file column -> canonical column (measures, pub_lq_*, pub_oty_*)
    has_titles: bool
    has_lq: bool
    has_oty: bool


def _canonical(measure_map: dict[str, str], name: str) -> str | None:
    """Canonical name of a measure, an ``lq_`` measure or an ``oty_`` change column; None if unknown."""
    if name in measure_map:
        return measure_map[name]
    if name == "lq_disclosure_code":
        return "pub_lq_disclosure_code"
    if name == "oty_disclosure_code":
        return "pub_oty_disclosure_code"
    if name.startswith("lq_") and name[3:] in measure_map:
        return "pub_lq_" + measure_map[name[3:]]
    if name.startswith("oty_"):
        for suffix in ("_pct_chg", "_chg"):
            if name.endswith(suffix) and name[4 : -len(suffix)] in measure_map:
                return f"pub_oty_{measure_map[name[4 : -len(suffix)]]}{suffix}"
    return None


def _is_lq_interval(measure_map: dict[str, str], name: str) -> bool:
    """``lq_<measure>_low`` / ``lq_<measure>_high``: the columns ``sectorhub lmi export`` adds after BLS's."""
    for suffix in ("_low", "_high"):
        if name.startswith("lq_") and name.endswith(suffix) and name[3 : -len(suffix)] in measure_map:
            return True
    return False


def detect_layout(path: str | Path, header: list[str]) -> Layout:
    """Recognise the layout of a QCEW header row, or raise QCEWFormatError naming the first bad column."""
    header = [h.strip().strip('"').strip("\ufeff") for h in header]
    for i, required in enumerate(CODE_COLUMNS):
        if i >= len(header) or header[i] != required:
            found = header[i] if i < len(header) else "(nothing)"
            raise QCEWFormatError(
                path, 1, i + 1, f"expected QCEW column {required!r}, found {found!r}: not a BLS QCEW layout"
            )
    rest = header[len(CODE_COLUMNS) :]
    has_titles = bool(rest) and rest[0] == "area_title"
    if has_titles:
        if tuple(rest[: len(TITLE_COLUMNS)]) != TITLE_COLUMNS:
            raise QCEWFormatError(path, 1, len(CODE_COLUMNS) + 1, "incomplete title columns")
        rest = rest[len(TITLE_COLUMNS) :]
    if not rest:
        raise QCEWFormatError(path, 1, len(header) + 1, "no measure columns")
    first = rest[0]
    if first in QUARTERLY_MEASURES:
        period, measure_map = "quarterly", QUARTERLY_MEASURES
    elif first in ANNUAL_MEASURES:
        period, measure_map = "annual", ANNUAL_MEASURES
    else:
        raise QCEWFormatError(
            path, 1, header.index(first) + 1, f"unknown measure column {first!r}: not a BLS QCEW layout"
        )
    rename: dict[str, str] = {}
    for col in rest:
        if _is_lq_interval(measure_map, col):
            continue  # SectorHub's own export: the interval of an LQ it could not pin; recomputed, not read
        canon = _canonical(measure_map, col)
        if canon is None:
            raise QCEWFormatError(
                path, 1, header.index(col) + 1, f"unknown column {col!r} in a {period} layout"
            )
        if canon in rename.values():
            raise QCEWFormatError(path, 1, header.index(col) + 1, f"column {col!r} repeats {canon!r}")
        rename[col] = canon
    required = {"estabs", "total_wages", "avg_wkly_wage"} | (
        {"emp_m1", "emp_m2", "emp_m3"} if period == "quarterly" else {"emplvl"}
    )
    missing = required - set(rename.values())
    if missing:
        raise QCEWFormatError(path, 1, None, f"missing measure columns: {', '.join(sorted(missing))}")
    has_lq = any(c.startswith("pub_lq_") for c in rename.values())
    has_oty = any(c.startswith("pub_oty_") for c in rename.values())
    kind = "by_area/by_industry" if has_titles else "singlefile/open-data"
    return Layout(
        name=f"{period} {kind}" + ("" if has_lq or has_oty else " (no lq/oty)"),
        period=period,
        columns=tuple(header),
        rename=rename,
        has_titles=has_titles,
        has_lq=has_lq,
        has_oty=has_oty,
    )


def open_text(path: Path) -> io.TextIOBase:
    """Open a plain or gzip-compressed CSV file as text."""
    with open(path, "rb") as fh:
        magic = fh.read(2)
    if magic == b"\x1f\x8b":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")


def read_header(path: Path) -> list[str]:
    """The first row of a CSV file, or a QCEWFormatError if the file is empty or unreadable."""
    try:
        with open_text(path) as fh:
            row = next(csv.reader(fh), None)
    except UNREADABLE as exc:
        raise QCEWFormatError(path, 1, None, f"cannot read the header: {exc}") from exc
    if not row:
        raise QCEWFormatError(path, 1, None, "empty file")
    return row


def count_readable_lines(path: Path) -> int:
    """How many complete lines can be read before a gzip stream breaks (for error messages)."""
    n = 0
    try:
        with open_text(path) as fh:
            for _ in fh:
                n += 1
    except UNREADABLE:
        pass
    return n


def find_line(path: Path, column: int, matches) -> int | None:
    """The line number (header = 1) of the first data row whose field ``column`` satisfies ``matches``."""
    with open_text(path) as fh:
        for n, row in enumerate(csv.reader(fh), start=1):
            if n > 1 and column < len(row) and matches(row[column]):
                return n
    return None


def find_short_row(path: Path, width: int) -> tuple[int, int] | None:
    """(line, fields) of the first data row with fewer than ``width`` fields (a blank line counts as none)."""
    with open_text(path) as fh:
        for n, row in enumerate(csv.reader(fh), start=1):
            if n > 1 and len(row) < width:
                return n, len(row)
    return None


def normalize_area_code(code: str) -> str:
    """Restore the leading zero that spreadsheet exports strip from numeric area codes (``1000`` -> ``01000``)."""
    code = code.strip()
    return code.zfill(5) if code.isdigit() and len(code) < 5 else code
