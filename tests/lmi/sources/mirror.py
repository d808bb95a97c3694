"""A local mirror of the publishers for the fetch tests: the shared files served under each publisher's URL layout.

Everything is built in a temporary folder from ``SECTORHUB_DATA`` (nothing is committed): BLS's by-area zip from
the shared 2016 files (plus two small decoy areas of other states, which the fetch must leave out), the open-data
slices, the title files, O*NET's text zip, NCES's workbook and code list, and Census's delineation list 1 as an
.xls in the Census layout. The server answers HTTP Range requests and can cut a response short on purpose.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import shutil
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sectorhub.lmi.sources.convert import DELINEATION_COLUMNS

BY_AREA = "qcew/2016.q1-q4.by_area"
SIZE_TITLES = "size_code,size_title\n0,All establishment sizes\n1,Fewer than 5 employees\n"
QCEW_HEADER = (
    '"area_fips","own_code","industry_code","agglvl_code","size_code","year","qtr","disclosure_code",'
    '"area_title","own_title","industry_title","agglvl_title","size_title","qtrly_estabs_count",'
    '"month1_emplvl","month2_emplvl","month3_emplvl","total_qtrly_wages"\n'
)
DECOYS = {  # areas of other states that an Ohio fetch must not keep
    "2016.q1-q4 01001 Autauga County, Alabama.csv": '"01001","0","10","70","0","2016","1","","Autauga County, Alabama","Total Covered","10 Total, all industries","County, Total Covered","All establishment sizes","1","2","3","4","5"\n',
    "2016.q1-q4 C1206 Atlanta-Sandy Springs-Roswell, GA MSA.csv": '"C1206","0","10","40","0","2016","1","","Atlanta-Sandy Springs-Roswell, GA MSA","Total Covered","10 Total, all industries","MSA, Total Covered","All establishment sizes","1","2","3","4","5"\n',
}  # fmt: skip


def _gunzip(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(src, "rb") as fh, open(dst, "wb") as out:
        shutil.copyfileobj(fh, out, 1 << 20)


def _census_list1(shared: Path, dst: Path) -> None:
    """Census's list1.xls layout: two title lines, the header, one row per county with padded FIPS, then notes."""
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("List 1")
    ws.write(
        0,
        0,
        "List 1. Core based statistical areas (CBSAs), metropolitan divisions, and combined statistical areas (CSAs)",
    )
    ws.write(1, 0, "July 2015")
    for col, name in enumerate(DELINEATION_COLUMNS):
        ws.write(2, col, name)
    with gzip.open(shared / "reference/cbsa2fipsxw_2015.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r, row in enumerate(rows, start=3):
        for col, key in enumerate(DELINEATION_COLUMNS.values()):
            value = row[key]
            if key == "fipsstatecode":
                value = value.zfill(2)
            elif key == "fipscountycode":
                value = value.zfill(3)
            ws.write(r, col, value)
    ws.write(len(rows) + 4, 0, "Note: The 2015 delineations are effective July 2015.")
    ws.write(len(rows) + 5, 0, "Source: File prepared by U.S. Census Bureau, Population Division.")
    book.save(str(dst))


def build_mirror(shared: Path, root: Path) -> dict[str, Path]:
    """Lay out the mirror under ``root``; returns URL path -> file (paths start with the publisher prefix)."""
    files: dict[str, Path] = {}

    def put(url: str, path: Path) -> None:
        files[url] = path

    ref = shared / "reference"
    put("/bls/cew/doc/titles/area/area_titles.csv", ref / "qcew_area_titles.csv")
    put("/bls/cew/doc/titles/industry/industry_titles.csv", ref / "qcew_industry_titles.csv")
    put("/bls/cew/doc/titles/ownership/ownership_titles.csv", ref / "qcew_ownership_titles_2016_derived.csv")
    put("/bls/cew/doc/titles/agglevel/agglevel_titles.csv", ref / "qcew_agglvl_titles_2016_derived.csv")
    (root / "size_titles.csv").write_text(SIZE_TITLES)
    put("/bls/cew/doc/titles/size/size_titles.csv", root / "size_titles.csv")

    zpath = root / "2016_qtrly_by_area.zip"
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for src in sorted((shared / BY_AREA).rglob("*.csv.gz")):
            with gzip.open(src, "rb") as fh, zf.open(f"2016.q1-q4.by_area/{src.name[:-3]}", "w") as out:
                shutil.copyfileobj(fh, out, 1 << 20)
        for name, row in DECOYS.items():
            zf.writestr(f"2016.q1-q4.by_area/{name}", QCEW_HEADER + row)
    put("/bls/cew/data/files/2016/csv/2016_qtrly_by_area.zip", zpath)

    for src in sorted((shared / "qcew/2020.open_data_slices").glob("*.csv.gz")):
        _, _, year, q, area = src.name[: -len(".csv.gz")].split("-")
        dst = root / "slices" / f"{q}-{area}.csv"
        _gunzip(src, dst)
        put(f"/bls/cew/data/api/{year}/{q}/area/{area}.csv", dst)

    opath = root / "db_29_0_text.zip"
    with zipfile.ZipFile(opath, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for src in sorted((shared / "onet/db_29_0").glob("*.txt.gz")):
            with gzip.open(src, "rb") as fh:
                zf.writestr(f"db_29_0_text/{src.name[:-3]}", fh.read())
    put("/onet/dl_files/database/db_29_0_text.zip", opath)

    put(
        "/nces/ipeds/cipcode/Files/CIP2020_SOC2018_Crosswalk.xlsx",
        shared / "crosswalks/CIP2020_SOC2018_Crosswalk.xlsx",
    )
    put("/nces/ipeds/cipcode/Files/CIPCode2020.csv", shared / "crosswalks/CIPCode2020.csv")
    _census_list1(shared, root / "list1.xls")
    put(
        "/census/programs-surveys/metro-micro/geographies/reference-files/2015/delineation-files/list1.xls",
        root / "list1.xls",
    )
    return files


class Mirror:
    """A threaded HTTP server on 127.0.0.1 (port 0) serving ``files``; ``log`` records (path, Range header)."""

    def __init__(self, files: dict[str, Path]):
        self.files = dict(files)
        self.log: list[tuple[str, str | None]] = []
        self.cut: dict[str, int] = {}  # path -> responses still to cut off half-way
        self.override: dict[str, bytes] = {}  # path -> bytes served instead of the file
        mirror = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_HEAD(self):
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self):
                path = self.path.split("?")[0]
                mirror.log.append((path, self.headers.get("Range")))
                if path in mirror.override:
                    body = mirror.override[path]
                elif path in mirror.files:
                    body = mirror.files[path].read_bytes()
                else:
                    self.send_error(404)
                    return
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                start = 0
                rng = self.headers.get("Range")
                if rng and rng.startswith("bytes=") and self.headers.get("If-Range", etag) == etag:
                    start = int(rng[6:].split("-")[0])
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(body) - start))
                self.send_header("ETag", etag)
                self.send_header("Content-Type", "application/octet-stream")
                self.end_headers()
                chunk = body[start:]
                if mirror.cut.get(path, 0) > 0:
                    mirror.cut[path] -= 1
                    self.wfile.write(chunk[: len(chunk) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(chunk)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def env(self) -> dict[str, str]:
        """The base-URL variables that point every publisher at this mirror."""
        return {
            "SECTORHUB_BLS_BASE_URL": f"{self.url}/bls",
            "SECTORHUB_ONET_BASE_URL": f"{self.url}/onet",
            "SECTORHUB_NCES_BASE_URL": f"{self.url}/nces",
            "SECTORHUB_CENSUS_BASE_URL": f"{self.url}/census",
        }

    def gets(self, suffix: str) -> list[str | None]:
        """The Range headers of every GET whose path ends with ``suffix``."""
        return [rng for path, rng in self.log if path.endswith(suffix)]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
