"""The Eligible Training Provider List upload: a CSV in the layout of docs/funding.md, all rows or none.

Columns (header row, any order, names as written): provider, program, cip_code, credential, cost,
length_weeks, enrollments, completers. A bad row refuses the whole file with its line and column named.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from sectorhub.core.history import record
from sectorhub.funding.models import ProgramUpload, TrainingProgram
from sectorhub.funding.permissions import is_state

COLUMNS = [
    "provider",
    "program",
    "cip_code",
    "credential",
    "cost",
    "length_weeks",
    "enrollments",
    "completers",
]
MAX_ETPL_BYTES = 5 * 1024 * 1024


class EtplFormatError(ValueError):
    """A provider file that is not in the documented layout; the message names the file, line and column."""


def parse_programs(data: bytes, name: str) -> list[dict]:
    """Rows of an ETPL CSV as dicts of clean values; EtplFormatError naming file, line and column otherwise."""
    from sectorhub.lmi.api import CodeError, normalize_cip

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EtplFormatError(f"{name}: not UTF-8 text (byte {exc.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise EtplFormatError(f"{name}: the file is empty")
    header = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise EtplFormatError(
            f"{name}: line 1: missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}"
        )
    index = {c: header.index(c) for c in COLUMNS}
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise EtplFormatError(f"{name}: line {lineno}: {len(row)} fields, the header has {len(header)}")

        def cell(col: str, lineno=lineno, row=row) -> tuple[str, str]:
            return row[index[col]].strip(), f"{name}: line {lineno}, column {index[col] + 1} ({col})"

        out = {}
        for col in ("provider", "program", "credential"):
            value, where = cell(col)
            if not value:
                raise EtplFormatError(f"{where}: empty")
            out[col] = value[:200]
        value, where = cell("cip_code")
        try:
            out["cip_code"] = normalize_cip(value)
        except CodeError as exc:
            raise EtplFormatError(f"{where}: {exc}") from None
        value, where = cell("cost")
        try:
            cost = Decimal(value.replace(",", "").replace("$", ""))
        except InvalidOperation:
            raise EtplFormatError(f"{where}: {value!r} is not an amount of dollars") from None
        if not cost.is_finite() or cost < 0:
            raise EtplFormatError(f"{where}: {value!r} is not an amount of dollars")
        out["cost"] = cost.quantize(Decimal("0.01"))
        for col in ("length_weeks", "enrollments", "completers"):
            value, where = cell(col)
            if not re.fullmatch(r"\d+", value.replace(",", "")):
                raise EtplFormatError(f"{where}: {value!r} is not a whole number")
            out[col] = int(value.replace(",", ""))
        if out["completers"] > out["enrollments"]:
            raise EtplFormatError(
                f"{name}: line {lineno}: {out['completers']} completers but only {out['enrollments']} enrollments"
            )
        rows.append(out)
    if not rows:
        raise EtplFormatError(f"{name}: no programs after the header")
    return rows


@transaction.atomic
def upload_programs(*, user, upload) -> ProgramUpload:
    """Replace the training provider list with the programs of an uploaded CSV (all rows or none)."""
    if not is_state(user):
        raise PermissionDenied("Only state staff upload the training provider list.")
    if upload is None:
        raise ValidationError({"file": "Choose a CSV file."})
    name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(upload.name).name)[:150].lstrip(".") or "programs.csv"
    if upload.size > MAX_ETPL_BYTES:
        raise ValidationError({"file": f"{name}: {upload.size:,} bytes; the limit is 5 MB."})
    data = b"".join(upload.chunks())
    if b"\x00" in data[:4096]:
        raise ValidationError({"file": f"{name} is not a text (CSV) file."})
    try:
        rows = parse_programs(data, name)
    except EtplFormatError as exc:
        raise ValidationError({"file": str(exc)}) from None
    TrainingProgram.objects.all().delete()
    batch = ProgramUpload(
        source_name=name, sha256=hashlib.sha256(data).hexdigest(), rows=len(rows), uploaded_by=user
    )
    record(batch, user=user, reason="Training provider list uploaded")
    batch.save()
    TrainingProgram.objects.bulk_create(
        TrainingProgram(
            upload=batch,
            provider=r["provider"],
            name=r["program"],
            cip_code=r["cip_code"],
            credential=r["credential"],
            cost=r["cost"],
            length_weeks=r["length_weeks"],
            enrollments=r["enrollments"],
            completers=r["completers"],
        )
        for r in rows
    )
    return batch
