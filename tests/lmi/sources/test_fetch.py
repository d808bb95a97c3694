"""`sectorhub data fetch` against a local mirror of the publishers (tests/lmi/sources/mirror.py).

The mirror serves the shared files under each publisher's URL layout, so a fetch from it must rebuild the shared
folder: the same decompressed bytes for every QCEW and O*NET file, the same crosswalk CSV, the same delineation,
and a demo loaded from it equal to one loaded from the shared folder (rows, titles, geography).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sectorhub.cli import app
from sectorhub.lmi.sources import convert
from sectorhub.lmi.sources.fetch import MANIFEST, FetchError, fetch_data
from tests.lmi.sources.mirror import BY_AREA, DECOYS, Mirror, build_mirror

ROOT = Path(__file__).resolve().parents[3]


def _content(path: Path) -> str:
    """SHA-256 of a file's content, decompressed when it is gzipped."""
    opener = gzip.open if path.suffix == ".gz" else open
    digest = hashlib.sha256()
    with opener(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@pytest.fixture(scope="session")
def mirror(shared_data, tmp_path_factory):
    """The publishers' mirror on 127.0.0.1 (built once per run: pytest-django runs this module's database test
    before the others, so a module-scoped mirror would be built twice)."""
    files = build_mirror(shared_data, tmp_path_factory.mktemp("mirror"))
    with Mirror(files) as server:
        yield server


@pytest.fixture(autouse=True)
def _publishers_at_the_mirror(mirror, monkeypatch):
    """Every publisher's base-URL variable points at the mirror, for each test of this module only."""
    for name, value in mirror.env().items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="session")
def fetched(mirror, tmp_path_factory):
    """A data folder filled by `sectorhub data fetch --dest` from the mirror (Ohio, 2016)."""
    dest = tmp_path_factory.mktemp("fetched") / "data"
    result = CliRunner().invoke(app, ["data", "fetch", "--dest", str(dest)], env=mirror.env())
    assert result.exit_code == 0, result.output
    return dest


def test_fetch_rebuilds_every_shared_qcew_file_byte_for_byte_and_leaves_other_states_out(
    fetched, shared_data
):
    """Every shared 2016 by-area file comes back under the same path with the same decompressed content; the
    decoy Alabama county and Atlanta MSA in the mirror's zip are not kept (an Ohio fetch keeps Ohio's areas, the
    metros that name OH, the U.S. aggregates and the other statewide files)."""
    shared = {p.relative_to(shared_data): _content(p) for p in (shared_data / BY_AREA).rglob("*.csv.gz")}
    got = {p.relative_to(fetched): _content(p) for p in (fetched / BY_AREA).rglob("*.csv.gz")}
    assert len(shared) == 201
    assert got == shared
    names = {p.name for p in (fetched / BY_AREA).rglob("*")}
    assert not any(name.startswith(tuple(d[:16] for d in DECOYS)) for name in names)


def test_fetch_rebuilds_the_titles_onet_crosswalk_and_delineation(fetched, shared_data):
    """Title files, O*NET tables (gzipped from the zip), the CIP-SOC CSV (from the xlsx's CIP-SOC sheet: the
    very bytes of the shared CSV, BOM and CRLF included) and the NBER-layout delineation (from Census's .xls)."""
    same = [
        "reference/qcew_area_titles.csv",
        "reference/qcew_industry_titles.csv",
        "reference/cbsa2fipsxw_2015.csv.gz",
        "crosswalks/CIP2020_SOC2018_Crosswalk.csv",
        "crosswalks/CIP2020_SOC2018_Crosswalk.xlsx",
        "crosswalks/CIPCode2020.csv",
        *(f"onet/db_29_0/{p.name}" for p in (shared_data / "onet/db_29_0").glob("*.gz")),
        *(
            f"qcew/2020.open_data_slices/qcew-2020-{q}-{a}.csv.gz"
            for q in "a1234"
            for a in ("39049", "39041")
        ),
    ]
    renamed = {
        "reference/qcew_ownership_titles.csv": "reference/qcew_ownership_titles_2016_derived.csv",
        "reference/qcew_agglvl_titles.csv": "reference/qcew_agglvl_titles_2016_derived.csv",
    }
    for rel in same:
        shared_rel = rel.replace("qcew-2020-", "morpc-qcew-2020-")
        assert _content(fetched / rel) == _content(shared_data / shared_rel), rel
    for rel, shared_rel in renamed.items():
        assert _content(fetched / rel) == _content(shared_data / shared_rel), rel
    assert (fetched / "reference/qcew_size_titles.csv").read_text().startswith("size_code,size_title\n0,")


def test_manifest_records_url_date_size_and_hash_of_every_download_and_file(fetched, mirror):
    """Each source's entry names the mirror URL it came from, when, and the SHA-256 and size of the download
    (equal to the served file's) and of every file written from it."""
    manifest = json.loads((fetched / MANIFEST).read_text())["sources"]
    # BLS's 5 title files and zip, 10 open-data slices, O*NET, the crosswalk, the CIP list, the delineation.
    assert len(manifest) == 6 + 10 + 4
    for entry in manifest.values():
        served = mirror.files[entry["url"].removeprefix(mirror.url)]
        assert entry["sha256"] == hashlib.sha256(served.read_bytes()).hexdigest()
        assert entry["size"] == served.stat().st_size
        when = dt.datetime.fromisoformat(entry["fetched"])  # UTC: compared with now, not with a local date
        assert abs(dt.datetime.now(dt.UTC) - when) < dt.timedelta(hours=1) and entry["outputs"]
        for rel, rec in entry["outputs"].items():
            assert hashlib.sha256((fetched / rel).read_bytes()).hexdigest() == rec["sha256"]
    xlsx = manifest["cip2020-soc2018-crosswalk"]
    assert xlsx["sha256"] == "ba3d59a191b9d977a5c457a66b9348c4f2f7963aafacf72c0b80113b46bf0ab8"  # NCES's file


def test_a_second_fetch_of_a_complete_folder_only_checks_it(fetched, mirror):
    """Every download and converted file matches the manifest, so nothing is downloaded or written again."""
    before = {p: p.stat().st_mtime_ns for p in fetched.rglob("*") if p.is_file() and p.name != MANIFEST}
    mirror.log.clear()
    result = fetch_data(fetched)
    assert len(result.kept) == 20 and not result.downloaded and not result.refetched and not result.rewritten
    assert [path for path, _ in mirror.log] == []
    assert before == {
        p: p.stat().st_mtime_ns for p in fetched.rglob("*") if p.is_file() and p.name != MANIFEST
    }


def test_qcew_loaded_from_the_fetched_folder_equals_the_shared_load(
    fetched, loaded_store, tmp_path, monkeypatch
):
    """The demo's QCEW load (web_cli.QCEW_DEMO_FOLDERS) from the fetched folder gives the same 1,045,996 rows
    as the shared folder, value for value, and the same area, industry, ownership and aggregation-level titles."""
    from sectorhub.lmi.store import Store
    from sectorhub.web_cli import QCEW_DEMO_FOLDERS

    columns = "* EXCLUDE (file_id)"
    digest = f"SELECT count(*), sum(hash(COLUMNS({columns}))) FROM qcew"
    titles = ["area_titles", "industry_titles", "ownership_titles", "agglvl_titles"]
    loaded_store._ensure_reference()
    expected = loaded_store.con.execute(digest).fetchall()
    expected_titles = {
        t: loaded_store.con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in titles
    }
    monkeypatch.setenv("SECTORHUB_DATA", str(fetched))
    with Store.open(tmp_path / "lmi.duckdb") as store:
        store.load([fetched / folder for folder in QCEW_DEMO_FOLDERS])
        store._ensure_reference()
        assert store.con.execute(digest).fetchall() == expected
        assert expected[0][0] == 1_045_996
        for t in titles:
            assert store.con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() == expected_titles[t], t


@pytest.mark.django_db
def test_demo_registry_from_the_fetched_folder_equals_the_shared_one(fetched, shared_data, monkeypatch):
    """States, counties, regions (with their counties, metros from the fetched delineation), industries and
    partnerships loaded by the demo from either folder are the same; county outlines come from us-atlas when the
    fetched folder has no geo/, with Ohio's 88 counties under the same GEOIDs and names."""
    from django.db import transaction

    from sectorhub.lmi import places
    from sectorhub.lmi.packages.building import geo
    from sectorhub.partnerships.demo import load_demo

    def snapshot(folder: Path) -> dict:
        from sectorhub.partnerships.models import Industry, Partnership
        from sectorhub.regions.models import County, Region, State

        monkeypatch.setenv("SECTORHUB_DATA", str(folder))
        places._cbsa_counties.cache_clear()
        with transaction.atomic():
            load_demo(password="demo-pass-123")
            snap = {
                "states": sorted(State.objects.values_list("fips", "name")),
                "counties": sorted(County.objects.values_list("fips", "name", "state_id")),
                "regions": sorted(
                    (r.name, r.kind, r.code, tuple(sorted(r.counties.values_list("fips", flat=True))))
                    for r in Region.objects.prefetch_related("counties")
                ),
                "industries": sorted(Industry.objects.values_list("code", "title")),
                "partnerships": sorted(Partnership.objects.values_list("name", flat=True)),
                "metros": [(p.name, p.counties) for p in places.cbsa_regions("39")],
                "outlines": sorted(
                    (f["properties"]["GEOID"], f["properties"]["NAME"]) for f in geo.county_features("39")
                ),
            }
            transaction.set_rollback(True)
        return snap

    ours, theirs = snapshot(fetched), snapshot(shared_data)
    assert not (fetched / "geo").exists()
    assert len(ours["counties"]) > 3000 and len(ours["regions"]) > 20
    assert len(ours["outlines"]) == 88
    assert ours == theirs


def test_a_cut_off_download_resumes_with_a_range_request(mirror, tmp_path):
    """The mirror cuts the O*NET zip off half-way once: the downloader asks for the rest with Range and ends
    with the whole file (the served file's hash); a .part left by an earlier run resumes the same way."""
    path = "/onet/dl_files/database/db_29_0_text.zip"
    served = mirror.files[path].read_bytes()
    mirror.log.clear()
    mirror.cut[path] = 1
    fetch_data(tmp_path, only={"onet-29-0-text"}, backoff=0)
    ranges = mirror.gets("db_29_0_text.zip")
    assert ranges[0] is None and ranges[1] == f"bytes={len(served) // 2}-"
    assert (tmp_path / "downloads/onet/db_29_0_text.zip").read_bytes() == served

    again = tmp_path / "again"
    part = again / "downloads/onet/db_29_0_text.zip.part"
    part.parent.mkdir(parents=True)
    part.write_bytes(served[:1000])
    (again / "downloads/onet/db_29_0_text.zip.part.json").write_text(json.dumps({"url": mirror.url + path}))
    mirror.log.clear()
    fetch_data(again, only={"onet-29-0-text"}, backoff=0)
    assert mirror.gets("db_29_0_text.zip") == ["bytes=1000-"]
    assert (again / "onet/db_29_0/Skills.txt.gz").exists()


def test_a_corrupted_file_is_refused_and_fetched_again(mirror, tmp_path):
    """A download damaged after it was recorded fails its recorded SHA-256: it is deleted and fetched again; a
    damaged converted file is written again from the checked download; an unchanged folder is only checked."""
    keys = {"qcew-area-titles", "onet-29-0-text"}
    fetch_data(tmp_path, only=keys)
    raw = tmp_path / "downloads/bls/area_titles.csv"
    good = raw.read_bytes()
    raw.write_bytes(good.replace(b"Ohio", b"Oxio"))  # same size, other bytes
    skills = tmp_path / "onet/db_29_0/Skills.txt.gz"
    skills.write_bytes(skills.read_bytes()[:100])
    mirror.log.clear()
    result = fetch_data(tmp_path, only=keys)
    assert result.refetched == ["qcew-area-titles"]
    assert result.rewritten == ["onet-29-0-text"]
    assert raw.read_bytes() == good
    assert mirror.gets("area_titles.csv") == [None] and mirror.gets("db_29_0_text.zip") == []
    assert gzip.open(skills).read().startswith(b"O*NET-SOC Code\tTitle\tElement ID")
    assert fetch_data(tmp_path, only=keys).kept == ["qcew-area-titles", "onet-29-0-text"]


def test_a_file_that_differs_from_the_publishers_checksum_is_refused(mirror, tmp_path):
    """NCES's crosswalk has a known SHA-256: a mirror serving other bytes gets a FetchError naming the URL, and
    neither the download nor any converted file is kept."""
    path = "/nces/ipeds/cipcode/Files/CIP2020_SOC2018_Crosswalk.xlsx"
    mirror.override[path] = mirror.files[path].read_bytes()[:-10] + b"0123456789"
    try:
        with pytest.raises(FetchError, match="CIP2020_SOC2018_Crosswalk.xlsx: SHA-256 .* does not match"):
            fetch_data(tmp_path, only={"cip2020-soc2018-crosswalk"})
    finally:
        del mirror.override[path]
    assert not (tmp_path / "downloads/nces/CIP2020_SOC2018_Crosswalk.xlsx").exists()
    assert not (tmp_path / "crosswalks").exists()


def test_an_html_error_page_is_refused(mirror, tmp_path):
    """A server answering with an HTML page where a CSV belongs (as some proxies do) is refused, not saved."""
    path = "/bls/cew/doc/titles/area/area_titles.csv"
    mirror.override[path] = b"<!DOCTYPE html><html><body>Access denied</body></html>"
    try:
        with pytest.raises(FetchError, match="HTML page"):
            fetch_data(tmp_path, only={"qcew-area-titles"})
    finally:
        del mirror.override[path]
    assert not (tmp_path / "reference/qcew_area_titles.csv").exists()


def test_offline_without_the_folder_every_command_gives_one_message_and_status_1(tmp_path):
    """No data folder and no publisher reachable (base URLs at a closed port): `data ensure` (what `make run`
    runs), `data fetch`, `data check` and `demo load` each print the one message naming what is missing and the
    two ways to get it, exit with status 1 and show no traceback; `demo load` is also run as a real process."""
    closed = "http://127.0.0.1:9"  # the discard port: nothing listens on loopback
    env = {
        "SECTORHUB_DATA": str(tmp_path / "no-data"),
        "SECTORHUB_HOME": str(tmp_path / "home"),
        **{f"SECTORHUB_{p}_BASE_URL": closed for p in ("BLS", "ONET", "NCES", "CENSUS")},
    }

    def assert_message(code: int, stderr: str, stdout: str) -> None:
        assert code == 1, stderr
        assert "Traceback" not in stderr + stdout
        assert f"The public data folder {tmp_path / 'no-data'} does not exist" in stderr
        assert "reference/qcew_area_titles.csv" in stderr
        assert "with internet: run `sectorhub data fetch`" in stderr
        assert "without internet: copy a SectorHub data folder" in stderr
        assert stderr.count("Get it one of two ways") == 1

    for args in (["data", "ensure"], ["data", "fetch"], ["data", "check"], ["demo", "load"]):
        result = CliRunner().invoke(app, args, env=env)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert_message(result.exit_code, result.stderr, result.stdout)
    assert "Cannot reach http://127.0.0.1:9" in CliRunner().invoke(app, ["data", "ensure"], env=env).stderr
    done = subprocess.run(
        [str(Path(sys.executable).with_name("sectorhub")), "demo", "load"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert_message(done.returncode, done.stderr, done.stdout)
    assert not (tmp_path / "no-data").exists()


def test_the_cip_soc_sheet_converts_to_the_exact_shared_csv(shared_data, tmp_path):
    """Known answer: the CIP-SOC sheet of NCES's workbook, written by the converter, is byte for byte the CSV
    export in the shared folder (6,097 pairs, UTF-8 with BOM, CRLF between rows, none after the last)."""
    written = convert.cip_soc_sheet(shared_data / "crosswalks/CIP2020_SOC2018_Crosswalk.xlsx", tmp_path, "x")
    assert written[-1] == "x/CIP2020_SOC2018_Crosswalk.csv"
    got = (tmp_path / written[-1]).read_bytes()
    assert got == (shared_data / "crosswalks/CIP2020_SOC2018_Crosswalk.csv").read_bytes()
    assert got.count(b"\r\n") == 6097 and not got.endswith(b"\n")


def test_a_delineation_file_without_the_census_header_is_refused(tmp_path):
    """A workbook that is not list 1 names the file and what is missing."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Something", "else"])
    wb.save(tmp_path / "list1.xlsx")
    with pytest.raises(convert.ConvertError, match="list1.xlsx: no header row starting 'CBSA Code'"):
        convert.cbsa_delineation(tmp_path / "list1.xlsx", tmp_path, "out.csv.gz")
    (tmp_path / "bad.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(convert.ConvertError, match="bad.xls: not a readable workbook"):
        convert.cbsa_delineation(tmp_path / "bad.xls", tmp_path, "out.csv.gz")


def test_ipeds_completions_are_fetched_only_when_asked(mirror, tmp_path):
    """`--ipeds` adds NCES's C{year}_A.zip under ipeds/; the IPEDS reader opens it as fetched. The two-row file
    built here has 12 and 30 first-major completers in CIP 51.3801 at UNITID 204796 (42 in all) and a CIP 99
    grand-total row that the reader drops."""
    import io
    import zipfile

    from sectorhub.lmi.sources import ipeds
    from sectorhub.lmi.sources.fetch import plan

    assert not any(s.key.startswith("ipeds") for s in plan())
    body = io.BytesIO()
    with zipfile.ZipFile(body, "w") as zf:
        zf.writestr(
            "c2023_a.csv",
            "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT\r\n204796,51.3801,1,3,12\r\n204796,51.3801,1,5,30\r\n"
            "204796,99,1,3,42\r\n",
        )
    path = "/nces/ipeds/datacenter/data/C2023_A.zip"
    mirror.override[path] = body.getvalue()
    try:
        fetch_data(tmp_path, ipeds_year=2023, only={"ipeds-c2023-a"})
    finally:
        del mirror.override[path]
    parsed = ipeds.read_completions(tmp_path / "ipeds/C2023_A.zip")
    assert parsed.table.groupby("cip_code")["completers"].sum().to_dict() == {"51.3801": 42}
    assert parsed.total_rows_dropped == 1
