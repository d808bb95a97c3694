"""Bad input for every reader and upload: hypothesis strategies for damaged files, and the one check they must pass.

A reader refuses bad bytes properly when, for any input, it either accepts it (a mutation may leave a file valid)
or raises its documented error type whose message names the file and a line, and nothing was stored. Any other
exception fails the test, with hypothesis's smallest example.

Use it for a new CSV upload in three lines::

    from hypothesis import given
    from tests.badinput import FAST, assert_refuses_properly, damaged

    @FAST
    @given(data=damaged(VALID_CSV))             # VALID_CSV: a small valid file built in the test
    def test_my_upload_refuses_bad_bytes(data, tmp_path_factory):
        assert_refuses_properly(my_reader, data, error=MyFormatError, folder=tmp_path_factory.mktemp("u"))

``stored=`` takes a function returning what a refusal must leave unchanged (a row count, a ledger).
"""

from __future__ import annotations

import gzip
import io
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Bounded, repeatable and without deadlines: these tests run in the suite, on a busy machine. For a deeper
# search set SECTORHUB_BADINPUT_EXAMPLES (e.g. 500): examples are then drawn at random, not repeated.
_DEEP = int(os.environ.get("SECTORHUB_BADINPUT_EXAMPLES", "0"))
FAST = settings(
    max_examples=_DEEP or 40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
    derandomize=not _DEEP,
)

BAD_NUMBERS = ["", "x", "12x", "1,5", "-", "NaN", "1e999", "9" * 40, "٣", " 1 2 ", '"', "0x1F"]
BAD_CODES = ["", "?", "ZZZZZ", "1", "0" * 12, "12-34-56", "<script>", "NULL", "é", "\t"]


def _rows(text: str, delimiter: str) -> list[list[str]]:
    return [line.split(delimiter) for line in text.splitlines()]


def _join(rows: list[list[str]], delimiter: str) -> str:
    return "\n".join(delimiter.join(r) for r in rows) + "\n"


@st.composite
def _text_mutation(draw, valid: str, delimiter: str) -> str:
    """One change to the text of a valid file: a column dropped or added, a value made bad, a line cut or copied."""
    rows = _rows(valid, delimiter)
    width = len(rows[0])
    kind = draw(
        st.sampled_from(["drop_column", "add_column", "bad_value", "truncate_line", "drop_line", "copy_line"])
    )
    if kind == "drop_column":
        col = draw(st.integers(0, width - 1))
        rows = [r[:col] + r[col + 1 :] for r in rows]
    elif kind == "add_column":
        col = draw(st.integers(0, width))
        rows = [r[:col] + [draw(st.sampled_from(["extra", "", "1"]))] + r[col:] for r in rows]
    elif kind == "bad_value":
        line = draw(st.integers(0, len(rows) - 1))
        col = draw(st.integers(0, len(rows[line]) - 1))
        rows[line][col] = draw(st.sampled_from(BAD_NUMBERS + BAD_CODES) | st.text(max_size=8))
    elif kind == "truncate_line":
        line = draw(st.integers(0, len(rows) - 1))
        text = delimiter.join(rows[line])
        rows[line] = text[: draw(st.integers(0, len(text)))].split(delimiter)
    elif kind == "drop_line":
        rows.pop(draw(st.integers(0, len(rows) - 1)))
    else:
        line = draw(st.integers(0, len(rows) - 1))
        rows.insert(line, list(rows[line]))
    return _join(rows, delimiter) if rows else ""


@st.composite
def _encoded(draw, text: str) -> bytes:
    """The text in UTF-8, or in an encoding the readers do not expect (UTF-16, Latin-1 with accents)."""
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]))
    if encoding in ("latin-1", "cp1252"):
        text = text.replace("a", "é", 1)
    return text.encode(encoding, errors="replace")


@st.composite
def _packed(draw, data: bytes) -> bytes:
    """The bytes as they are, gzipped or zipped, and maybe then damaged (cut short or a byte flipped)."""
    packing = draw(st.sampled_from(["plain", "plain", "gzip", "zip"]))
    if packing == "gzip":
        data = gzip.compress(data, mtime=0)
    elif packing == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("data.csv", data)
        data = buffer.getvalue()
    damage = draw(st.sampled_from(["none", "none", "cut", "flip"])) if packing != "plain" else "none"
    if damage == "cut" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "flip" and data:
        i = draw(st.integers(0, len(data) - 1))
        data = data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1 :]
    return data


def damaged(valid: str, *, delimiter: str = ",", packings: bool = True) -> st.SearchStrategy[bytes]:
    """Files near a valid one: text mutations, odd encodings, gzip/zip packing and its corruption, or any bytes."""
    mutated = _text_mutation(valid, delimiter) | st.just(valid)
    encoded = mutated.flatmap(_encoded)
    files = encoded.flatmap(_packed) if packings else encoded
    return files | st.binary(max_size=400)


def assert_refuses_properly(
    read: Callable[[Path], object],
    data: bytes,
    *,
    error: type[BaseException] | tuple[type[BaseException], ...],
    folder: Path,
    name: str = "upload.csv",
    stored: Callable[[], object] | None = None,
) -> BaseException | None:
    """Write ``data`` as ``folder/name`` and read it: accepted, or ``error`` naming the file and a line, with
    ``stored()`` unchanged. Any other exception propagates (and fails the test). Returns the error, if any."""
    path = Path(folder) / name
    path.write_bytes(data)
    before = stored() if stored else None
    try:
        read(path)
    except error as exc:
        message = str(exc)
        assert name in message, f"the error does not name the file: {message!r}"
        assert re.search(r"\bline \d+", message), f"the error names no line: {message!r}"
        if stored:
            assert stored() == before, "a refused file changed what is stored"
        return exc
    return None
