"""Checks on uploaded attachments: size, and type by content (magic bytes), not by the name's extension."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ALLOWED = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}


def sniff(head: bytes, data_for_zip: bytes | None = None) -> str | None:
    """The content type the bytes really are (PDF, DOCX, XLSX, PNG, JPEG), or None."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04") and data_for_zip is not None:
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data_for_zip)).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return ALLOWED[".docx"]
        if "xl/workbook.xml" in names:
            return ALLOWED[".xlsx"]
    return None


def check_upload(upload) -> tuple[str, str, bytes, str]:
    """(safe name, content type, bytes, sha256) of an acceptable upload; ValidationError naming the problem."""
    if upload is None:
        raise ValidationError({"file": "Choose a file."})
    name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(upload.name).name)[:150].lstrip(".") or "attachment"
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            {
                "file": f"{name}: {upload.size:,} bytes; the limit is {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB."
            }
        )
    if upload.size == 0:
        raise ValidationError({"file": f"{name} is empty."})
    ext = Path(name).suffix.lower()
    if ext not in ALLOWED:
        raise ValidationError({"file": f"{name}: only PDF, Word (.docx), Excel (.xlsx), PNG and JPEG files."})
    data = b"".join(upload.chunks())
    actual = sniff(data[:16], data)
    if actual != ALLOWED[ext]:
        raise ValidationError(
            {"file": f"{name} is not really a {ext[1:].upper()} file (its content says otherwise)."}
        )
    return name, actual, data, hashlib.sha256(data).hexdigest()
