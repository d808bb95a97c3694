"""The engine's embedded store: BLS QCEW rows as Parquet parts, catalogued in DuckDB with a ledger of every file.

Layout (docs/adr/0003-parquet-parts.md): ``SECTORHUB_HOME/lmi.duckdb`` holds the ledger, the title tables, the
derived tables every query needs (national reference shares, annual averages from quarters) and the catalog of
*parts*; the QCEW rows themselves live in Parquet files under ``lmi.duckdb.parts/``, written by Polars straight
from the parsed CSV, and the view ``qcew`` reads the parts the catalog lists. Parsing with Polars and writing
Parquet costs a fraction of DuckDB's compressed table append, and DuckDB reads the parts with row-group pruning.

Loads are atomic and idempotent. New parts are written first under new names; then one DuckDB transaction adds
them to the catalog with the ledger rows and the derived tables. A failed, interrupted or killed load therefore
changes nothing: its parts are not in the catalog, and the next open (read-only too) deletes them. A file whose SHA-256
is already in the ledger is skipped. A file that carries rows already in the store (same area, ownership,
industry, aggregation level, size, year and period) replaces them (the older part is rewritten without them), so
re-publishing a vintage never duplicates it.

The code reads in three places: :mod:`sectorhub.lmi.schema` (the canonical row, the tables, what a load returns),
:mod:`sectorhub.lmi.sources.qcew_rows` (parsing a file into canonical rows, the checks naming file, line and
column) and this module (the store: open, load in named steps, query). A load stages its parts under
``lmi.duckdb.parts/staging-<pid>/``; any later open sweeps the staging folder of a process that is gone.

Example::

    >>> with Store.open() as store:                      # doctest: +SKIP
    ...     result = store.load(["../shared/data/qcew/2016.q1-q4.by_area"])
    ...     result.rows_loaded
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from sectorhub.lmi import schema
from sectorhub.lmi.schema import COLUMNS, FileResult, LoadError, LoadResult, NotLoadedError, Progress
from sectorhub.lmi.sources import qcew
from sectorhub.paths import data_dir, home_dir

# Polars and the parser (sources/qcew_rows.py) load in the methods that load files: a query never needs them.
# Re-exported: callers import the row types and errors from the store.
__all__ = [
    "COLUMNS",
    "FileResult",
    "LoadError",
    "LoadResult",
    "NotLoadedError",
    "Progress",
    "STORE_FILE",
    "Store",
]

STORE_FILE = "lmi.duckdb"
PARTS_SUFFIX = ".parts"
# A load writes its parts into ``<parts>/staging-<pid>/`` first; a folder whose process is gone is swept.
STAGING_PREFIX = "staging-"

# Small files are gathered into one part until it holds this many rows (fewer files for every later query).
PART_ROWS = 2_000_000
ROW_GROUP = 122_880
PART_COMPRESSION = "uncompressed"
# Plain files at least this large are streamed (parsed and written in one pipeline) into their own part.
STREAM_BYTES = 64 << 20
# Small files are parsed this many at a time, at most this many ahead of the one being converted.
READERS = 4
READ_AHEAD = 8
REFERENCE_FILES = {
    "area_titles": ("qcew_area_titles.csv", "area_fips", "area_title"),
    "industry_titles": ("qcew_industry_titles.csv", "industry_code", "industry_title"),
    "ownership_titles": ("qcew_ownership_titles_2016_derived.csv", "own_code", "own_title"),
    "agglvl_titles": ("qcew_agglvl_titles_2016_derived.csv", "agglvl_code", "agglvl_title"),
}
OFFICIAL_TITLES = {"ownership_titles": "qcew_ownership_titles.csv", "agglvl_titles": "qcew_agglvl_titles.csv"}


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
        # Temporary tables derived from the rows (see derived()): every name ever made, and those current.
        self._derived_names: set[str] = set()
        self._derived: set[str] = set()
        self._annual_years: set[int] | None = None

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Store:
        """Open (and create if needed) the store; default ``SECTORHUB_HOME/lmi.duckdb``.

        Read-only, the store must exist (else FileNotFoundError). A query that needs a completed load raises
        NotLoadedError (a FileNotFoundError and a RegionError) whose message says to run ``sectorhub lmi load``.
        """
        path = Path(path) if path else home_dir() / STORE_FILE
        if read_only and not path.exists():
            raise FileNotFoundError(f"no SectorHub store at {path}: run `sectorhub lmi load` first")
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path), read_only=read_only)
        store = cls(con, path, path.with_name(path.name + PARTS_SUFFIX), read_only)
        try:
            store._setup()
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
        # Any open, read-only too, sweeps what killed loads left: staged folders, and parts a load killed inside
        # its commit had moved beside the catalogued ones. Neither is in the catalog, and while this connection
        # holds DuckDB's file lock no other process can be writing the store.
        sweep_staging(self.parts)
        if not self.read_only:
            self.con.execute(schema.SCHEMA)
            self._migrate()
            self.parts.mkdir(parents=True, exist_ok=True)
        self._remove_orphans()
        self._define_view()
        self._migrate_reference()

    def _migrate_reference(self) -> None:
        """Recompute the national shares of a store written before they carried their intervals (share_lo_*).

        Opened read-only, such a store cannot be updated and its LQs would look exact: it is refused with a
        message saying how to update it (any writable open does)."""
        cols = self.con.execute(
            "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'reference_shares' AND NOT internal "
            "AND column_name = 'share_lo_emplvl'"
        ).fetchone()[0]
        if cols or not self.has_table("reference_shares"):
            return
        if self.read_only:
            raise NotLoadedError(
                f"the store {self.path} was written by an older SectorHub: its national shares lack the "
                "intervals LQs need; run `sectorhub lmi load` once (with any QCEW file) to update it"
            )
        years = [y for (y,) in self.con.execute("SELECT DISTINCT year FROM qcew ORDER BY year").fetchall()]
        self.con.execute("DROP TABLE reference_shares")
        if years:
            self._refresh_reference(years)

    def _migrate(self) -> None:
        """Move the rows of a store written before parts existed (a ``qcew`` table) into a part."""
        kind = self.con.execute(
            "SELECT table_type FROM information_schema.tables WHERE table_name = 'qcew' AND table_schema = 'main'"
        ).fetchone()
        if not kind or kind[0] != "BASE TABLE":
            return
        self.parts.mkdir(parents=True, exist_ok=True)
        old = {r[0] for r in self.con.execute("DESCRIBE qcew").fetchall()}
        name = self._copy_part(f"SELECT {schema.canonical_select(old)} FROM qcew")
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
        if not self.parts.is_dir():
            return
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
        cols = schema.VIEW_COLUMNS
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
        # What was derived from the previous rows is stale: drop it (again after a rollback, which restores it).
        for name in self._derived_names:
            self.con.execute(f"DROP TABLE IF EXISTS temp.main.{name}")
        self._derived.clear()
        self._tables.clear()
        self._prepared.clear()
        self._annual_years = None

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
            if name in schema.LOAD_TABLES and not self.has_table(name):
                self.require_loaded()
            self._tables[name] = self.ibis.table(name)
        return self._tables[name]

    def published_annual_years(self) -> set[int]:
        """Years loaded from annual files (other years' annual averages are derived from quarters); cached
        until the next load."""
        if self._annual_years is None:
            rows = self.con.execute("SELECT DISTINCT year FROM qcew WHERE qtr = 'A'").fetchall()
            self._annual_years = {int(y) for (y,) in rows}
        return self._annual_years

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

        ``build`` may give SQL text instead (a query compiled ahead, :mod:`sectorhub.lmi.compiled`). Returns the
        statement's name for ``EXECUTE``. Statements are prepared again after a load changes the view ``qcew``.
        """
        if name not in self._prepared:
            query = build()
            if not isinstance(query, str):
                import ibis

                query = ibis.to_sql(query, dialect="duckdb")
            self.con.execute(f"PREPARE {name} AS {query}")
            self._prepared.add(name)
        return name

    def prepare_sql(self, name: str, sql: str) -> str:
        """Prepare SQL (compiled ahead, :mod:`sectorhub.lmi.compiled`) once per store as statement ``name``.

        Like :meth:`prepare`, statements are prepared again after a load changes the view ``qcew``.
        """
        if name not in self._prepared:
            self.con.execute(f"PREPARE {name} AS {sql}")
            self._prepared.add(name)
        return name

    def derived(self, name: str, sql: str) -> str:
        """A temporary table of what a query derives from the rows, made once per load and kept until the next.

        "Precompute what does not change between requests": the table lives with this connection (nothing is
        written to the store, so a killed process leaves nothing behind) and is dropped whenever the view
        ``qcew`` is redefined (a load, its rollback, :meth:`add_rows`), then made again on the next request.
        Make it before preparing the statements that read it.
        """
        if name not in self._derived:
            self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")
            self._derived_names.add(name)
            self._derived.add(name)
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
        from sectorhub.lmi.sources import qcew_rows as parse

        with contextlib.ExitStack() as stack:
            inputs = list(parse.expand(paths, stack, self.staging))
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
        """The load in its three steps: stage new parts, then in one transaction catalog them with the ledger
        rows and recompute the national shares."""
        self._ensure_reference()
        result = LoadResult()
        parts = self._stage_parts(inputs, layouts, result, progress)
        if progress:
            progress("national reference shares", len(inputs), len(inputs))
        self._commit(parts, written, result)
        order = {f.name: n for n, f in enumerate(inputs)}
        result.files.sort(key=lambda f: order.get(f.name, 0))
        return result

    def _stage_parts(
        self, inputs, layouts, result: LoadResult, progress: Progress | None
    ) -> list[schema.Part]:
        """Read every new file (one already in the ledger is noted as unchanged) and write staged parts."""
        from sectorhub.lmi.sources import qcew_rows as parse

        ledger = self.con.execute("SELECT sha256, rows, name FROM ledger").fetchall()
        known = {sha: rows for sha, rows, _ in ledger}
        # A large file already in the ledger under its name is checked before streaming; others while streaming.
        names = {name for _, _, name in ledger}
        next_id = self.con.execute("SELECT coalesce(max(file_id), 0) + 1 FROM ledger").fetchone()[0]
        titled = {
            table: {k for (k,) in self.con.execute(f"SELECT {key} FROM {table}").fetchall()}
            for table, key, _ in schema.TITLES
        }
        # Files of the U.S. and statewide totals gather in parts of their own: the refresh of national shares
        # reads only those rows, and on the national set they would otherwise sit in row groups of county rows
        # (every column of most of the store decoded: 5 s of a 9 s refresh).
        batches: dict[bool, list[schema.FileRows]] = {True: [], False: []}
        parts: list[schema.Part] = []

        def flush(*which: bool) -> None:
            for key in which or (True, False):
                if batches[key]:
                    parts.append(self._write_part(list(batches[key]), titled))
                    batches[key].clear()

        # SHA-256 digests are computed on one thread, and small files are read ahead on others (Polars releases
        # the GIL), a few files at a time; a file already in the ledger under its name is hashed before reading.
        stream = [_streamable(item, layout) for item, layout in zip(inputs, layouts, strict=True)]
        ahead = iter([i for i in range(len(inputs)) if not stream[i] and inputs[i].name not in names])
        reads: dict[int, object] = {}
        with ThreadPoolExecutor(max_workers=1) as pool, ThreadPoolExecutor(max_workers=READERS) as readers:
            shas = [pool.submit(parse.sha256, item.path) for item in inputs]

            def top_up() -> None:
                while len(reads) < READ_AHEAD and (j := next(ahead, None)) is not None:
                    reads[j] = readers.submit(parse.read_noted, inputs[j], layouts[j])

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
                    parse.check_areas(part.files, titled["area_titles"])
                    known[sha] = part.files[0].rows
                    next_id += 1
                    continue
                noted = reads.pop(i).result() if i in reads else parse.read_noted(item, layout)
                f = parse.file_rows(item, layout, sha, next_id, noted)
                known[sha] = f.rows
                next_id += 1
                # One layout per part, and files of one part never share a cell (replacements are between parts,
                # so a file sharing cells with the other batch's files must land in a later part than theirs).
                key = _reference_areas(f)
                batch, other = batches[key], batches[not key]
                if any(_overlaps(f, o) for o in other):
                    flush(not key)
                if batch and (batch[0].layout != layout or any(_overlaps(f, o) for o in batch)):
                    flush(key)
                batch.append(f)
                if sum(b.rows for b in batch) >= PART_ROWS:
                    flush(key)
            flush()
        return parts

    def _commit(self, parts: list[schema.Part], written: list[str], result: LoadResult) -> None:
        """One transaction: catalog the staged parts (replacing re-published cells), the ledger, the shares."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            # Staged parts move beside the catalogued ones now; should the process die before COMMIT, they are
            # orphans that the next open of the store (read-only too) removes.
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
                    f"INSERT INTO ledger SELECT {', '.join(f'unnest(?::{t}[])' for t in schema.LEDGER_TYPES)}",
                    [list(col) for col in zip(*entries, strict=True)],
                )
            years = sorted({y for part in parts for p in part.files for y in p.years})
            if years:
                self._refresh_reference(years)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            self._define_view()
            raise

    def _write_part(self, files: list[schema.FileRows], known: dict[str, set[str]]) -> schema.Part:
        """Turn files of one layout into canonical rows, check them, and write them as one new Parquet part."""
        import polars as pl

        from sectorhub.lmi.sources import qcew_rows as parse

        numbered = [f.rows_frame.with_columns(file_id=pl.lit(f.file_id, pl.Int32)) for f in files]
        frame = numbered[0] if len(numbered) == 1 else pl.concat(numbered, rechunk=False)
        titles = parse.new_titles(files, known) if files[0].layout.has_titles else {}
        for table, key, _ in schema.TITLES:
            if table in titles:
                known[table].update(titles[table][key].to_list())
        parse.check_codes(frame, {f.file_id: f for f in files})
        parse.check_areas(files, known["area_titles"])
        name = _part_name()
        frame.write_parquet(
            self.staging / name, compression=PART_COMPRESSION, statistics=True, row_group_size=ROW_GROUP
        )
        # Only the written part keeps the rows: memory stays bounded by one part whatever the number of files.
        for f in files:
            f.rows_frame = None
            f.titles = {}
        return schema.Part(name, files, titles)

    def _stream_part(self, item: schema.Input, layout: qcew.Layout, file_id: int) -> schema.Part:
        """Parse, convert and write one large file as one streaming pipeline (less memory, both cores busy).

        The file's SHA-256 is the caller's to set (it is computed meanwhile)."""
        import polars as pl

        from sectorhub.lmi.sources import qcew_rows as parse

        name = _part_name()
        path = self.staging / name
        scan = pl.scan_csv(item.path, schema=parse.parse_schema(layout), quote_char='"').select(
            parse.needed_columns(layout)
        )
        frame = parse.canonical_rows(scan.with_columns(file_id=pl.lit(file_id, pl.Int32)), layout)
        try:
            frame.sink_parquet(path, compression=PART_COMPRESSION, statistics=True, row_group_size=ROW_GROUP)
        except (pl.exceptions.PolarsError, OSError) as exc:
            raise parse.format_error(item, layout, exc) from None
        part = pl.scan_parquet(path)
        stats = parse.stats(part, parse.code_checks(layout))
        f = schema.FileRows(
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
        parse.check_codes(part, {file_id: f}, stats)
        return schema.Part(name, [f], {})

    def _commit_parts(self, parts: list[schema.Part], written: list[str]) -> dict[int, int]:
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

    def _merge_titles(self, parts: list[schema.Part]) -> None:
        """Add titles titled files carry for codes the reference lists lack (e.g. older NAICS codes)."""
        import polars as pl

        for table, key, _ in schema.TITLES:
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
            name = self._copy_part(f"SELECT {schema.canonical_select(have)} FROM _add_rows")
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
        every = set(self.con.execute(schema.refresh_periods(years, with_states=False)).fetchall())
        everywhere = sorted(
            every - set(self.con.execute(schema.refresh_periods(years, with_states=True)).fetchall())
        )
        self.con.execute(
            f"CREATE OR REPLACE TEMP VIEW _refresh_rows AS {schema.refresh_rows(years, everywhere)}"
        )
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
            # `sectorhub data fetch` saves BLS's own ownership and agglevel title files under their official names.
            path = next(
                (p for p in (ref / fname, ref / OFFICIAL_TITLES.get(table, fname)) if p.exists()), ref / fname
            )
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


def _streamable(item: schema.Input, layout: qcew.Layout) -> bool:
    """Large plain files without titles are parsed, converted and written as one streaming pipeline."""
    if layout.has_titles or item.path.stat().st_size < STREAM_BYTES:
        return False
    with open(item.path, "rb") as fh:
        return fh.read(2) != b"\x1f\x8b"


def _reference_areas(f: schema.FileRows) -> bool:
    """Whether a file holds only U.S. and statewide rows (what the national shares are computed from)."""
    return bool(f.areas) and all(
        a == "US000" or (len(a) == 5 and a.isdigit() and a.endswith("000")) for a in f.areas
    )


def _overlaps(a: schema.FileRows, b: schema.FileRows) -> bool:
    """Whether two files may share a cell (a year and an area in common)."""
    return bool(set(a.years) & set(b.years)) and bool(set(a.areas) & set(b.areas))


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
