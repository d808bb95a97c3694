"""The engine's embedded store: BLS QCEW rows as Parquet parts, catalogued in DuckDB with a ledger of every file.

Layout (docs/adr/0003-parquet-parts.md): ``SECTORHUB_HOME/lmi.duckdb`` holds the ledger, the title tables, the
derived tables every query needs (national reference shares, annual averages from quarters) and the catalog of
*parts*; the QCEW rows themselves live in Parquet files under ``lmi.duckdb.parts/``, written by Polars straight
from the parsed CSV, and the view ``qcew`` reads the parts the catalog lists. Parsing with Polars and writing
Parquet costs a fraction of DuckDB's compressed table append, and DuckDB reads the parts with row-group pruning.

Loads are atomic and idempotent. New parts are written first under new names; then one DuckDB transaction adds
them to the catalog with the ledger rows and the derived tables. A failed, interrupted or killed load therefore
changes nothing: its parts are not in the catalog, and the next writable open deletes them. A file whose SHA-256
is already in the ledger is skipped. A file that carries rows already in the store (same area, ownership,
industry, aggregation level, size, year and period) replaces them (the older part is rewritten without them), so
re-publishing a vintage never duplicates it.

Example::

    >>> with Store.open() as store:                      # doctest: +SKIP
    ...     result = store.load(["../shared/data/qcew/2016.q1-q4.by_area"])
    ...     result.rows_loaded
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from sectorhub.lmi.sources import qcew
from sectorhub.paths import data_dir, home_dir

STORE_FILE = "lmi.duckdb"
PARTS_SUFFIX = ".parts"
# A load writes its parts into ``<parts>/staging-<pid>/`` first; a folder whose process is gone is swept.
STAGING_PREFIX = "staging-"

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
_POLARS = {"VARCHAR": pl.String, "INTEGER": pl.Int32, "BIGINT": pl.Int64, "DOUBLE": pl.Float64}

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


def _view_columns() -> str:
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


_VIEW_COLUMNS = _view_columns()

# Small files are gathered into one part until it holds this many rows (fewer files for every later query).
PART_ROWS = 2_000_000
ROW_GROUP = 122_880
PART_COMPRESSION = "uncompressed"
# Plain files at least this large are streamed (parsed and written in one pipeline) into their own part.
STREAM_BYTES = 64 << 20
# Small files are parsed this many at a time, at most this many ahead of the one being converted.
READERS = 4
READ_AHEAD = 8
# The ledger's column types, for inserting a batch's rows in one statement.
LEDGER_TYPES = (
    "INTEGER", "VARCHAR", "VARCHAR", "BIGINT", "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "BIGINT", "TIMESTAMPTZ",
)  # fmt: skip

REFERENCE_FILES = {
    "area_titles": ("qcew_area_titles.csv", "area_fips", "area_title"),
    "industry_titles": ("qcew_industry_titles.csv", "industry_code", "industry_title"),
    "ownership_titles": ("qcew_ownership_titles_2016_derived.csv", "own_code", "own_title"),
    "agglvl_titles": ("qcew_agglvl_titles_2016_derived.csv", "agglvl_code", "agglvl_title"),
}
# The rows the national reference shares can read (see measures.national_reference): U.S. and statewide rows,
# and every row of a period without statewide published LQs.
REFRESH_ROWS = """
SELECT * FROM qcew WHERE year IN (SELECT year FROM _refresh_years) AND (
    area_fips = 'US000' OR regexp_full_match(area_fips, '[0-9]{2}000')
    OR (year, qtr) NOT IN (
        SELECT DISTINCT year, qtr FROM qcew WHERE regexp_full_match(area_fips, '[0-9]{2}000')
        AND size_code = '0' AND pub_lq_disclosure_code IS NOT NULL AND year IN (SELECT year FROM _refresh_years)
    )
)
"""
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


class NotLoadedError(FileNotFoundError):
    """The store has never completed a load, so there is nothing (not even national shares) to answer from."""


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
class _Input:
    """One CSV to load: where to read it and the name the ledger records."""

    path: Path
    name: str


@dataclass
class _File:
    """One file read with the layout's types, waiting to be written into a part with others of its layout."""

    item: _Input
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
class _Part:
    """Files of one layout written as one Parquet part, with the titles titled files carried."""

    name: str
    files: list[_File]
    titles: dict[str, pl.DataFrame]


class Result:
    """A query result that is always read to its end.

    DuckDB refuses other work on a connection while a result is half-read (``fetchone()`` of a longer result),
    which would break the next Ibis query on the store; every method here finishes the result.
    """

    def __init__(self, cursor: duckdb.DuckDBPyConnection):
        self._cursor = cursor
        self.description = cursor.description

    def fetchall(self) -> list[tuple]:
        return self._cursor.fetchall()

    def fetchone(self) -> tuple | None:
        rows = self._cursor.fetchall()
        return rows[0] if rows else None

    def df(self):
        return self._cursor.df()

    def __iter__(self):
        return iter(self.fetchall())


class Store:
    """QCEW rows (the view ``qcew`` over Parquet parts), title tables, derived tables and the load ledger."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, path: Path | None, parts: Path, read_only: bool = False
    ):
        self.con = con
        self.path = path
        self.parts = parts
        self.read_only = read_only
        self._ibis = None
        self._tables: dict = {}
        self._scratch: tempfile.TemporaryDirectory | None = None
        self._prepared: set[str] = set()
        self._requests: set[str] = set()

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Store:
        """Open (and create if needed) the store; default ``SECTORHUB_HOME/lmi.duckdb``.

        Read-only, the store must exist and hold a completed load (else FileNotFoundError or NotLoadedError,
        a FileNotFoundError whose message says to run ``sectorhub lmi load``).
        """
        path = Path(path) if path else home_dir() / STORE_FILE
        if read_only and not path.exists():
            raise FileNotFoundError(f"no SectorHub store at {path}: run `sectorhub lmi load` first")
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path), read_only=read_only)
        store = cls(con, path, path.with_name(path.name + PARTS_SUFFIX), read_only)
        try:
            store._setup()
            if read_only:  # every reader needs a completed load: say so here, not as a missing table later
                store.require_loaded()
        except BaseException:
            con.close()
            raise
        return store

    @classmethod
    def memory(cls) -> Store:
        """A store whose database is in memory (its parts in a temporary folder), for notebooks and tests."""
        scratch = tempfile.TemporaryDirectory(prefix="sectorhub-store-")
        store = cls(duckdb.connect(), None, Path(scratch.name))
        store._scratch = scratch
        store._setup()
        return store

    def _setup(self) -> None:
        # The CLI shows its own progress; DuckDB's bar would interleave with it.
        self.con.execute("SET enable_progress_bar = false")
        self.con.execute("SET parquet_metadata_cache = true")
        # Any open, read-only too, sweeps what killed loads staged: those folders are never in the catalog.
        sweep_staging(self.parts)
        if not self.read_only:
            self.con.execute(SCHEMA)
            self._migrate()
            self.parts.mkdir(parents=True, exist_ok=True)
            self._remove_orphans()
        self._define_view()

    def _migrate(self) -> None:
        """Move the rows of a store written before parts existed (a ``qcew`` table) into a part."""
        kind = self.con.execute(
            "SELECT table_type FROM information_schema.tables WHERE table_name = 'qcew' AND table_schema = 'main'"
        ).fetchone()
        if not kind or kind[0] != "BASE TABLE":
            return
        self.parts.mkdir(parents=True, exist_ok=True)
        old = {r[0] for r in self.con.execute("DESCRIBE qcew").fetchall()}
        name = self._copy_part(f"SELECT {_canonical_select(old)} FROM qcew")
        self.con.execute("BEGIN TRANSACTION")
        self._catalog_part(name)
        self.con.execute("DROP TABLE qcew")
        self.con.execute("DROP TABLE IF EXISTS qcew_annual_derived")
        self.con.execute("COMMIT")

    @property
    def staging(self) -> Path:
        """This process's folder for the parts (and unzipped members) of a load that has not committed yet."""
        return self.parts / f"{STAGING_PREFIX}{os.getpid()}"

    def _remove_orphans(self) -> None:
        """Delete parts of loads that never committed (killed or failed) and parts replaced by later loads."""
        live = {p for (p,) in self.con.execute("SELECT part FROM qcew_parts").fetchall()}
        for f in self.parts.glob("part-*"):
            if f.name not in live:
                f.unlink(missing_ok=True)

    def _copy_part(self, select: str) -> str:
        """Write the rows of a query (in the canonical columns) as a new part with DuckDB; return its name."""
        name = _part_name()
        self.con.execute(
            f"COPY ({select}) TO '{_sql_path(self.parts / name)}' "
            f"(FORMAT parquet, COMPRESSION lz4_raw, ROW_GROUP_SIZE {ROW_GROUP})"
        )
        return name

    def _catalog_part(self, name: str) -> int:
        """Add a written part to the catalog from its own rows; return how many it holds."""
        return self.con.execute(
            "INSERT INTO qcew_parts SELECT ?, count(*), coalesce(list(DISTINCT year), []), "
            f"coalesce(list(DISTINCT area_fips), []) FROM read_parquet('{_sql_path(self.parts / name)}') "
            "RETURNING rows",
            [name],
        ).fetchall()[0][0]

    def _define_view(self) -> None:
        """(Re)define the view ``qcew`` over the catalogued parts (temporary when the store is read-only)."""
        parts = [p for (p,) in self.con.execute("SELECT part FROM qcew_parts ORDER BY part").fetchall()]
        cols = _VIEW_COLUMNS
        lost = [p for p in parts if not (self.parts / p).is_file()]
        if lost:
            raise FileNotFoundError(
                f"the store {self.path or '(memory)'} lists {len(lost)} part(s) missing from {self.parts} "
                f"(first: {lost[0]}): restore lmi.duckdb and its .parts folder together, or load the files again "
                "into a new store"
            )
        if parts:
            listing = ", ".join(f"'{_sql_path(self.parts / p)}'" for p in parts)
            source = f"SELECT {cols} FROM read_parquet([{listing}])"
        else:
            source = f"SELECT {cols} FROM qcew_empty"
        temp = "TEMP " if self.read_only else ""
        self.con.execute(f"CREATE OR REPLACE {temp}VIEW qcew AS {source}")
        self._tables.clear()
        self._prepared.clear()

    def close(self) -> None:
        """Close the connection (and release the file lock)."""
        self.con.close()
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def ibis(self):
        """The Ibis backend over this store's connection: ``store.ibis.table("qcew")``."""
        if self._ibis is None:
            import ibis

            self._ibis = ibis.duckdb.from_connection(self.con)
        return self._ibis

    def table(self, name: str):
        """An Ibis table of the store, cached until the next load (each lookup otherwise queries the schema).

        Raises :class:`NotLoadedError` for a table only a completed load creates (``reference_shares``).
        """
        if name not in self._tables:
            if name in LOAD_TABLES and not self.has_table(name):
                self.require_loaded()
            self._tables[name] = self.ibis.table(name)
        return self._tables[name]

    def has_table(self, name: str) -> bool:
        """Whether the store's database has this table (or view)."""
        found = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary", [name]
        ).fetchall()[0][0]
        return bool(found)

    def require_loaded(self) -> None:
        """Raise :class:`NotLoadedError` unless a load has completed (its national shares exist)."""
        if not self.has_table("reference_shares"):
            raise NotLoadedError(
                f"the store {self.path or '(memory)'} has no completed load yet: "
                "run `sectorhub lmi load FILES` (QCEW CSVs, folders or zips) first"
            )

    def prepare(self, name: str, build: Callable[[], object]) -> str:
        """Compile an Ibis expression (built by ``build``) once per store into a DuckDB prepared statement.

        Returns the statement's name for ``EXECUTE``. Statements are prepared again after a load changes the
        view ``qcew``.
        """
        if name not in self._prepared:
            import ibis

            self.con.execute(f"PREPARE {name} AS {ibis.to_sql(build(), dialect='duckdb')}")
            self._prepared.add(name)
        return name

    def request(self, table: str, rows: list[tuple]) -> None:
        """Fill a temporary request table ``(kind, code, year, qtr)`` that prepared statements read parameters from.

        The table is created once per store and refilled without a catalog change, so statements prepared over
        it stay valid.
        """
        if table not in self._requests:
            self.con.execute(
                f"CREATE OR REPLACE TEMP TABLE {table} (kind VARCHAR, code VARCHAR, year INTEGER, qtr VARCHAR)"
            )
            self._requests.add(table)
        self.con.execute(f"DELETE FROM {table}")
        if rows:
            self.con.execute(
                f"INSERT INTO {table} SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]), "
                "unnest(?::VARCHAR[])",
                [list(col) for col in zip(*rows, strict=True)],
            )

    def sql(self, query: str, params: list | None = None) -> Result:
        """Run SQL against the store; the result has ``fetchone()``, ``fetchall()`` and ``df()``."""
        return Result(self.con.execute(query, params or []))

    def ledger(self) -> list[dict]:
        """Every file loaded, oldest first."""
        cur = self.con.execute("SELECT * FROM ledger ORDER BY file_id")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    # ------------------------------------------------------------------------------------------ loading

    def load(self, paths: Iterable[str | Path], progress: Progress | None = None) -> LoadResult:
        """Load QCEW files, folders of them or zips, all or nothing; see the module docstring."""
        if self.read_only:
            raise PermissionError("this store was opened read-only")
        self.staging.mkdir(parents=True, exist_ok=True)
        try:
            return self._load_staged(paths, progress)
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)

    def _load_staged(self, paths: Iterable[str | Path], progress: Progress | None) -> LoadResult:
        with contextlib.ExitStack() as stack:
            inputs = list(_expand(paths, stack, self.staging))
            if not inputs:
                raise LoadError([qcew.QCEWFormatError("(arguments)", None, None, "no QCEW CSV files found")])
            # Every header is checked before anything is read, so all layout problems are reported at once.
            layouts, errors = [], []
            for item in inputs:
                try:
                    layouts.append(qcew.detect_layout(item.name, qcew.read_header(item.path)))
                except qcew.QCEWFormatError as exc:
                    errors.append(exc)
            if errors:
                raise LoadError(errors)
            written: list[str] = []
            try:
                result = self._load(inputs, layouts, written, progress)
            except BaseException as exc:
                for name in written:
                    (self.parts / name).unlink(missing_ok=True)
                if isinstance(exc, qcew.QCEWFormatError):
                    raise LoadError([exc]) from None
                raise
            self._remove_orphans()  # parts the load rewrote, now out of the catalog
            return result

    def _load(self, inputs, layouts, written: list[str], progress: Progress | None) -> LoadResult:
        self._ensure_reference()
        ledger = self.con.execute("SELECT sha256, rows, name FROM ledger").fetchall()
        known = {sha: rows for sha, rows, _ in ledger}
        # A large file already in the ledger under its name is checked before streaming; others while streaming.
        names = {name for _, _, name in ledger}
        next_id = self.con.execute("SELECT coalesce(max(file_id), 0) + 1 FROM ledger").fetchone()[0]
        titled = {
            table: {k for (k,) in self.con.execute(f"SELECT {key} FROM {table}").fetchall()}
            for table, key, _ in TITLES
        }
        result = LoadResult()
        batch: list[_File] = []
        parts: list[_Part] = []

        def flush() -> None:
            if batch:
                parts.append(self._write_part(list(batch), titled))
                batch.clear()

        # SHA-256 digests are computed on one thread, and small files are read ahead on others (Polars releases
        # the GIL), a few files at a time; a file already in the ledger under its name is hashed before reading.
        stream = [_streamable(item, layout) for item, layout in zip(inputs, layouts, strict=True)]
        ahead = iter([i for i in range(len(inputs)) if not stream[i] and inputs[i].name not in names])
        reads: dict[int, object] = {}
        with ThreadPoolExecutor(max_workers=1) as pool, ThreadPoolExecutor(max_workers=READERS) as readers:
            shas = [pool.submit(_sha256, item.path) for item in inputs]

            def top_up() -> None:
                while len(reads) < READ_AHEAD and (j := next(ahead, None)) is not None:
                    reads[j] = readers.submit(_read_noted, inputs[j], layouts[j])

            for i, (item, layout) in enumerate(zip(inputs, layouts, strict=True)):
                top_up()
                if progress:
                    progress(item.name, i, len(inputs))
                sha = None if stream[i] and item.name not in names else shas[i].result()
                if sha in known:  # loaded before, or earlier in this batch
                    if i in reads:
                        reads.pop(i).cancel()
                    result.files.append(FileResult(item.name, "unchanged", known[sha]))
                    continue
                if sha is None:
                    # The digest of a large file is taken while it streams; the part is dropped if it was known.
                    flush()
                    part = self._stream_part(item, layout, next_id)
                    sha = shas[i].result()
                    if sha in known:
                        (self.staging / part.name).unlink(missing_ok=True)
                        result.files.append(FileResult(item.name, "unchanged", known[sha]))
                        continue
                    part.files[0].sha = sha
                    parts.append(part)
                    _check_areas(part.files, titled["area_titles"])
                    known[sha] = part.files[0].rows
                    next_id += 1
                    continue
                noted = reads.pop(i).result() if i in reads else _read_noted(item, layout)
                f = _file(item, layout, sha, next_id, noted)
                known[sha] = f.rows
                next_id += 1
                # One layout per part, and files of one part never share a cell (replacements are between parts).
                if batch and (batch[0].layout != layout or any(_overlaps(f, other) for other in batch)):
                    flush()
                batch.append(f)
                if sum(b.rows for b in batch) >= PART_ROWS:
                    flush()
            flush()
        if progress:
            progress("national reference shares", len(inputs), len(inputs))
        self.con.execute("BEGIN TRANSACTION")
        try:
            # Staged parts move beside the catalogued ones now; should the process die before COMMIT, they are
            # orphans that the next writable open removes.
            for part in parts:
                os.replace(self.staging / part.name, self.parts / part.name)
                written.append(part.name)
            self._merge_titles(parts)
            replaced = self._commit_parts(parts, written)
            now = datetime.now(UTC)
            entries = []
            for part in parts:
                for p in part.files:
                    n = replaced.get(p.file_id, 0)
                    entries.append(
                        (
                            p.file_id,
                            p.item.name,
                            p.sha,
                            p.rows,
                            p.layout.name,
                            ",".join(map(str, p.years)),
                            p.periods,
                            len(p.areas),
                            n,
                            now,
                        )
                    )
                    result.files.append(
                        FileResult(p.item.name, "loaded", p.rows, p.layout.name, n, tuple(p.years))
                    )
            if entries:  # one statement for the batch (executemany runs one statement per row)
                self.con.execute(
                    f"INSERT INTO ledger SELECT {', '.join(f'unnest(?::{t}[])' for t in LEDGER_TYPES)}",
                    [list(col) for col in zip(*entries, strict=True)],
                )
            years = sorted({y for part in parts for p in part.files for y in p.years})
            if years:
                self._refresh_reference(years)
                self.__dict__.pop("_region_state", None)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            self._define_view()
            raise
        order = {f.name: n for n, f in enumerate(inputs)}
        result.files.sort(key=lambda f: order.get(f.name, 0))
        return result

    def _write_part(self, files: list[_File], known: dict[str, set[str]]) -> _Part:
        """Turn files of one layout into canonical rows, check them, and write them as one new Parquet part."""
        numbered = [f.rows_frame.with_columns(file_id=pl.lit(f.file_id, pl.Int32)) for f in files]
        frame = numbered[0] if len(numbered) == 1 else pl.concat(numbered, rechunk=False)
        titles = _new_titles(files, known) if files[0].layout.has_titles else {}
        for table, key, _ in TITLES:
            if table in titles:
                known[table].update(titles[table][key].to_list())
        _check_codes(frame, {f.file_id: f for f in files})
        _check_areas(files, known["area_titles"])
        name = _part_name()
        frame.write_parquet(
            self.staging / name, compression=PART_COMPRESSION, statistics=True, row_group_size=ROW_GROUP
        )
        # Only the written part keeps the rows: memory stays bounded by one part whatever the number of files.
        for f in files:
            f.rows_frame = None
            f.titles = {}
        return _Part(name, files, titles)

    def _stream_part(self, item: _Input, layout: qcew.Layout, file_id: int) -> _Part:
        """Parse, convert and write one large file as one streaming pipeline (less memory, both cores busy).

        The file's SHA-256 is the caller's to set (it is computed meanwhile)."""
        name = _part_name()
        path = self.staging / name
        scan = pl.scan_csv(item.path, schema=_schema(layout), quote_char='"').select(_needed(layout))
        frame = _canonical(scan.with_columns(file_id=pl.lit(file_id, pl.Int32)), layout)
        try:
            frame.sink_parquet(path, compression=PART_COMPRESSION, statistics=True, row_group_size=ROW_GROUP)
        except (pl.exceptions.PolarsError, OSError) as exc:
            raise _format_error(item, layout, exc) from None
        part = pl.scan_parquet(path)
        stats = _stats(part, _code_checks(layout))
        f = _File(
            item,
            layout,
            "",
            file_id,
            None,
            stats["years"],
            stats["periods"] or "",
            stats["areas"],
            stats["rows"],
            stats["missing_areas"],
        )
        _check_codes(part, {file_id: f}, stats)
        return _Part(name, [f], {})

    def _commit_parts(self, parts: list[_Part], written: list[str]) -> dict[int, int]:
        """Catalog new parts (in the open transaction); rewrite older parts whose cells they re-publish.

        Returns the rows replaced, per file id of the file that replaced them.
        """
        replaced: dict[int, int] = {}
        keys = " AND ".join(f"o.{k} = n.{k}" for k in qcew.KEY_COLUMNS)
        for part in parts:
            name, members = part.name, part.files
            years = sorted({y for p in members for y in p.years})
            areas = sorted({a for p in members for a in p.areas})
            older = self.con.execute(
                "SELECT part FROM qcew_parts WHERE len(list_intersect(years, ?::INTEGER[])) > 0 "
                "AND len(list_intersect(areas, ?::VARCHAR[])) > 0 ORDER BY part",
                [years, areas],
            ).fetchall()
            new = f"read_parquet('{_sql_path(self.parts / name)}')"
            for (old,) in older:
                src = f"read_parquet('{_sql_path(self.parts / old)}')"
                counts = self.con.execute(
                    f"SELECT n.file_id, count(*) FROM {src} o JOIN {new} n ON {keys} GROUP BY 1"
                ).fetchall()
                if not counts:
                    continue
                for fid, n in counts:
                    replaced[fid] = replaced.get(fid, 0) + n
                kept = self._copy_part(
                    f"SELECT * FROM {src} o WHERE NOT EXISTS (SELECT 1 FROM {new} n WHERE {keys})"
                )
                written.append(kept)
                self.con.execute("DELETE FROM qcew_parts WHERE part = ?", [old])
                self._catalog_part(kept)
            self.con.execute(
                "INSERT INTO qcew_parts VALUES (?, ?, ?, ?)",
                [name, sum(p.rows for p in members), years, areas],
            )
        self._define_view()
        return replaced

    def _merge_titles(self, parts: list[_Part]) -> None:
        """Add titles titled files carry for codes the reference lists lack (e.g. older NAICS codes)."""
        for table, key, _ in TITLES:
            frames = [p.titles[table] for p in parts if table in p.titles]
            if not frames:
                continue
            rows = pl.concat(frames).unique(subset=[key], keep="first").rows()
            self.con.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?, ?)", rows)

    def add_rows(self, relation: str) -> int:
        """Append canonical rows from a SQL query (a benchmark's generated panel, a test's fixture) as one part.

        The query must give the columns of :data:`COLUMNS` by name; missing measures may be left out.
        """
        if self.read_only:
            raise PermissionError("this store was opened read-only")
        self.con.execute(f"CREATE OR REPLACE TEMP VIEW _add_rows AS {relation}")
        have = {r[0] for r in self.con.execute("DESCRIBE _add_rows").fetchall()}
        missing = [k for k in qcew.KEY_COLUMNS if k not in have]
        if missing:
            self.con.execute("DROP VIEW _add_rows")
            raise ValueError(f"rows to add need the key columns; missing: {', '.join(missing)}")
        name = None
        try:
            name = self._copy_part(f"SELECT {_canonical_select(have)} FROM _add_rows")
            self.con.execute("BEGIN TRANSACTION")
            rows = self._catalog_part(name)
            self._define_view()
            self.con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            if name:
                (self.parts / name).unlink(missing_ok=True)
            self._define_view()
            raise
        finally:
            self.con.execute("DROP VIEW IF EXISTS _add_rows")
        return rows

    def _refresh_reference(self, years: list[int]) -> None:
        """Recompute the national reference shares of every period of the years a load touched.

        "Load once, answer many": every LQ reads them. The SQL is the measures' own, compiled ahead
        (:mod:`sectorhub.lmi.compiled`).
        """
        from sectorhub.lmi import compiled

        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE _refresh_years AS SELECT unnest(?::INTEGER[]) AS year", [years]
        )
        sql = compiled.query("reference_estimated" if self._needs_estimate(years) else "reference_us")
        # The estimate reads only the rows it can use (national_reference): the U.S. and statewide files, and
        # every area in periods without statewide LQs. Filtering first keeps a national load's refresh small
        # (14 M county rows are never joined); the answer is the same.
        self.con.execute(f"CREATE OR REPLACE TEMP VIEW _refresh_rows AS {REFRESH_ROWS}")
        sql = sql.replace('FROM "qcew"', 'FROM "_refresh_rows"')
        if self.has_table("reference_shares"):
            self.con.execute("DELETE FROM reference_shares WHERE year IN (SELECT year FROM _refresh_years)")
            self.con.execute(f"INSERT INTO reference_shares {sql}")
        else:
            self.con.execute(f"CREATE TABLE reference_shares AS {sql}")
        self.con.execute("DROP VIEW _refresh_rows")
        self.con.execute("DROP TABLE _refresh_years")
        self._tables.clear()

    def _needs_estimate(self, years: list[int]) -> bool:
        """Whether some period of these years lacks the U.S. file, so national shares must be estimated."""
        missing = self.con.execute(
            "SELECT count(*) FROM (SELECT DISTINCT year, qtr FROM qcew WHERE year IN (SELECT unnest(?::INTEGER[]))) p "
            "WHERE NOT EXISTS (SELECT 1 FROM qcew u WHERE u.area_fips = 'US000' AND u.year = p.year AND u.qtr = p.qtr)",
            [years],
        ).fetchone()[0]
        return missing > 0

    def reference(self, year: int, period: str):
        """The stored national reference shares of one period, as an Ibis table."""
        t = self.table("reference_shares")
        return t.filter((t.year == int(year)) & (t.qtr == str(period).upper()))

    def _ensure_reference(self) -> None:
        """Fill the title tables from the shared reference files the first time they are needed."""
        ref = data_dir() / "reference"
        for table, (fname, key, title) in REFERENCE_FILES.items():
            path = ref / fname
            if not path.exists() or self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]:
                continue
            key_expr = (
                f"CASE WHEN regexp_full_match({key}, '[0-9]{{1,4}}') THEN lpad({key}, 5, '0') ELSE {key} END"
            )
            if table != "area_titles":
                key_expr = key
            self.con.execute(
                f"INSERT INTO {table} SELECT DISTINCT ON (k) k, {title} FROM ("
                f"SELECT {key_expr} AS k, {title} FROM read_csv(?, header=true, all_varchar=true)) "
                f"WHERE k IS NOT NULL",
                [str(path)],
            )


# ---------------------------------------------------------------------------------------------- parsing


def _file_dtype(column: str) -> pl.DataType:
    """How Polars parses a file column: codes and titles as text, levels as integers, ratios as floats."""
    if column == "year":
        return pl.Int32
    if column in qcew.CODE_COLUMNS or column in qcew.TITLE_COLUMNS or column.endswith("disclosure_code"):
        return pl.String
    if column.startswith("lq_") or column.endswith("_pct_chg"):
        return pl.Float64
    return pl.Int64


def _needed(layout: qcew.Layout) -> list[str]:
    """The file columns the store keeps (codes, measures, published LQs and employment changes, titles)."""
    wanted = set(qcew.CODE_COLUMNS)
    if layout.has_titles:
        wanted |= {"area_title", "own_title", "industry_title", "agglvl_title"}
    keep_oty = {f"pub_oty_{m}_chg" for m in PUB_OTY} | {"pub_oty_disclosure_code"}
    for col, canon in layout.rename.items():
        if not canon.startswith("pub_oty_") or canon in keep_oty:
            wanted.add(col)
    return [c for c in layout.columns if c in wanted]


_NOT_PARSED = re.compile(r"could not parse `(?P<value>[^`]*)` as dtype `[^`]*` at column '(?P<column>[^']+)'")


def _schema(layout: qcew.Layout) -> dict[str, pl.DataType]:
    return {c: _file_dtype(c) for c in layout.columns}


def _read(item: _Input, layout: qcew.Layout) -> pl.DataFrame:
    """Parse one file with explicit types; a bad value or stream raises QCEWFormatError with line and column."""
    try:
        return pl.read_csv(item.path, schema=_schema(layout), columns=_needed(layout), quote_char='"')
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise _format_error(item, layout, exc) from None


def _format_error(item: _Input, layout: qcew.Layout, exc: Exception) -> qcew.QCEWFormatError:
    """The parser's error as a QCEWFormatError naming the file, line and column (found in the file itself)."""
    message = str(exc)
    found = _NOT_PARSED.search(message)
    if found and found.group("column") in layout.columns:
        column, value = found.group("column"), found.group("value").strip().strip('"')
        col_no = layout.columns.index(column)
        line = qcew.find_line(item.path, col_no, lambda v: v.strip() == value)
        return qcew.QCEWFormatError(item.name, line, f"{col_no + 1} ({column})", f"not a number: {value!r}")
    line = qcew.count_readable_lines(item.path) + 1
    first = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    return qcew.QCEWFormatError(item.name, line, None, f"unreadable data ({first})")


def _streamable(item: _Input, layout: qcew.Layout) -> bool:
    """Large plain files without titles are parsed, converted and written as one streaming pipeline."""
    if layout.has_titles or item.path.stat().st_size < STREAM_BYTES:
        return False
    with open(item.path, "rb") as fh:
        return fh.read(2) != b"\x1f\x8b"


def _stats(frame: pl.LazyFrame, checks: list[tuple[str, pl.Expr, str]]) -> dict:
    """Years, periods, areas and rows of canonical rows (for the ledger and the catalog), and failed checks."""
    return (
        frame.select(
            **{f"bad_{c}": expr.any() for c, expr, _ in checks},
            years=pl.col("year").drop_nulls().unique().sort().implode(),
            periods=pl.col("qtr").drop_nulls().unique().sort().str.join(","),
            areas=pl.col("area_fips").drop_nulls().unique().sort().implode(),
            rows=pl.len(),
            missing_areas=pl.col("area_fips").null_count(),
        )
        .collect()
        .row(0, named=True)
    )


def _read_noted(item: _Input, layout: qcew.Layout) -> tuple[pl.DataFrame, list[int], str, list[str], dict]:
    """Read one file as canonical rows and note what it holds: years, periods, areas (ledger, catalog) and the
    titles it carries, one per code. The parsed columns (titles included) are dropped here, on the reader's
    thread, so a batch waiting to be written holds only canonical rows."""
    raw = _read(item, layout)
    years = sorted(int(y) for y in raw["year"].unique().to_list() if y is not None)
    periods = ",".join(sorted(q for q in raw["qtr"].unique().to_list() if q is not None))
    areas = sorted(
        {qcew.normalize_area_code(a) for a in raw["area_fips"].unique().to_list() if a is not None}
    )
    titles = {}
    if layout.has_titles:
        titles = {
            table: raw.select(key, title).filter(pl.col(key).is_not_null()).unique(subset=[key], keep="first")
            for table, key, title in TITLES
        }
    short = bool(raw.height) and raw["area_fips"].str.len_bytes().min() < 5
    rows = _canonical(raw.with_columns(file_id=pl.lit(0, pl.Int32)), layout, short)
    return rows, years, periods, areas, titles


def _file(item: _Input, layout: qcew.Layout, sha: str, file_id: int, noted) -> _File:
    rows, years, periods, areas, titles = noted
    missing = rows["area_fips"].null_count()
    return _File(item, layout, sha, file_id, rows, years, periods, areas, rows.height, missing, titles)


def _canonical(raw, layout: qcew.Layout, short_areas: bool = True):
    """Canonical rows as stored in parts: typed, area codes normalised, withheld values as published.

    ``raw`` is a DataFrame or a LazyFrame (the result is of the same kind). ``short_areas=False`` skips restoring
    the leading zeros of area codes (the caller knows every code has five characters).
    """
    source = {canon: col for col, canon in layout.rename.items()}
    area = pl.col("area_fips")
    if short_areas:
        area = pl.when(area.str.contains(r"^[0-9]{1,4}$")).then(area.str.zfill(5)).otherwise(area)
    disclosure = pl.col("disclosure_code").fill_null("")
    # Values are written as published (a withheld value is BLS's 0): the view ``qcew`` turns the withheld
    # ones into NULL from the disclosure codes (_VIEW_COLUMNS), so no reader ever sees them as zeros.
    exprs: dict[str, pl.Expr] = {
        "area_fips": area,
        **{c: pl.col(c) for c in ("own_code", "industry_code", "agglvl_code", "size_code", "qtr", "file_id")},
        "year": pl.col("year"),
        "disclosure_code": disclosure,
    }
    for m in PUB_MEASURES:
        if m == "emplvl" and layout.period == "quarterly":
            months = [pl.col(source[f"emp_m{k}"]) for k in (1, 2, 3)]
            exprs[m] = (months[0] + months[1] + months[2]).cast(pl.Float64) / 3.0
        else:
            exprs[m] = pl.col(source[m]) if m in source else pl.lit(None)
    lq_code, oty_code = source.get("pub_lq_disclosure_code"), source.get("pub_oty_disclosure_code")
    exprs["pub_lq_disclosure_code"] = pl.col(lq_code).fill_null("") if lq_code else pl.lit(None)
    for m in PUB_MEASURES:
        col = source.get(f"pub_lq_{m}")
        exprs[f"pub_lq_{m}"] = pl.lit(None) if col is None else pl.col(col)
    exprs["pub_oty_disclosure_code"] = pl.col(oty_code).fill_null("") if oty_code else pl.lit(None)
    for m in PUB_OTY:
        col = source.get(f"pub_oty_{m}_chg")
        exprs[f"pub_oty_{m}_chg"] = pl.lit(None) if col is None else pl.col(col)
    frame = raw.select(**{c: exprs[c].cast(_POLARS[t]) for c, t in COLUMNS})
    return frame


def _new_titles(files: list[_File], known: dict[str, set[str]]) -> dict[str, pl.DataFrame]:
    """Titles titled files carry for codes the title tables lack."""
    titles = {}
    for table, key, title in TITLES:
        pairs = pl.concat([f.titles[table] for f in files if table in f.titles])
        norm = qcew.normalize_area_code if key == "area_fips" else str
        unknown = [c for c in pairs[key].unique().to_list() if norm(c) not in known[table]]
        if not unknown:
            continue
        t = pairs.filter(pl.col(key).is_in(unknown)).select(key, title)
        t = t.filter(pl.col(title).is_not_null() & (pl.col(title) != ""))
        if key == "area_fips":
            t = t.with_columns(area_fips=pl.col("area_fips").map_elements(norm, return_dtype=pl.String))
        titles[table] = t.unique(subset=[key], keep="first")
    return titles


def _code_checks(layout: qcew.Layout) -> list[tuple[str, pl.Expr, str]]:
    """What a parser cannot check (years, periods, disclosure and ownership codes): column, bad rows, message."""
    periods = ["1", "2", "3", "4"] if layout.period == "quarterly" else ["A"]
    return [
        ("year", pl.col("year").is_null() | ~pl.col("year").is_between(1975, 2100), "invalid year {!r}"),
        (
            "qtr",
            pl.col("qtr").is_null() | ~pl.col("qtr").is_in(periods),
            "period {!r} does not fit a " + layout.period + " layout",
        ),
        ("disclosure_code", ~pl.col("disclosure_code").is_in(["", "N", "-"]), "unknown disclosure code {!r}"),
        (
            "own_code",
            pl.col("own_code").is_null() | ~pl.col("own_code").str.contains(r"^[0-9]$"),
            "invalid ownership code {!r}",
        ),
    ]


def _check_codes(frame: pl.DataFrame, files: dict[int, _File], bad: dict | None = None) -> None:
    """Raise QCEWFormatError (file, line, column) for the first row failing a code check.

    ``bad``: which checks failed, when the caller computed them already (``bad_<column>`` flags).
    """
    layout = next(iter(files.values())).layout
    checks = _code_checks(layout)
    frame = frame.lazy()
    if bad is None:
        bad = frame.select(**{f"bad_{c}": expr.any() for c, expr, _ in checks}).collect().row(0, named=True)
    for column, expr, message in checks:
        if not bad[f"bad_{column}"]:
            continue
        first = frame.filter(expr).head(1).collect().row(0, named=True)
        value, f = first[column], files[first["file_id"]]
        col_no = f.layout.columns.index(column)
        line = qcew.find_line(f.item.path, col_no, lambda v, want=value, col=column: _same_code(col, v, want))
        raise qcew.QCEWFormatError(f.item.name, line, f"{col_no + 1} ({column})", message.format(value))


def _check_areas(files: list[_File], known: set[str]) -> None:
    """Every area code must look like a QCEW code and be titled (reference list or the files' own titles)."""
    for f in files:
        col_no = f.layout.columns.index("area_fips")
        if f.missing_areas:
            line = qcew.find_line(f.item.path, col_no, lambda v: not v.strip())
            raise qcew.QCEWFormatError(f.item.name, line, f"{col_no + 1} (area_fips)", "missing area code")
        for code in f.areas:
            if qcew.AREA_CODE.match(code) and code in known:
                continue
            line = qcew.find_line(
                f.item.path, col_no, lambda v, want=code: qcew.normalize_area_code(v) == want
            )
            raise qcew.QCEWFormatError(
                f.item.name, line, f"{col_no + 1} (area_fips)", f"unknown area code {code!r}"
            )


def _overlaps(a: _File, b: _File) -> bool:
    """Whether two files may share a cell (a year and an area in common)."""
    return bool(set(a.years) & set(b.years)) and bool(set(a.areas) & set(b.areas))


def _canonical_select(have: set[str]) -> str:
    """SELECT list giving the canonical columns from a relation that has ``have`` (NULL for the others)."""
    return ", ".join(f"{c}::{t} AS {c}" if c in have else f"NULL::{t} AS {c}" for c, t in COLUMNS)


def sweep_staging(parts: Path) -> list[Path]:
    """Remove the staging folders of loads whose process is gone (killed); return the folders removed."""
    removed = []
    if not parts.is_dir():
        return removed
    for folder in parts.glob(f"{STAGING_PREFIX}*"):
        pid = folder.name.removeprefix(STAGING_PREFIX)
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def _part_name() -> str:
    return f"part-{uuid.uuid4().hex}.parquet"


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _same_code(column: str, raw: str, want) -> bool:
    """Whether a raw CSV field holds the offending value (codes compared as the store normalises them)."""
    raw = raw.strip()
    if column == "area_fips":
        return qcew.normalize_area_code(raw) == want
    if column == "year":
        return not raw.isdigit() or str(want) == raw or want is None
    return raw == ("" if want is None else str(want))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _is_csv(name: str) -> bool:
    return name.lower().endswith((".csv", ".csv.gz", ".txt", ".txt.gz"))


def _expand(paths: Iterable[str | Path], stack: contextlib.ExitStack, scratch: Path) -> Iterator[_Input]:
    """Every CSV named by the arguments: files, folders (recursively, sorted) and zip members (unzipped into
    ``scratch``, the load's staging folder, so a killed load leaves none behind)."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise LoadError([qcew.QCEWFormatError(path, None, None, "no such file or folder")])
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _is_csv(child.name) or child.suffix.lower() == ".zip":
                    yield from _expand([child], stack, scratch)
        elif path.suffix.lower() == ".zip":
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="zip-", dir=scratch)))
            try:
                archive = stack.enter_context(zipfile.ZipFile(path))
            except zipfile.BadZipFile as exc:
                raise LoadError([qcew.QCEWFormatError(path, None, None, f"not a zip file: {exc}")]) from exc
            for member in sorted(archive.namelist()):
                if member.endswith("/") or not _is_csv(member):
                    continue
                target = tmp / f"{len(list(tmp.iterdir()))}-{Path(member).name}"
                with archive.open(member) as src, open(target, "wb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                yield _Input(target, f"{path.name}!{member}")
        elif _is_csv(path.name) or path.suffix.lower() == ".gz":
            yield _Input(path, str(path))
        else:
            raise LoadError([qcew.QCEWFormatError(path, None, None, "not a CSV, gzip or zip file")])
