"""QCEW files as the store's canonical rows: typed parsing with Polars, checks naming file, line and column.

Beside :mod:`sectorhub.lmi.sources.qcew` (which recognises a file's layout from its header): this module reads
a file with that layout's explicit types, turns it into canonical rows (:func:`canonical_rows`), checks the codes
a parser cannot (years, periods, disclosure and ownership codes, area codes) and expands folders and zips into
the files to read. :class:`sectorhub.lmi.store.Store` drives it.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import polars as pl

from sectorhub.lmi import schema
from sectorhub.lmi.sources import qcew

# The Polars type of each canonical column type (schema.COLUMNS).
POLARS_TYPES = {"VARCHAR": pl.String, "INTEGER": pl.Int32, "BIGINT": pl.Int64, "DOUBLE": pl.Float64}


def file_dtype(column: str) -> pl.DataType:
    """How Polars parses a file column: codes and titles as text, levels as integers, ratios as floats."""
    if column == "year":
        return pl.Int32
    if column in qcew.CODE_COLUMNS or column in qcew.TITLE_COLUMNS or column.endswith("disclosure_code"):
        return pl.String
    if column.startswith("lq_") or column.endswith("_pct_chg"):
        return pl.Float64
    return pl.Int64


def needed_columns(layout: qcew.Layout) -> list[str]:
    """The file columns the store keeps (codes, measures, published LQs and employment changes, titles)."""
    wanted = set(qcew.CODE_COLUMNS)
    if layout.has_titles:
        wanted |= {"area_title", "own_title", "industry_title", "agglvl_title"}
    keep_oty = {f"pub_oty_{m}_chg" for m in schema.PUB_OTY} | {"pub_oty_disclosure_code"}
    for col, canon in layout.rename.items():
        if not canon.startswith("pub_oty_") or canon in keep_oty:
            wanted.add(col)
    return [c for c in layout.columns if c in wanted]


_NOT_PARSED = re.compile(r"could not parse `(?P<value>[^`]*)` as dtype `[^`]*` at column '(?P<column>[^']+)'")


def parse_schema(layout: qcew.Layout) -> dict[str, pl.DataType]:
    return {c: file_dtype(c) for c in layout.columns}


def read(item: schema.Input, layout: qcew.Layout) -> pl.DataFrame:
    """Parse one file with explicit types; a bad value or stream raises QCEWFormatError with line and column."""
    try:
        return pl.read_csv(
            item.path, schema=parse_schema(layout), columns=needed_columns(layout), quote_char='"'
        )
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise format_error(item, layout, exc) from None


def format_error(item: schema.Input, layout: qcew.Layout, exc: Exception) -> qcew.QCEWFormatError:
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


def stats(frame: pl.LazyFrame, checks: list[tuple[str, pl.Expr, str]]) -> dict:
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


def read_noted(
    item: schema.Input, layout: qcew.Layout
) -> tuple[pl.DataFrame, list[int], str, list[str], dict]:
    """Read one file as canonical rows and note what it holds: years, periods, areas (ledger, catalog) and the
    titles it carries, one per code. The parsed columns (titles included) are dropped here, on the reader's
    thread, so a batch waiting to be written holds only canonical rows."""
    raw = read(item, layout)
    years = sorted(int(y) for y in raw["year"].unique().to_list() if y is not None)
    periods = ",".join(sorted(q for q in raw["qtr"].unique().to_list() if q is not None))
    areas = sorted(
        {qcew.normalize_area_code(a) for a in raw["area_fips"].unique().to_list() if a is not None}
    )
    titles = {}
    if layout.has_titles:
        titles = {
            table: raw.select(key, title).filter(pl.col(key).is_not_null()).unique(subset=[key], keep="first")
            for table, key, title in schema.TITLES
        }
    short = bool(raw.height) and (raw["area_fips"].str.len_bytes().min() or 5) < 5  # None: every code null
    rows = canonical_rows(raw.with_columns(file_id=pl.lit(0, pl.Int32)), layout, short)
    return rows, years, periods, areas, titles


def file_rows(item: schema.Input, layout: qcew.Layout, sha: str, file_id: int, noted) -> schema.FileRows:
    rows, years, periods, areas, titles = noted
    missing = rows["area_fips"].null_count()
    return schema.FileRows(
        item, layout, sha, file_id, rows, years, periods, areas, rows.height, missing, titles
    )


def canonical_rows(raw, layout: qcew.Layout, short_areas: bool = True):
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
    # ones into NULL from the disclosure codes (schema.VIEW_COLUMNS), so no reader ever sees them as zeros.
    exprs: dict[str, pl.Expr] = {
        "area_fips": area,
        **{c: pl.col(c) for c in ("own_code", "industry_code", "agglvl_code", "size_code", "qtr", "file_id")},
        "year": pl.col("year"),
        "disclosure_code": disclosure,
    }
    for m in schema.PUB_MEASURES:
        if m == "emplvl" and layout.period == "quarterly":
            months = [pl.col(source[f"emp_m{k}"]) for k in (1, 2, 3)]
            exprs[m] = (months[0] + months[1] + months[2]).cast(pl.Float64) / 3.0
        else:
            exprs[m] = pl.col(source[m]) if m in source else pl.lit(None)
    lq_code, oty_code = source.get("pub_lq_disclosure_code"), source.get("pub_oty_disclosure_code")
    exprs["pub_lq_disclosure_code"] = pl.col(lq_code).fill_null("") if lq_code else pl.lit(None)
    for m in schema.PUB_MEASURES:
        col = source.get(f"pub_lq_{m}")
        exprs[f"pub_lq_{m}"] = pl.lit(None) if col is None else pl.col(col)
    exprs["pub_oty_disclosure_code"] = pl.col(oty_code).fill_null("") if oty_code else pl.lit(None)
    for m in schema.PUB_OTY:
        col = source.get(f"pub_oty_{m}_chg")
        exprs[f"pub_oty_{m}_chg"] = pl.lit(None) if col is None else pl.col(col)
    frame = raw.select(**{c: exprs[c].cast(POLARS_TYPES[t]) for c, t in schema.COLUMNS})
    return frame


def new_titles(files: list[schema.FileRows], known: dict[str, set[str]]) -> dict[str, pl.DataFrame]:
    """Titles titled files carry for codes the title tables lack."""
    titles = {}
    for table, key, title in schema.TITLES:
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


def code_checks(layout: qcew.Layout) -> list[tuple[str, pl.Expr, str]]:
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


def check_codes(frame: pl.DataFrame, files: dict[int, schema.FileRows], bad: dict | None = None) -> None:
    """Raise QCEWFormatError (file, line, column) for the first row failing a code check.

    ``bad``: which checks failed, when the caller computed them already (``bad_<column>`` flags).
    """
    layout = next(iter(files.values())).layout
    checks = code_checks(layout)
    frame = frame.lazy()
    if bad is None:
        bad = frame.select(**{f"bad_{c}": expr.any() for c, expr, _ in checks}).collect().row(0, named=True)
    for column, expr, message in checks:
        if not bad[f"bad_{column}"]:
            continue
        first = frame.filter(expr).head(1).collect().row(0, named=True)
        value, f = first[column], files[first["file_id"]]
        col_no = f.layout.columns.index(column)
        line = qcew.find_line(f.item.path, col_no, lambda v, want=value, col=column: same_code(col, v, want))
        short = qcew.find_short_row(f.item.path, len(f.layout.columns)) if line is None else None
        if short is not None:  # the parser filled a row's missing fields with nulls: that row is the fault
            line, fields = short
            raise qcew.QCEWFormatError(
                f.item.name, line, None, f"{fields} field(s) where the header has {len(f.layout.columns)}"
            )
        raise qcew.QCEWFormatError(f.item.name, line, f"{col_no + 1} ({column})", message.format(value))


def check_areas(files: list[schema.FileRows], known: set[str]) -> None:
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


def same_code(column: str, raw: str, want) -> bool:
    """Whether a raw CSV field holds the offending value (codes compared as the store normalises them)."""
    raw = raw.strip()
    if column == "area_fips":
        return qcew.normalize_area_code(raw) == want
    if column == "year":
        return not raw.isdigit() or str(want) == raw or want is None
    return raw == ("" if want is None else str(want))


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def is_csv(name: str) -> bool:
    return name.lower().endswith((".csv", ".csv.gz", ".txt", ".txt.gz"))


def expand(paths: Iterable[str | Path], stack: contextlib.ExitStack, scratch: Path) -> Iterator[schema.Input]:
    """Every CSV named by the arguments: files, folders (recursively, sorted) and zip members (unzipped into
    ``scratch``, the load's staging folder, so a killed load leaves none behind)."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise schema.LoadError([qcew.QCEWFormatError(path, None, None, "no such file or folder")])
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if is_csv(child.name) or child.suffix.lower() == ".zip":
                    yield from expand([child], stack, scratch)
        elif path.suffix.lower() == ".zip":
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="zip-", dir=scratch)))
            try:
                archive = stack.enter_context(zipfile.ZipFile(path))
            except zipfile.BadZipFile as exc:
                raise schema.LoadError(
                    [qcew.QCEWFormatError(path, None, None, f"not a zip file: {exc}")]
                ) from exc
            for member in sorted(archive.namelist()):
                if member.endswith("/") or not is_csv(member):
                    continue
                target = tmp / f"{len(list(tmp.iterdir()))}-{Path(member).name}"
                with archive.open(member) as src, open(target, "wb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                yield schema.Input(target, f"{path.name}!{member}")
        elif is_csv(path.name) or path.suffix.lower() == ".gz":
            yield schema.Input(path, str(path))
        else:
            raise schema.LoadError([qcew.QCEWFormatError(path, None, None, "not a CSV, gzip or zip file")])
