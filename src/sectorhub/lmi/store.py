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


class Store:
    """A DuckDB database of QCEW rows, title tables and the load ledger."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path | None):
        self.con = con
        self.path = path
        self._ibis = None
        self._tables: dict = {}

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Store:
        """Open (and create if needed) the store; default ``SECTORHUB_HOME/lmi.duckdb``."""
        path = Path(path) if path else home_dir() / STORE_FILE
        if read_only and not path.exists():
            raise FileNotFoundError(f"no SectorHub store at {path}: run `sectorhub lmi load` first")
        path.parent.mkdir(parents=True, exist_ok=True)
        # The CLI shows its own progress; DuckDB's bar would interleave with it.
        con = duckdb.connect(str(path), read_only=read_only)
        con.execute("SET enable_progress_bar = false")
        if not read_only:
            con.execute(SCHEMA)
        return cls(con, path)

    @classmethod
    def memory(cls) -> Store:
        """An in-memory store, for notebooks and tests."""
        con = duckdb.connect()
        con.execute("SET enable_progress_bar = false")
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

    def table(self, name: str):
        """An Ibis table of the store, cached until the next load (each lookup otherwise queries the schema)."""
        if name not in self._tables:
            self._tables[name] = self.ibis.table(name)
        return self._tables[name]

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
            # Every header is checked before anything is written, so all layout problems are reported at once.
            layouts, errors = [], []
            for item in inputs:
                try:
                    layouts.append(qcew.detect_layout(item.name, qcew.read_header(item.path)))
                except qcew.QCEWFormatError as exc:
                    errors.append(exc)
            if errors:
                raise LoadError(errors)
            result = LoadResult()
            order = self.con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()[0]
            # Lines are located from the file itself when a check fails, so the scan need not keep order.
            self.con.execute("SET preserve_insertion_order = false")
            self.con.execute("BEGIN TRANSACTION")
            try:
                self._ensure_reference()
                for i, (item, layout) in enumerate(zip(inputs, layouts, strict=True)):
                    if progress:
                        progress(item.name, i, len(inputs))
                    try:
                        result.files.append(self._load_one(item, layout))
                    except qcew.QCEWFormatError as exc:
                        # DuckDB aborts the transaction on a failed statement: stop at the first bad file.
                        raise LoadError([exc]) from None
                years = sorted({y for f in result.files if f.status == "loaded" for y in f.years})
                if years:
                    if progress:
                        progress("national reference shares", len(inputs), len(inputs))
                    self._refresh_reference(years)
                    self.__dict__.pop("_region_state", None)
                    self._tables.clear()
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            finally:
                self.con.execute(f"SET preserve_insertion_order = {str(order).lower()}")
            return result

    def _refresh_reference(self, years: list[int]) -> None:
        """Recompute, for the years a load touched, what every query needs ("load once, answer many").

        The national reference shares of every period of those years, and annual averages derived from the
        quarters for years BLS's annual file was not loaded for (table ``qcew_annual_derived``).
        """
        import ibis

        from sectorhub.lmi import measures

        q = self.ibis.table("qcew")
        q = q.filter(q.year.isin(years))
        published = q.filter(q.qtr == "A").select("year").distinct()
        targets = {
            "qcew_annual_derived": measures.annualize(q.anti_join(published, "year")),
            "reference_shares": measures.all_references(q, estimate=self._needs_estimate(years)),
        }
        existing = {r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        for table, expr in targets.items():
            sql = ibis.to_sql(expr, dialect="duckdb")
            if table in existing:
                self.con.execute(f"DELETE FROM {table} WHERE year IN (SELECT unnest(?::INTEGER[]))", [years])
                self.con.execute(f"INSERT INTO {table} {sql}")
            else:
                self.con.execute(f"CREATE TABLE {table} AS {sql}")

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

    def _load_one(self, item: _Input, layout: qcew.Layout) -> FileResult:
        sha = _sha256(item.path)
        known = self.con.execute("SELECT rows FROM ledger WHERE sha256 = ?", [sha]).fetchone()
        if known:
            return FileResult(item.name, "unchanged", known[0])
        file_id = self.con.execute("SELECT coalesce(max(file_id), 0) + 1 FROM ledger").fetchone()[0]
        self.con.execute("DROP TABLE IF EXISTS reject_errors")
        self.con.execute("DROP TABLE IF EXISTS reject_scans")
        previous = self.con.execute(
            "SELECT table_type FROM information_schema.tables WHERE table_name = '_stage'"
        ).fetchone()
        if previous:
            self.con.execute(f"DROP {'VIEW' if previous[0] == 'VIEW' else 'TABLE'} _stage")
        # Titled files (by area, by industry) are read once into a scratch table, since both the titles and
        # the rows are taken from them; single files, the large ones, are parsed straight into the store.
        kind = "TABLE" if layout.has_titles else "VIEW"
        try:
            self.con.execute(
                f"CREATE TEMP {kind} _stage AS SELECT * FROM {qcew.read_csv_sql(item.path, layout)}"
            )
            if layout.has_titles:
                self._merge_titles()
            rows = self._insert(layout, file_id)
        except duckdb.Error as exc:
            line = qcew.count_readable_lines(item.path) + 1
            raise qcew.QCEWFormatError(
                item.name, line, None, f"unreadable data ({_first_line(exc)})"
            ) from exc
        self._check_rejects(item)
        self._validate(item, layout, file_id)
        replaced = self._replace_older(file_id)
        years, periods, areas = self.con.execute(
            "SELECT list(DISTINCT year ORDER BY year), string_agg(DISTINCT qtr, ',' ORDER BY qtr), "
            "count(DISTINCT area_fips) FROM qcew WHERE file_id = ?",
            [file_id],
        ).fetchone()
        self.con.execute(
            "INSERT INTO ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                file_id,
                item.name,
                sha,
                rows,
                layout.name,
                ",".join(map(str, years)),
                periods,
                areas,
                replaced,
                datetime.now(UTC),
            ],
        )
        return FileResult(item.name, "loaded", rows, layout.name, replaced, tuple(years))

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

    def _validate(self, item: _Input, layout: qcew.Layout, file_id: int) -> None:
        """Check codes the parser cannot (area codes, years, periods, disclosure and ownership codes).

        The checks run on the rows just inserted; the line of the first offending value is then found in the
        file itself (only on this error path).
        """
        period_ok = "qtr IN ('1','2','3','4')" if layout.period == "quarterly" else "qtr = 'A'"
        checks = [
            (
                "area_fips",
                f"NOT (regexp_full_match(s.area_fips, '{qcew.AREA_CODE.pattern[1:-1]}') AND "
                "EXISTS (SELECT 1 FROM area_titles a WHERE a.area_fips = s.area_fips))",
                "unknown area code {!r}",
            ),
            ("year", "s.year IS NULL OR s.year NOT BETWEEN 1975 AND 2100", "invalid year {!r}"),
            ("qtr", f"NOT ({period_ok})", "period {!r} does not fit a " + layout.period + " layout"),
            ("disclosure_code", "s.disclosure_code NOT IN ('', 'N', '-')", "unknown disclosure code {!r}"),
            ("own_code", "NOT regexp_full_match(s.own_code, '[0-9]')", "invalid ownership code {!r}"),
        ]
        where = " OR ".join(f"({bad})" for _, bad, _ in checks)
        hit = self.con.execute(
            f"SELECT {', '.join(c for c, _, _ in checks)} FROM qcew s WHERE s.file_id = ? AND ({where}) LIMIT 1",
            [file_id],
        ).fetchone()
        if not hit:
            return
        values = dict(zip([c for c, _, _ in checks], hit, strict=True))
        for column, bad, message in checks:
            still = self.con.execute(
                f"SELECT 1 FROM (SELECT ?::VARCHAR AS area_fips, ?::INTEGER AS year, ?::VARCHAR AS qtr, "
                f"?::VARCHAR AS disclosure_code, ?::VARCHAR AS own_code) s WHERE {bad}",
                [
                    values["area_fips"],
                    values["year"],
                    values["qtr"],
                    values["disclosure_code"],
                    values["own_code"],
                ],
            ).fetchone()
            if still:
                col_no = layout.columns.index(column) + 1
                shown = values[column]
                line = qcew.find_line(
                    item.path, col_no - 1, lambda v, want=shown, col=column: _same_code(col, v, want)
                )
                raise qcew.QCEWFormatError(item.name, line, f"{col_no} ({column})", message.format(shown))

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
            "TRY_CAST(year AS INTEGER)",
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
        return self.con.execute(f"INSERT INTO qcew SELECT {', '.join(select)} FROM _stage").fetchone()[0]

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
                f"INSERT INTO {table} SELECT DISTINCT ON (k) k, {title} FROM (SELECT "
                f"{_normalized(key)} AS k, {title} FROM _stage) s "
                f"WHERE {title} IS NOT NULL AND {title} <> '' AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = s.k)"
            )


def _normalized(key: str) -> str:
    """SQL restoring the leading zero of a numeric area code that a spreadsheet stripped."""
    if key != "area_fips":
        return key
    return (
        "CASE WHEN regexp_full_match(area_fips, '[0-9]{1,4}') THEN lpad(area_fips, 5, '0') ELSE area_fips END"
    )


def _same_code(column: str, raw: str, want) -> bool:
    """Whether a raw CSV field holds the offending value (codes compared as the store normalises them)."""
    raw = raw.strip()
    if column == "area_fips":
        return qcew.normalize_area_code(raw) == want
    if column == "year":
        return not raw.isdigit() or str(want) == raw or want is None
    return raw == ("" if want is None else str(want))


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
