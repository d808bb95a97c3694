"""The store's schema and row types: the canonical QCEW row, the catalog and ledger tables, and what a load returns.

One list (:data:`COLUMNS`) defines the view ``qcew``, the Parquet parts and the Polars casts (in
``sources/qcew_rows.py``, so that a query never imports Polars); the view turns every value BLS withholds into
NULL (:func:`view_columns`). See docs/adr/0003-parquet-parts.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sectorhub.lmi.sources import qcew

if TYPE_CHECKING:  # Polars loads with the parser (sources/qcew_rows.py): a query never needs it
    import polars as pl

PUB_MEASURES = qcew.MEASURES
# The publisher's over-the-year changes the engine uses (to reach back a year when the earlier year is not
# loaded); the other published oty_* columns are recomputed by SectorHub (``lmi export``) and are not stored.
PUB_OTY = ("emp_m1", "emp_m2", "emp_m3", "emplvl")

# The canonical row: (column, DuckDB type). One list defines the view, the Parquet parts and the Polars casts.
COLUMNS: tuple[tuple[str, str], ...] = (
    *((c, "VARCHAR") for c in ("area_fips", "own_code", "industry_code", "agglvl_code", "size_code")),
    ("year", "INTEGER"),
    ("qtr", "VARCHAR"),
    ("disclosure_code", "VARCHAR"),
    *((m, "DOUBLE" if m == "emplvl" else "BIGINT") for m in PUB_MEASURES),
    ("pub_lq_disclosure_code", "VARCHAR"),
    *((f"pub_lq_{m}", "DOUBLE") for m in PUB_MEASURES),
    ("pub_oty_disclosure_code", "VARCHAR"),
    *((f"pub_oty_{m}_chg", "DOUBLE") for m in PUB_OTY),
    ("file_id", "INTEGER"),
)

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS qcew_empty ({", ".join(f"{c} {t}" for c, t in COLUMNS)});
CREATE TABLE IF NOT EXISTS qcew_parts (
    part VARCHAR PRIMARY KEY, rows BIGINT NOT NULL, years INTEGER[] NOT NULL, areas VARCHAR[] NOT NULL
);
CREATE TABLE IF NOT EXISTS ledger (
    file_id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL UNIQUE, rows BIGINT NOT NULL,
    layout VARCHAR NOT NULL, years VARCHAR, periods VARCHAR, areas INTEGER, replaced_rows BIGINT,
    loaded_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS area_titles (area_fips VARCHAR PRIMARY KEY, area_title VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS industry_titles (industry_code VARCHAR PRIMARY KEY, industry_title VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS ownership_titles (own_code VARCHAR PRIMARY KEY, own_title VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS agglvl_titles (agglvl_code VARCHAR PRIMARY KEY, agglvl_title VARCHAR NOT NULL);
"""

# Measures BLS withholds when a cell is not disclosed; establishment counts stay published.
SUPPRESSIBLE = tuple(m for m in PUB_MEASURES if m != "estabs")


def view_columns() -> str:
    """The view's columns: a value withheld by BLS (disclosure code N or -) is NULL, never the published 0."""
    out = []
    for col, _ in COLUMNS:
        gate = None
        if col in SUPPRESSIBLE:
            gate = "disclosure_code"
        elif col.startswith(("pub_lq_", "pub_oty_")) and not col.endswith(("disclosure_code", "_estabs")):
            gate = "pub_lq_disclosure_code" if col.startswith("pub_lq_") else "pub_oty_disclosure_code"
        out.append(f"CASE WHEN {gate} IN ('N', '-') THEN NULL ELSE {col} END AS {col}" if gate else col)
    return ", ".join(out)


VIEW_COLUMNS = view_columns()


# The ledger's column types, for inserting a batch's rows in one statement.
LEDGER_TYPES = (
    "INTEGER", "VARCHAR", "VARCHAR", "BIGINT", "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "BIGINT", "TIMESTAMPTZ",
)  # fmt: skip


# The U.S. and statewide area codes (``US000``, ``[0-9]{2}000``) as constants: a filter DuckDB pushes into the
# Parquet scan. A regular expression in the same place made the refresh decode every column of the national store.
REFERENCE_AREAS = ("US000", *(f"{i:02d}000" for i in range(100)))


def refresh_periods(years: list[int], *, with_states: bool) -> str:
    """The periods of ``years`` in the store (``with_states``: those with statewide rows with published LQs)."""
    sql = f"SELECT DISTINCT year, qtr FROM qcew WHERE year IN ({_ints(years)})"
    if with_states:
        states = ", ".join(f"'{a}'" for a in REFERENCE_AREAS[1:])
        sql += f" AND area_fips IN ({states}) AND size_code = '0' AND pub_lq_disclosure_code IS NOT NULL"
    return sql


def refresh_rows(years: list[int], everywhere: list[tuple[int, str]]) -> str:
    """The rows the national reference shares can read (see measures.national_reference): U.S. and statewide
    rows of ``years``, and every row of the periods ``everywhere`` (those without statewide published LQs).

    Years, areas and periods are constants, so the filter is one DuckDB pushes into the Parquet scan (the former
    ``NOT IN`` subquery and regular expression read every column of the 14 M national rows: 8 s, now 0.5–1 s).
    """
    areas = ", ".join(f"'{a}'" for a in REFERENCE_AREAS)
    clauses = [f"area_fips IN ({areas})"]
    clauses += [f"(year = {int(y)} AND qtr = '{str(q).replace(chr(39), '')}')" for y, q in everywhere]
    return f"SELECT * FROM qcew WHERE year IN ({_ints(years)}) AND ({' OR '.join(clauses)})"


def _ints(values: list[int]) -> str:
    return ", ".join(str(int(v)) for v in values) or "NULL"


# Tables that only a completed load creates; asking for one before that raises NotLoadedError.
LOAD_TABLES = ("reference_shares",)
TITLES = (
    ("area_titles", "area_fips", "area_title"),
    ("industry_titles", "industry_code", "industry_title"),
    ("ownership_titles", "own_code", "own_title"),
    ("agglvl_titles", "agglvl_code", "agglvl_title"),
)


Progress = Callable[[str, int, int], None]


class LoadError(Exception):
    """A batch that could not be loaded; ``errors`` holds every problem found, each naming file, line, column."""

    def __init__(self, errors: list[qcew.QCEWFormatError]):
        self.errors = errors
        lines = "\n".join(f"  {e}" for e in errors)
        super().__init__(f"nothing was loaded; {len(errors)} problem(s):\n{lines}")


class RegionError(ValueError):
    """A region request that cannot be answered (unknown county, period not loaded, bad level)."""


class NotLoadedError(FileNotFoundError, RegionError):
    """The store has never completed a load, so there is nothing (not even national shares) to answer from.

    A FileNotFoundError (like a missing store) and a :class:`RegionError` (a request that cannot be answered),
    so every command's existing handler reports its message."""


@dataclass
class FileResult:
    """What happened to one file of a load."""

    name: str
    status: str  # "loaded" or "unchanged" (already in the ledger)
    rows: int
    layout: str = ""
    replaced_rows: int = 0
    years: tuple[int, ...] = ()


@dataclass
class LoadResult:
    """The outcome of one call to :meth:`Store.load`."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def rows_loaded(self) -> int:
        """Rows added by this load (files already in the ledger count zero)."""
        return sum(f.rows for f in self.files if f.status == "loaded")


@dataclass
class Input:
    """One CSV to load: where to read it and the name the ledger records."""

    path: Path
    name: str


@dataclass
class FileRows:
    """One file read with the layout's types, waiting to be written into a part with others of its layout."""

    item: Input
    layout: qcew.Layout
    sha: str
    file_id: int
    rows_frame: pl.DataFrame | None  # canonical rows (file_id 0 until numbered); None once written
    years: list[int]
    periods: str
    areas: list[str]  # normalised codes
    rows: int
    missing_areas: int  # rows without an area code (an error)
    # Titled files: each title table's (code, title) pairs, one per code (for titles the tables lack).
    titles: dict[str, pl.DataFrame] = field(default_factory=dict)


@dataclass
class Part:
    """Files of one layout written as one Parquet part, with the titles titled files carried."""

    name: str
    files: list[FileRows]
    titles: dict[str, pl.DataFrame]


def canonical_select(have: set[str]) -> str:
    """SELECT list giving the canonical columns from a relation that has ``have`` (NULL for the others)."""
    return ", ".join(f"{c}::{t} AS {c}" if c in have else f"NULL::{t} AS {c}" for c, t in COLUMNS)
