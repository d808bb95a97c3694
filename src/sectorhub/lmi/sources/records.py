"""Participant and UI wage records as CSV (docs/outcomes-inputs.md): checked, typed, as Arrow tables.

Every value the rules use is checked; the first problems are reported with the file, line and column (the header
is line 1), and nothing is returned on failure. The checks are vectorised (Polars), so a file of tens of millions
of wage rows is read in seconds.

Example::

    >>> from sectorhub.lmi.sources import records
    >>> people = records.read_participants("participants.csv")   # doctest: +SKIP
    >>> people.num_rows
    >>> people = records.read_participants(uploaded_bytes, name="participants.csv")   # doctest: +SKIP

A source is a path, or the file's bytes (or a binary file object) with the ``name`` errors should give: a web
upload is read from memory and never written to disk.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

import polars as pl
import pyarrow as pa

PARTICIPANT_COLUMNS = (
    "participant_id",
    "program",
    "partnership",
    "entry_date",
    "exit_date",
    "exclusion",
    "training",
    "credential_date",
    "credential_type",
)
WAGE_COLUMNS = ("participant_id", "year", "quarter", "employer_id", "wages")

EXCLUSIONS = ("institutionalized", "health", "deceased", "reserve_duty", "foster_care")
TRAINING = ("occupational", "other", "ojt", "customized")
CREDENTIALS = (
    "diploma",
    "associate",
    "bachelor",
    "certificate",
    "license",
    "industry_certification",
    "apprenticeship",
    "other",
)
MAX_ERRORS = 20

Source = str | Path | bytes | BinaryIO


class RecordsError(ValueError):
    """A records file that cannot be used; ``errors`` lists "file, line L, column C (name): problem" strings."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        more = "" if len(errors) < MAX_ERRORS else f"\n(first {MAX_ERRORS} problems shown)"
        super().__init__("\n".join(errors) + more)


def _source(source: Source, name: str | None) -> tuple[Path | bytes, str]:
    """What Polars reads (a path, or bytes held in memory) and the name errors give."""
    if isinstance(source, str | Path):
        path = Path(source)
        if not path.is_file():
            raise RecordsError([f"{name or path.name}: no such file"])
        return path, name or path.name
    data = bytes(source) if isinstance(source, bytes | bytearray | memoryview) else source.read()
    return data, name or getattr(source, "name", None) or "records.csv"


def _read_text(source: Source, name: str | None, expected: tuple[str, ...]) -> tuple[pl.DataFrame, str]:
    data, name = _source(source, name)
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]  # a UTF-8 byte-order mark, as spreadsheet programs write
        if not data or data.isspace():
            raise RecordsError([f"{name}: the file is empty"])
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RecordsError([f"{name}: not a UTF-8 CSV file (byte {exc.start + 1})"]) from None
        data = io.BytesIO(data)  # read in memory: nothing of an upload reaches the disk
    try:
        frame = pl.read_csv(data, infer_schema=False, empty_string_is_null=False, encoding="utf8")
    except (pl.exceptions.PolarsError, UnicodeDecodeError) as exc:
        raise RecordsError([f"{name}: not a readable CSV file ({str(exc).splitlines()[0]})"]) from None
    header = [c.strip().lower() for c in frame.columns]
    errors = []
    for i, col in enumerate(header, start=1):
        if col not in expected:
            errors.append(
                f"{name}, line 1, column {i} ({col}): unknown column; expected {', '.join(expected)}"
            )
    for col in expected:
        if col not in header:
            errors.append(f"{name}, line 1: missing column {col}")
    if len(set(header)) != len(header):
        errors.append(f"{name}, line 1: a column appears twice")
    if errors:
        raise RecordsError(errors)
    frame.columns = header
    frame = frame.with_columns(pl.all().fill_null("").str.strip_chars()).with_row_index("_line", offset=2)
    return frame, name


class _Checker:
    def __init__(self, name: str, frame: pl.DataFrame):
        self.name = name
        self.frame = frame
        self.columns = [c for c in frame.columns if c != "_line"]
        self.errors: list[str] = []

    def fail(self, bad: pl.Series | pl.Expr, column: str, problem: str) -> None:
        """Record every line where ``bad`` is true (up to MAX_ERRORS in all)."""
        if len(self.errors) >= MAX_ERRORS:
            return
        rows = self.frame.filter(bad).select("_line", column).head(MAX_ERRORS - len(self.errors))
        col = self.columns.index(column) + 1
        for line, value in rows.iter_rows():
            self.errors.append(
                f"{self.name}, line {line}, column {col} ({column}): {problem.format(value=value)}"
            )

    def required(self, column: str) -> None:
        self.fail(pl.col(column) == "", column, "a value is required")

    def codes(self, column: str, allowed: tuple[str, ...]) -> None:
        ok = (pl.col(column) == "") | pl.col(column).str.to_lowercase().is_in(allowed)
        self.fail(~ok, column, "unknown code {value!r}; expected empty or one of " + ", ".join(allowed))

    def date(self, column: str, *, required: bool = False) -> pl.Expr:
        parsed = pl.col(column).str.to_date("%Y-%m-%d", strict=False)
        if required:
            self.required(column)
        self.fail(
            (pl.col(column) != "") & parsed.is_null(), column, "bad date {value!r} (expected YYYY-MM-DD)"
        )
        return parsed


def read_participants(source: Source, *, name: str | None = None) -> pa.Table:
    """Read a participants CSV (a path, or bytes / a binary file in memory) into an Arrow table."""
    frame, name = _read_text(source, name, PARTICIPANT_COLUMNS)
    check = _Checker(name, frame)
    check.required("participant_id")
    check.required("program")
    entry = check.date("entry_date", required=True)
    exit_ = check.date("exit_date")
    credential = check.date("credential_date")
    check.codes("exclusion", EXCLUSIONS)
    check.codes("training", TRAINING)
    check.codes("credential_type", CREDENTIALS)
    check.fail(exit_ < entry, "exit_date", "exit date {value!r} is before the entry date")
    check.fail(
        (pl.col("credential_type") != "") & (pl.col("credential_date") == ""),
        "credential_date",
        "a credential_type needs its credential_date",
    )
    key = ["participant_id", "program", "entry_date"]
    check.fail(
        pl.struct(key).is_duplicated() & ~pl.struct(key).is_first_distinct(),
        "entry_date",
        "a second period of participation with the same participant_id, program and entry_date {value!r}",
    )
    if check.errors:
        raise RecordsError(check.errors)
    text = pl.col
    out = frame.select(
        text("participant_id"),
        text("program"),
        text("partnership").replace("", None),
        entry.alias("entry_date"),
        exit_.alias("exit_date"),
        text("exclusion").str.to_lowercase().replace("", None),
        text("training").str.to_lowercase().replace("", None),
        credential.alias("credential_date"),
        text("credential_type").str.to_lowercase().replace("", None),
    )
    return out.to_arrow()


def read_wages(source: Source, *, name: str | None = None) -> pa.Table:
    """Read a UI wage-records CSV (a path, or bytes / a binary file in memory) into an Arrow table."""
    frame, name = _read_text(source, name, WAGE_COLUMNS)
    check = _Checker(name, frame)
    check.required("participant_id")
    check.required("employer_id")
    year = pl.col("year").cast(pl.Int32, strict=False)
    quarter = pl.col("quarter").cast(pl.Int32, strict=False)
    wages = pl.col("wages").str.replace_all(",", "").cast(pl.Float64, strict=False)
    check.fail(year.is_null() | (year < 1900) | (year > 2200), "year", "bad year {value!r}")
    check.fail(quarter.is_null() | ~quarter.is_in([1, 2, 3, 4]), "quarter", "bad quarter {value!r} (1 to 4)")
    check.fail(
        wages.is_null() | (wages < 0) | wages.is_nan(),
        "wages",
        "bad wages {value!r} (a number of dollars, 0 or more)",
    )
    if check.errors:
        raise RecordsError(check.errors)
    out = frame.select(
        pl.col("participant_id"),
        year.alias("year"),
        quarter.alias("quarter"),
        pl.col("employer_id"),
        wages.alias("wages"),
    )
    return out.to_arrow()
