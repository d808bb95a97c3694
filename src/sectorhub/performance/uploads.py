"""An upload handler that keeps files in memory only, for records files that hold people's raw identifiers.

Django writes an upload larger than FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) to a temporary file on disk. A
participants file must never reach the disk, so the records upload replaces the request's handlers with this one
before anything reads the body (docs: "Modifying upload handlers on the fly", which is why that view is
csrf_exempt and checks the token itself with csrf_protect). A file above the limit is skipped as it arrives and
named in ``too_large``; nothing of it is kept.
"""

from __future__ import annotations

import io

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopFutureHandlers


class MemoryOnlyUploadHandler(FileUploadHandler):
    """Hold each uploaded file in a BytesIO up to ``limit`` bytes; skip (and name) any file above it."""

    def __init__(self, request=None, *, limit: int):
        super().__init__(request)
        self.limit = limit
        self.too_large: list[str] = []
        self.buffer: io.BytesIO | None = None

    def new_file(self, *args, **kwargs):
        """Start a file in memory; no other handler (and so no temporary file) sees it."""
        super().new_file(*args, **kwargs)
        self.buffer = io.BytesIO()
        raise StopFutureHandlers()

    def receive_data_chunk(self, raw_data, start):
        """Keep the chunk, or drop the whole file once it passes the limit."""
        if start + len(raw_data) > self.limit:
            self.too_large.append(self.field_name)
            self.buffer = None
            raise SkipFile()
        self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size):
        """The file as an in-memory upload."""
        if self.buffer is None:
            return None
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
