"""Reading a CSV sign-in sheet into attendance rows; a bad row is refused with its line and column.

The layout is documented in docs/capacity.md. The whole file is checked before anything is stored, and the file
itself is never kept.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

MAX_SHEET_BYTES = 1024 * 1024  # 1 MB: thousands of rows
REQUIRED = ("name",)
KNOWN = ("name", "email", "organization", "region", "partnership", "attended")
_YES = {"", "yes", "y", "1", "true", "x", "present", "attended"}
_NO = {"no", "n", "0", "false", "absent", "registered"}


@dataclass(frozen=True)
class SheetRow:
    """One person's line of the sheet, as read (names are matched against the registry by the service)."""

    line: int
    name: str
    email: str
    organization: str
    region: str
    partnership: str
    attended: bool


def _norm(text: str) -> str:
    """Trimmed text with runs of spaces as one space."""
    return " ".join((text or "").split())


def read_sheet(data: bytes, file_name: str = "sign-in sheet") -> list[SheetRow]:
    """The sheet's rows, or ValidationError listing every bad cell as "file, line N, column C: problem"."""
    if len(data) > MAX_SHEET_BYTES:
        raise ValidationError(f"{file_name}: the file is larger than {MAX_SHEET_BYTES // 1024} KB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValidationError(
            f"{file_name}, line {line}: not UTF-8 text; save the sheet as CSV UTF-8."
        ) from exc
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise ValidationError(f"{file_name}: the file is empty.")
    columns = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ValidationError(
            f"{file_name}, line 1: missing column {', '.join(missing)} (have: {', '.join(columns)})."
        )
    unknown = [c for c in columns if c not in KNOWN]
    if unknown:
        raise ValidationError(
            f"{file_name}, line 1: unknown column {unknown[0]!r}; expected {', '.join(KNOWN)}."
        )
    errors, rows = [], []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(columns):
            errors.append(f"{file_name}, line {line}: {len(values)} values for {len(columns)} columns.")
            continue
        cell = {c: _norm(v) for c, v in zip(columns, values, strict=True)}
        if not cell["name"]:
            errors.append(f"{file_name}, line {line}, column name: the name is empty.")
            continue
        email = cell.get("email", "").lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(f"{file_name}, line {line}, column email: {email!r} is not an e-mail address.")
                continue
        attended = cell.get("attended", "").lower()
        if attended not in _YES | _NO:
            errors.append(f"{file_name}, line {line}, column attended: {attended!r} is not yes or no.")
            continue
        rows.append(
            SheetRow(
                line=line,
                name=cell["name"],
                email=email,
                organization=cell.get("organization", ""),
                region=cell.get("region", ""),
                partnership=cell.get("partnership", ""),
                attended=attended in _YES,
            )
        )
    if errors:
        raise ValidationError(errors)
    if not rows:
        raise ValidationError(f"{file_name}: no people listed below the header.")
    return rows
