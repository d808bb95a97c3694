"""The engine's embedded store: BLS QCEW rows in DuckDB, with a ledger of every file loaded.

Loads are atomic and idempotent. A call to :meth:`Store.load` runs in one transaction: either every file of the
batch is loaded or the store is left exactly as it was (a failed, interrupted or killed load changes nothing).
A file whose SHA-256 is already in the ledger is skipped. A file that carries rows already in the store (same
area, ownership, industry, aggregation level, size, year and period) replaces them, so re-publishing a vintage
never duplicates it.

Example::

    >>> with Store.open() as store:                      # doctest: +SKIP
    ...     result = store.load(["../shared/data/qcew/2016.q1-q4.by_area"])
    ...     result.rows_loaded
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from sectorhub.lmi.sources import qcew
from sectorhub.paths import data_dir, home_dir

STORE_FILE = "lmi.duckdb"

PUB_MEASURES = qcew.MEASURES
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS qcew (
    area_fips VARCHAR NOT NULL, own_code VARCHAR NOT NULL, industry_code VARCHAR NOT NULL,
    agglvl_code VARCHAR NOT NULL, size_code VARCHAR NOT NULL, year INTEGER NOT NULL, qtr VARCHAR NOT NULL,
    disclosure_code VARCHAR NOT NULL,
    estabs BIGINT, emp_m1 BIGINT, emp_m2 BIGINT, emp_m3 BIGINT, emplvl DOUBLE,
    total_wages BIGINT, taxable_wages BIGINT, contributions BIGINT, avg_wkly_wage BIGINT, avg_annual_pay BIGINT,
    pub_lq_disclosure_code VARCHAR, {", ".join(f"pub_lq_{m} DOUBLE" for m in PUB_MEASURES)},
    pub_oty_disclosure_code VARCHAR,
    {", ".join(f"pub_oty_{m}_chg DOUBLE, pub_oty_{m}_pct_chg DOUBLE" for m in PUB_MEASURES)},
    file_id INTEGER NOT NULL
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

REFERENCE_FILES = {
    "area_titles": ("qcew_area_titles.csv", "area_fips", "area_title"),
    "industry_titles": ("qcew_industry_titles.csv", "industry_code", "industry_title"),
    "ownership_titles": ("qcew_ownership_titles_2016_derived.csv", "own_code", "own_title"),
    "agglvl_titles": ("qcew_agglvl_titles_2016_derived.csv", "agglvl_code", "agglvl_title"),
}

Progress = Callable[[str, int, int], None]


class LoadError(Exception):
    """A batch that could not be loaded; ``errors`` holds every problem found, each naming file, line, column."""

    def __init__(self, errors: list[qcew.QCEWFormatError]):
        self.errors = errors
        lines = "\n".join(f"  {e}" for e in errors)
        super().__init__(f"nothing was loaded; {len(errors)} problem(s):\n{lines}")


@dataclass
class FileResult:
    """What happened to one file of a load."""

    name: str
    status: str  # "loaded" or "unchanged" (already in the ledger)
    rows: int
    layout: str = ""
    replaced_rows: int = 0


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


class Store:
    """A DuckDB database of QCEW rows, title tables and the load ledger."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path | None):
        self.con = con
        self.path = path
        self._ibis = None

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Store:
        """Open (and create if needed) the store; default ``SECTORHUB_HOME/lmi.duckdb``."""
        path = Path(path) if path else home_dir() / STORE_FILE
        if read_only and not path.exists():
            raise FileNotFoundError(f"no SectorHub store at {path}: run `sectorhub lmi load` first")
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path), read_only=read_only)
        if not read_only:
            con.execute(SCHEMA)
        return cls(con, path)

    @classmethod
    def memory(cls) -> Store:
        """An in-memory store, for notebooks and tests."""
        con = duckdb.connect()
        con.execute(SCHEMA)
        return cls(con, None)

    def close(self) -> None:
        """Close the connection (and release the file lock)."""
        self.con.close()

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

    def sql(self, query: str, params: list | None = None) -> duckdb.DuckDBPyConnection:
        """Run SQL against the store; the result has ``fetchone()``, ``fetchall()`` and ``df()``."""
        return self.con.execute(query, params or [])

    def ledger(self) -> list[dict]:
        """Every file loaded, oldest first."""
        cur = self.con.execute("SELECT * FROM ledger ORDER BY file_id")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    # ------------------------------------------------------------------------------------------ loading

    def load(self, paths: Iterable[str | Path], progress: Progress | None = None) -> LoadResult:
        """Load QCEW files, folders of them or zips, all or nothing; see the module docstring."""
        with contextlib.ExitStack() as stack:
            inputs = list(_expand(paths, stack))
            if not inputs:
                raise LoadError([qcew.QCEWFormatError("(arguments)", None, None, "no QCEW CSV files found")])
            result = LoadResult()
            errors: list[qcew.QCEWFormatError] = []
            self.con.execute("BEGIN TRANSACTION")
            try:
                self._ensure_reference()
                for i, item in enumerate(inputs):
                    if progress:
                        progress(item.name, i, len(inputs))
                    try:
                        result.files.append(self._load_one(item))
                    except qcew.QCEWFormatError as exc:
                        errors.append(exc)
                if errors:
                    raise LoadError(errors)
                if any(f.status == "loaded" for f in result.files):
                    if progress:
                        progress("national reference shares", len(inputs), len(inputs))
                    self._refresh_reference()
                    self.__dict__.pop("_region_state", None)
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            return result

    def _refresh_reference(self) -> None:
        """Recompute what every query needs once per load ("load once, answer many").

        The national reference shares of every loaded period, and annual averages derived from the quarters
        for years BLS's annual file was not loaded for (table ``qcew_annual_derived``).
        """
        import ibis

        from sectorhub.lmi import measures

        q = self.ibis.table("qcew")
        published = q.filter(q.qtr == "A").select("year").distinct()
        derived = measures.annualize(q.anti_join(published, "year"))
        self.con.execute("DROP TABLE IF EXISTS qcew_annual_derived")
        self.con.execute(f"CREATE TABLE qcew_annual_derived AS {ibis.to_sql(derived, dialect='duckdb')}")
        expr = measures.all_references(q)
        self.con.execute("DROP TABLE IF EXISTS reference_shares")
        if expr is not None:
            self.con.execute(f"CREATE TABLE reference_shares AS {ibis.to_sql(expr, dialect='duckdb')}")

    def reference(self, year: int, period: str):
        """The stored national reference shares of one period, as an Ibis table."""
        t = self.ibis.table("reference_shares")
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

    def _load_one(self, item: _Input) -> FileResult:
        sha = _sha256(item.path)
        if self.con.execute("SELECT 1 FROM ledger WHERE sha256 = ?", [sha]).fetchone():
            rows = self.con.execute("SELECT rows FROM ledger WHERE sha256 = ?", [sha]).fetchone()[0]
            return FileResult(item.name, "unchanged", rows)
        layout = qcew.detect_layout(item.name, qcew.read_header(item.path))
        self.con.execute("DROP TABLE IF EXISTS _stage")
        self.con.execute("DROP TABLE IF EXISTS reject_errors")
        self.con.execute("DROP TABLE IF EXISTS reject_scans")
        try:
            self.con.execute(
                f"CREATE TEMP TABLE _stage AS SELECT * FROM {qcew.read_csv_sql(item.path, layout)}"
            )
        except duckdb.Error as exc:
            line = qcew.count_readable_lines(item.path) + 1
            raise qcew.QCEWFormatError(
                item.name, line, None, f"unreadable data ({_first_line(exc)})"
            ) from exc
        self._check_rejects(item)
        self._validate(item, layout)
        file_id = self.con.execute("SELECT coalesce(max(file_id), 0) + 1 FROM ledger").fetchone()[0]
        rows = self._insert(layout, file_id)
        replaced = self._replace_older(file_id)
        if layout.has_titles:
            self._merge_titles()
        summary = self.con.execute(
            "SELECT string_agg(DISTINCT year::VARCHAR, ',' ORDER BY year::VARCHAR), "
            "string_agg(DISTINCT qtr, ',' ORDER BY qtr), count(DISTINCT area_fips) FROM _stage"
        ).fetchone()
        self.con.execute(
            "INSERT INTO ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [file_id, item.name, sha, rows, layout.name, *summary, replaced, datetime.now(UTC)],
        )
        self.con.execute("DROP TABLE _stage")
        return FileResult(item.name, "loaded", rows, layout.name, replaced)

    def _check_rejects(self, item: _Input) -> None:
        """Turn DuckDB's rejected rows (bad numbers, wrong column counts) into errors with line and column."""
        rows = self.con.execute(
            "SELECT line, column_idx, column_name, error_type, error_message FROM reject_errors "
            "ORDER BY line, column_idx LIMIT 5"
        ).fetchall()
        if not rows:
            return
        line, col_idx, col_name, etype, message = rows[0]
        column = f"{col_idx} ({col_name})" if col_name else col_idx
        if etype == "CAST":
            found = re.search(r'Could not convert string "(.*)" to', message)
            message = f"not a number: {found.group(1)!r}" if found else message
        raise qcew.QCEWFormatError(item.name, int(line), column, message)

    def _validate(self, item: _Input, layout: qcew.Layout) -> None:
        """Check codes the parser cannot: area codes, years, periods, disclosure codes.

        The staged table keeps the file's order, so a row's position gives its line (header is line 1).
        """
        period_ok = "qtr IN ('1','2','3','4')" if layout.period == "quarterly" else "qtr = 'A'"
        title_known = "OR (s.area_title IS NOT NULL AND s.area_title <> '')" if layout.has_titles else ""
        checks = [
            (
                "area_fips",
                f"NOT (regexp_full_match(s.area_fips, '{qcew.AREA_CODE.pattern[1:-1]}') AND "
                f"(EXISTS (SELECT 1 FROM area_titles a WHERE a.area_fips = s.area_fips) {title_known}))",
                "unknown area code {!r}",
            ),
            ("year", "NOT regexp_full_match(s.year, '(19|20)[0-9]{2}')", "invalid year {!r}"),
            ("qtr", f"NOT ({period_ok})", "period {!r} does not fit a " + layout.period + " layout"),
            (
                "disclosure_code",
                "coalesce(s.disclosure_code, '') NOT IN ('', 'N', '-')",
                "unknown disclosure code {!r}",
            ),
            ("own_code", "NOT regexp_full_match(s.own_code, '[0-9]')", "invalid ownership code {!r}"),
        ]
        for column, bad, message in checks:
            hit = self.con.execute(
                f"SELECT rowid - (SELECT min(rowid) FROM _stage), {column} FROM _stage s WHERE {bad} ORDER BY rowid LIMIT 1"
            ).fetchone()
            if hit:
                col_no = layout.columns.index(column) + 1
                raise qcew.QCEWFormatError(
                    item.name, int(hit[0]) + 2, f"{col_no} ({column})", message.format(hit[1])
                )

    def _insert(self, layout: qcew.Layout, file_id: int) -> int:
        """Insert the staged rows in canonical form: suppressed values become NULL, never zero."""
        source = {canon: col for col, canon in layout.rename.items()}
        suppressed = "coalesce(disclosure_code, '') IN ('N', '-')"
        lq_suppressed = (
            "coalesce(lq_disclosure_code, '') IN ('N', '-')"
            if "lq_disclosure_code" in layout.columns
            else "false"
        )
        oty_suppressed = (
            "coalesce(oty_disclosure_code, '') IN ('N', '-')"
            if "oty_disclosure_code" in layout.columns
            else "false"
        )

        def measure(m: str) -> str:
            if m == "emplvl" and layout.period == "quarterly":
                expr = '(("month1_emplvl" + "month2_emplvl" + "month3_emplvl") / 3.0)'
            elif m in source:
                expr = f'"{source[m]}"'
            else:
                return "NULL"
            return expr if m == "estabs" else f"CASE WHEN {suppressed} THEN NULL ELSE {expr} END"

        def published(canon: str, measure_name: str, gate: str) -> str:
            if canon not in source:
                return "NULL"
            col = f'"{source[canon]}"'
            return col if measure_name == "estabs" else f"CASE WHEN {gate} THEN NULL ELSE {col} END"

        select = [
            "CASE WHEN regexp_full_match(area_fips, '[0-9]{1,4}') THEN lpad(area_fips, 5, '0') ELSE area_fips END",
            "own_code",
            "industry_code",
            "agglvl_code",
            "size_code",
            "year::INTEGER",
            "qtr",
            "coalesce(disclosure_code, '')",
        ]
        select += [measure(m) for m in PUB_MEASURES]
        select.append(_code_or_null(layout, "lq_disclosure_code"))
        select += [published(f"pub_lq_{m}", m, lq_suppressed) for m in PUB_MEASURES]
        select.append(_code_or_null(layout, "oty_disclosure_code"))
        for m in PUB_MEASURES:
            select.append(published(f"pub_oty_{m}_chg", m, oty_suppressed))
            select.append(published(f"pub_oty_{m}_pct_chg", m, oty_suppressed))
        select.append(str(int(file_id)))
        self.con.execute(f"INSERT INTO qcew SELECT {', '.join(select)} FROM _stage")
        return self.con.execute("SELECT count(*) FROM _stage").fetchone()[0]

    def _replace_older(self, file_id: int) -> int:
        """Delete rows of earlier files that this file re-publishes (same key); return how many."""
        keys = " AND ".join(f"o.{k} = n.{k}" for k in qcew.KEY_COLUMNS)
        scope = self.con.execute(
            "SELECT 1 FROM qcew o WHERE o.file_id <> ? AND o.year IN (SELECT DISTINCT year FROM qcew WHERE file_id = ?) "
            "AND o.area_fips IN (SELECT DISTINCT area_fips FROM qcew WHERE file_id = ?) LIMIT 1",
            [file_id, file_id, file_id],
        ).fetchone()
        if not scope:
            return 0
        before = self.con.execute("SELECT count(*) FROM qcew").fetchone()[0]
        self.con.execute(
            f"DELETE FROM qcew o WHERE o.file_id <> ? AND EXISTS "
            f"(SELECT 1 FROM qcew n WHERE n.file_id = ? AND {keys})",
            [file_id, file_id],
        )
        return before - self.con.execute("SELECT count(*) FROM qcew").fetchone()[0]

    def _merge_titles(self) -> None:
        """Add titles a titled file carries for codes the reference lists lack (e.g. older NAICS codes)."""
        for table, key, title in (
            ("area_titles", "area_fips", "area_title"),
            ("industry_titles", "industry_code", "industry_title"),
            ("ownership_titles", "own_code", "own_title"),
            ("agglvl_titles", "agglvl_code", "agglvl_title"),
        ):
            self.con.execute(
                f"INSERT INTO {table} SELECT DISTINCT ON ({key}) {key}, {title} FROM _stage s "
                f"WHERE {title} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = s.{key})"
            )


def _code_or_null(layout: qcew.Layout, column: str) -> str:
    return f"coalesce({column}, '')" if column in layout.columns else "NULL"


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _is_csv(name: str) -> bool:
    return name.lower().endswith((".csv", ".csv.gz", ".txt", ".txt.gz"))


def _expand(paths: Iterable[str | Path], stack: contextlib.ExitStack) -> Iterator[_Input]:
    """Every CSV named by the arguments: files, folders (recursively, sorted) and zip members."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise LoadError([qcew.QCEWFormatError(path, None, None, "no such file or folder")])
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _is_csv(child.name) or child.suffix.lower() == ".zip":
                    yield from _expand([child], stack)
        elif path.suffix.lower() == ".zip":
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="qcew-zip-", dir=home_dir())))
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
