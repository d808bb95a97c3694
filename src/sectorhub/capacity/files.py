"""Checks on uploaded resource files, by content (magic bytes), never by the name or the browser's type."""

from __future__ import annotations

import io
import zipfile

from django.core.exceptions import ValidationError

MAX_RESOURCE_BYTES = 20 * 1024 * 1024  # 20 MB: a long slide deck or a scanned toolkit

_OFFICE = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
}
ALLOWED = "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), PNG, JPEG, CSV or plain text"


def sniff(data: bytes) -> str:
    """The content type of a resource file judged by its bytes; raises ValidationError for anything else.

    >>> sniff(b"%PDF-1.7 ...")
    'application/pdf'
    """
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile as exc:
            raise ValidationError("The file looks like a damaged Office document.") from exc
        if "[Content_Types].xml" in names:
            for prefix, (content_type, _ext) in _OFFICE.items():
                if any(n.startswith(prefix) for n in names):
                    return content_type
        raise ValidationError(f"Zip archives are not accepted; upload {ALLOWED}.")
    if b"\x00" not in data[:8192]:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return "text/plain"
    raise ValidationError(f"This kind of file is not accepted; upload {ALLOWED}.")


def check_upload(upload) -> tuple[bytes, str]:
    """Read an uploaded file, refusing it when too large or of a type not allowed; returns (bytes, type)."""
    if upload.size > MAX_RESOURCE_BYTES:
        raise ValidationError(
            f"The file is {upload.size / 1_048_576:.1f} MB; the limit is {MAX_RESOURCE_BYTES // 1_048_576} MB."
        )
    data = upload.read()
    if not data:
        raise ValidationError("The file is empty.")
    return data, sniff(data)
