"""Faithful conversions from what a publisher serves to the form the loaders read (used by ``sectorhub data fetch``).

Each converter takes the downloaded file and the data folder and returns the files it wrote, relative to the folder.
Nothing is reinterpreted: cells are copied as text, rows in the publisher's order, and compressed files are
byte-for-byte the publisher's content once decompressed. Every file is written to a temporary name and renamed
into place, so an interrupted conversion leaves no half file under the final name.

* ``qcew_by_area``: BLS's ``{year}_qtrly_by_area.zip`` (every area of the nation) -> the state's county and
  statewide files, the metro, micro and combined areas that name the state, the U.S. aggregates and every other
  statewide file, each gzipped under ``qcew/{year}.q1-q4.by_area/<group>/``.
* ``gzip_copy``: one file gzipped under its target name (QCEW open-data slices).
* ``onet_text``: O*NET's ``db_29_0_text.zip`` -> every ``.txt`` table gzipped under ``onet/db_29_0/``.
* ``cip_soc_sheet``: the NCES crosswalk workbook kept, and its ``CIP-SOC`` sheet written as
  ``CIP2020_SOC2018_Crosswalk.csv`` (UTF-8 with a byte-order mark, CRLF between rows, cells as text).
* ``cbsa_delineation``: Census's OMB delineation ``list1`` workbook (.xls or .xlsx) -> the NBER crosswalk layout
  ``reference/cbsa2fipsxw_2015.csv.gz`` (lower-case column names, FIPS codes without leading zeros).
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import re
import shutil
import zipfile
from pathlib import Path

GZIP_LEVEL = 6


class ConvertError(ValueError):
    """A downloaded file is not in the layout its publisher documents; the message names the file and why."""


def _atomic(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.with_name(path.name + ".tmp")


def _gzip_stream(src, path: Path) -> None:
    """Write ``src`` (a binary file object) gzipped to ``path`` (mtime 0, so equal content gives equal bytes)."""
    tmp = _atomic(path)
    with (
        open(tmp, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=GZIP_LEVEL, mtime=0) as gz,
    ):
        shutil.copyfileobj(src, gz, 1 << 20)
    os.replace(tmp, path)


def gzip_copy(download: Path, dest: Path, target: str) -> list[str]:
    """Gzip one downloaded file to ``dest/target``."""
    with open(download, "rb") as src:
        _gzip_stream(src, dest / target)
    return [target]


def copy_file(download: Path, dest: Path, target: str) -> list[str]:
    """Copy one downloaded file unchanged to ``dest/target``."""
    tmp = _atomic(dest / target)
    shutil.copyfile(download, tmp)
    os.replace(tmp, dest / target)
    return [target]


# ---------------------------------------------------------------------------------------------- QCEW


_BY_AREA_NAME = re.compile(r"^(?P<prefix>\d{4}\.q1-q4) (?P<area>[0-9A-Z]{5}) (?P<title>.+)\.csv$")
US_AGGREGATES = {"US000", "USCMS", "USMSA", "USNMS"}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def qcew_group(area: str, title: str, state_fips: str, state_code: str) -> str | None:
    """Which sub-folder an area's file goes to for a state, or None if the state's demo does not read it.

    >>> qcew_group("39049", "Franklin County, Ohio", "39", "OH"), qcew_group("C1714", "Cincinnati, OH-KY-IN MSA", "39", "OH")
    ('counties_and_statewide', 'metro_micro_csa')
    """
    if area in US_AGGREGATES:
        return "us_aggregates"
    if area.isdigit():
        if area[:2] == state_fips:
            return "counties_and_statewide"
        return "statewide" if area.endswith("000") else None
    if area.startswith("C"):  # MSA (C1814), MicroSA, CSA (CS198): the state codes follow the last comma
        states = title.rsplit(",", 1)[-1].split()[0] if "," in title else ""
        return "metro_micro_csa" if state_code in states.split("-") else None
    return None


def qcew_by_area(download: Path, dest: Path, target: str, *, state_fips: str, state_code: str) -> list[str]:
    """Extract one state's share of BLS's by-area zip into ``dest/target/<group>/`` as ``.csv.gz`` files."""
    written: list[str] = []
    try:
        archive = zipfile.ZipFile(download)
    except zipfile.BadZipFile as exc:
        raise ConvertError(f"{download.name}: not a zip file ({exc})") from exc
    state_name = None
    plan = []
    with archive:
        for info in archive.infolist():
            match = _BY_AREA_NAME.match(Path(info.filename).name)
            if info.is_dir() or not match:
                continue
            group = qcew_group(match["area"], match["title"], state_fips, state_code)
            if group:
                plan.append((info, group))
            if match["area"] == f"{state_fips}000":
                state_name = match["title"].removesuffix(" -- Statewide")
        if state_name is None:
            raise ConvertError(f"{download.name}: no statewide file for state {state_fips} ({state_code})")
        prefix = _slug(state_name)
        for info, group in plan:
            folder = f"{prefix}_{group}" if group in ("counties_and_statewide", "metro_micro_csa") else group
            rel = f"{target}/{folder}/{Path(info.filename).name}.gz"
            with archive.open(info) as src:
                _gzip_stream(src, dest / rel)
            written.append(rel)
    return written


# ---------------------------------------------------------------------------------------------- O*NET


def onet_text(download: Path, dest: Path, target: str) -> list[str]:
    """Gzip every ``.txt`` table of the O*NET text zip into ``dest/target`` under its own name."""
    written = []
    try:
        archive = zipfile.ZipFile(download)
    except zipfile.BadZipFile as exc:
        raise ConvertError(f"{download.name}: not a zip file ({exc})") from exc
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir() and i.filename.lower().endswith(".txt")]
        if not any(Path(i.filename).name == "Occupation Data.txt" for i in members):
            raise ConvertError(f"{download.name}: no 'Occupation Data.txt': not the O*NET text database")
        for info in members:
            rel = f"{target}/{Path(info.filename).name}.gz"
            with archive.open(info) as src:
                _gzip_stream(src, dest / rel)
            written.append(rel)
    return written


# ---------------------------------------------------------------------------------------------- workbooks


def _text(value) -> str:
    """A spreadsheet cell as the text a person sees: integral floats without ``.0``, empty for None."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheet_rows(path: Path, sheet: str | int = 0) -> list[list[str]]:
    """Every row of one sheet of an .xlsx (openpyxl) or .xls (xlrd) workbook, cells as text."""
    with open(path, "rb") as fh:
        magic = fh.read(8)
    try:
        if magic.startswith(b"PK"):
            import openpyxl

            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                ws = wb[sheet] if isinstance(sheet, str) else wb.worksheets[sheet]
                return [[_text(c) for c in row] for row in ws.iter_rows(values_only=True)]
            finally:
                wb.close()
        if magic == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            import xlrd

            book = xlrd.open_workbook(str(path))
            ws = book.sheet_by_name(sheet) if isinstance(sheet, str) else book.sheet_by_index(sheet)
            return [[_text(v) for v in ws.row_values(i)] for i in range(ws.nrows)]
    except KeyError as exc:
        raise ConvertError(f"{path.name}: no sheet {sheet!r}") from exc
    except Exception as exc:  # openpyxl and xlrd raise many types for a damaged workbook
        raise ConvertError(f"{path.name}: not a readable workbook ({type(exc).__name__}: {exc})") from exc
    raise ConvertError(f"{path.name}: not an Excel workbook (starts with {magic!r})")


def _write_csv(
    rows: list[list[str]], path: Path, *, bom: bool, lineterminator: str, compress: bool, final: bool = True
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=lineterminator)
    writer.writerows(rows)
    text = buffer.getvalue() if final else buffer.getvalue().removesuffix(lineterminator)
    data = (("\ufeff" if bom else "") + text).encode("utf-8")
    if compress:
        _gzip_stream(io.BytesIO(data), path)
        return
    tmp = _atomic(path)
    tmp.write_bytes(data)
    os.replace(tmp, path)


CIP_SOC_HEADER = ["CIP2020Code", "CIP2020Title", "SOC2018Code", "SOC2018Title"]


def cip_soc_sheet(download: Path, dest: Path, target: str) -> list[str]:
    """Keep the NCES workbook and write its ``CIP-SOC`` sheet as ``CIP2020_SOC2018_Crosswalk.csv`` beside it."""
    rows = [r[:4] for r in sheet_rows(download, "CIP-SOC") if any(r[:4])]
    if not rows or rows[0] != CIP_SOC_HEADER:
        raise ConvertError(f"{download.name}: sheet CIP-SOC does not start with {', '.join(CIP_SOC_HEADER)}")
    written = copy_file(download, dest, f"{target}/{download.name}")
    csv_rel = f"{target}/CIP2020_SOC2018_Crosswalk.csv"
    # As NCES's own CSV export of the sheet: BOM, CRLF between rows, none after the last.
    _write_csv(rows, dest / csv_rel, bom=True, lineterminator="\r\n", compress=False, final=False)
    return written + [csv_rel]


# Census list 1 column -> NBER crosswalk column (cbsa2fipsxw.csv).
DELINEATION_COLUMNS = {
    "CBSA Code": "cbsacode",
    "Metropolitan Division Code": "metrodivisioncode",
    "CSA Code": "csacode",
    "CBSA Title": "cbsatitle",
    "Metropolitan/Micropolitan Statistical Area": "metropolitanmicropolitanstatis",
    "Metropolitan Division Title": "metropolitandivisiontitle",
    "CSA Title": "csatitle",
    "County/County Equivalent": "countycountyequivalent",
    "State Name": "statename",
    "FIPS State Code": "fipsstatecode",
    "FIPS County Code": "fipscountycode",
    "Central/Outlying County": "centraloutlyingcounty",
}


def cbsa_delineation(download: Path, dest: Path, target: str) -> list[str]:
    """Census's list 1 (title lines, a header row, one row per county, then notes) -> the NBER layout, gzipped.

    The header row is found by its first cell ``CBSA Code``; data rows end at the first row without a CBSA code
    (the notes). FIPS codes lose their leading zeros, as NBER writes them (``39``, ``41``).
    """
    rows = sheet_rows(download, 0)
    start = next((i for i, r in enumerate(rows) if r and r[0].strip() == "CBSA Code"), None)
    if start is None:
        raise ConvertError(
            f"{download.name}: no header row starting 'CBSA Code': not the OMB delineation list 1"
        )
    header = [c.strip() for c in rows[start]]
    missing = [c for c in DELINEATION_COLUMNS if c not in header]
    if missing:
        raise ConvertError(f"{download.name}: line {start + 1}: missing columns {', '.join(missing)}")
    index = [header.index(c) for c in DELINEATION_COLUMNS]
    out = [list(DELINEATION_COLUMNS.values())]
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        row = row + [""] * (len(header) - len(row))
        if not row[index[0]].strip():
            break
        cells = [row[i].strip() for i in index]
        for col in (9, 10):
            if not cells[col].isdigit():
                raise ConvertError(
                    f"{download.name}: line {number}: column {header[index[col]]}: {cells[col]!r}"
                )
            cells[col] = str(int(cells[col]))
        out.append(cells)
    _write_csv(out, dest / target, bom=False, lineterminator="\n", compress=True)
    return [target]
