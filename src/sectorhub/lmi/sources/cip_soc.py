"""NCES CIP 2020 -> SOC 2018 crosswalk (CSV export of the ``CIP-SOC`` sheet) and the CIP 2020 code list.

Files (under ``data_dir()/crosswalks``): ``CIP2020_SOC2018_Crosswalk.csv`` (UTF-8 with a byte-order mark; columns
``CIP2020Code, CIP2020Title, SOC2018Code, SOC2018Title``) and ``CIPCode2020.csv`` (Excel-style ``="01.0101"`` cells).
Pairs whose SOC is ``99-9999`` (NCES's "NO MATCH") are kept apart: a program without an occupation link
supplies no occupation, and the allocation reports it as unallocated instead of dropping it silently.

Example::

    >>> from sectorhub.lmi.sources import cip_soc
    >>> cip_soc.read_crosswalk().query("cip_code == '51.3801'")   # doctest: +SKIP
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from sectorhub.paths import data_dir, require_data

SOURCE = "NCES/BLS CIP 2020 to SOC 2018 Crosswalk (nces.ed.gov/ipeds/cipcode)"
CROSSWALK_FILE = "CIP2020_SOC2018_Crosswalk.csv"
CIP_LIST_FILE = "CIPCode2020.csv"
CROSSWALK_COLUMNS = ["CIP2020Code", "CIP2020Title", "SOC2018Code", "SOC2018Title"]
NO_MATCH_SOC = "99-9999"
NO_MATCH_CIP = "99.9999"

_CIP6 = re.compile(r"^\d{2}\.\d{4}$")
_SOC = re.compile(r"^\d{2}-\d{4}$")


class CodeError(ValueError):
    """A CIP or SOC code that is malformed or not in the classification."""


def crosswalk_dir(base: Path | None = None) -> Path:
    """The crosswalk folder (``data_dir()/crosswalks`` unless given)."""
    return Path(base) if base else data_dir() / "crosswalks"


def normalize_cip(code: str) -> str:
    """Write a 6-digit CIP code as ``NN.NNNN``: accepts ``51.3801``, ``513801``, ``="51.3801"``, ``1.0101``.

    Raises CodeError for anything else (2- and 4-digit family codes included: they are not programs).
    """
    text = str(code).strip()
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    if re.fullmatch(r"\d{6}", text):
        text = f"{text[:2]}.{text[2:]}"
    if re.fullmatch(r"\d\.\d{4}", text):  # a spreadsheet dropped the leading zero
        text = "0" + text
    if not _CIP6.match(text):
        raise CodeError(f"not a 6-digit CIP code: {code!r} (expected the form 51.3801)")
    return text


def normalize_soc(code: str) -> str:
    """Write a SOC code as ``NN-NNNN`` (accepts ``151252``); raises CodeError otherwise."""
    text = str(code).strip()
    if re.fullmatch(r"\d{6}", text):
        text = f"{text[:2]}-{text[2:]}"
    if not _SOC.match(text):
        raise CodeError(f"not a SOC code: {code!r} (expected the form 15-1252)")
    return text


def read_crosswalk(path: Path | None = None) -> pd.DataFrame:
    """The crosswalk as cip_code, cip_title, soc_code, soc_title (NO MATCH rows included, flagged by code)."""
    path = (
        Path(path) if path else require_data(f"crosswalks/{CROSSWALK_FILE}") / "crosswalks" / CROSSWALK_FILE
    )
    try:
        return _read_crosswalk(path)
    except (UnicodeDecodeError, csv.Error) as exc:
        line = _line_of(path, exc)
        raise CodeError(f"{path}: line {line}: not a UTF-8 CSV file ({exc})") from None


def _line_of(path: Path, exc: Exception) -> int:
    """The line a decoding error falls on (1 when unknown)."""
    start = getattr(exc, "start", None)
    if start is None:
        return 1
    return path.read_bytes()[: start + 3].count(b"\n") + 1  # +3: the byte-order mark utf-8-sig skipped


def _read_crosswalk(path: Path) -> pd.DataFrame:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None or [h.strip() for h in header] != CROSSWALK_COLUMNS:
            raise CodeError(f"{path}: line 1: expected columns {CROSSWALK_COLUMNS}, found {header}")
        rows = []
        for lineno, row in enumerate(reader, start=2):
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != 4:
                raise CodeError(f"{path}: line {lineno}: expected 4 fields, found {len(row)}")
            try:
                cip = normalize_cip(row[0])
                soc = normalize_soc(row[2])
            except CodeError as exc:
                raise CodeError(f"{path}: line {lineno}: {exc}") from exc
            rows.append((cip, row[1].strip(), soc, row[3].strip()))
    return pd.DataFrame(rows, columns=["cip_code", "cip_title", "soc_code", "soc_title"])


def cip_soc_links(path: Path | None = None) -> pd.DataFrame:
    """The crosswalk without NO MATCH rows: the pairs where a program prepares for an occupation."""
    df = read_crosswalk(path)
    return df[(df["soc_code"] != NO_MATCH_SOC) & (df["cip_code"] != NO_MATCH_CIP)].reset_index(drop=True)


def _strip_excel(text: str) -> str:
    text = text.strip()
    if text.startswith('="') and text.endswith('"'):
        return text[2:-1]
    return text


def read_cip_codes(path: Path | None = None) -> pd.DataFrame:
    """The CIP 2020 code list: cip_family, cip_code, action, cip_title, cip_level (2, 4 or 6 digits)."""
    path = Path(path) if path else require_data(f"crosswalks/{CIP_LIST_FILE}") / "crosswalks" / CIP_LIST_FILE
    try:
        df = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise CodeError(f"{path}: line 1: empty file (expected the CIP code list header)") from None
    except pd.errors.ParserError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise CodeError(f"{path}: line {found.group(1) if found else 1}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise CodeError(f"{path}: line {_line_of(path, exc)}: not a UTF-8 CSV file ({exc})") from None
    for column in ("CIPFamily", "CIPCode", "Action", "CIPTitle"):
        if column not in df.columns:
            raise CodeError(f"{path}: line 1: missing column {column!r}; found {list(df.columns)}")
    out = pd.DataFrame(
        {
            "cip_family": df["CIPFamily"].map(_strip_excel),
            "cip_code": df["CIPCode"].map(_strip_excel),
            "action": df["Action"].str.strip(),
            "cip_title": df["CIPTitle"].str.strip().str.rstrip("."),
        }
    )
    out["cip_level"] = out["cip_code"].str.replace(".", "", regex=False).str.len()
    return out


def check_cip_codes(codes, known: set[str]) -> list[str]:
    """Normalize codes and raise CodeError naming every code that is not in ``known`` (6-digit CIP codes)."""
    normalized = [normalize_cip(c) for c in codes]
    unknown = sorted({c for c in normalized if c not in known})
    if unknown:
        shown = ", ".join(unknown[:10]) + (" ..." if len(unknown) > 10 else "")
        raise CodeError(f"{len(unknown)} CIP code(s) not in CIP 2020: {shown}")
    return normalized
