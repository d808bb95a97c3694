"""The supply section of a data package: known values from the publishers' files, the same numbers in every format,
the O*NET attribution on every output that uses O*NET, and a training gap only when its inputs are given."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sqlite3

import pandas as pd
import pytest

from sectorhub.lmi.packages import build_package, render
from sectorhub.lmi.packages.rendering.data import format_value
from sectorhub.lmi.packages.supply_side.section import SupplyInputs
from sectorhub.lmi.sources import oews
from sectorhub.lmi.sources.onet import ATTRIBUTION
from tests.lmi.conftest import county_file
from tests.lmi.packages.conftest import REGION

SUPPLY_KEYS = ["supply_occupations", "supply_skills", "supply_training"]
LINEWORKER = "46.0303"  # CIP 2020 "Lineworker." -> SOC 49-1011 and 49-9051 in the NCES crosswalk


@pytest.fixture(scope="module")
def utilities(small_store):
    """Delaware + Union, 2016 Q1, private, with Utilities (22) as the target sector and training-gap inputs."""
    inputs = SupplyInputs(
        sectors=["22"],
        completions=pd.DataFrame({"cip_code": [LINEWORKER], "completers": [30]}),
        completions_source="test completions",
        separation_rate=0.1,
        separation_source="0.1 for every occupation (test)",
        top=100,
    )
    return build_package(
        small_store, REGION, 2016, "1", level=2, ownership="5", name="DU", section_options={"supply": inputs}
    )


@pytest.fixture(scope="module")
def outputs(utilities):
    """The utilities package rendered once: JSON data, the workbook and the PDF's text (whitespace collapsed)."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(render(utilities, "pdf")))
    return {
        "json": json.loads(render(utilities, "json")),
        "xlsx": load_workbook(io.BytesIO(render(utilities, "xlsx"))),
        "pdf": re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages)),
    }


def _row(pkg, key, soc):
    return next(r for r in pkg.section(key).rows if r["soc_code"] == soc)


def _oews_cell(key: str, datatype: str) -> float:
    """One value straight from the OEWS May 2025 database (``cell`` table, column v<datatype>)."""
    conn = sqlite3.connect(str(oews.database_path()))
    try:
        (value,) = conn.execute(f"SELECT v{datatype} FROM cell WHERE key = ?", (key,)).fetchone()
    finally:
        conn.close()
    return float(value)


def _county_221(shared_data, fips: str) -> tuple[list[float], list[float]]:
    """Months 1-3 of private NAICS 221, 2016 Q1, and their over-the-year changes, from the BLS county file."""
    with gzip.open(county_file(shared_data, fips), "rt", encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            if (r["own_code"], r["industry_code"], r["qtr"]) == ("5", "221", "1"):
                months = [float(r[f"month{m}_emplvl"]) for m in (1, 2, 3)]
                changes = [float(r[f"oty_month{m}_emplvl_chg"]) for m in (1, 2, 3)]
                return months, changes
    raise AssertionError(f"no private NAICS 221 row in {fips}")


def test_every_package_has_the_supply_sections_after_the_demand_sections(package):
    """The default package (no supply inputs) still carries all three supply sections, last."""
    keys = [s.key for s in package.sections]
    assert keys[-3:] == SUPPLY_KEYS
    assert keys.index("industries") < keys.index("supply_occupations")


def test_default_target_sectors_are_the_industries_classed_strong_or_emerging(package):
    """Every strong or emerging industry is named in the occupation section's intro, no mature or at-risk one."""
    intro = package.section("supply_occupations").intro
    for r in package.industries:
        named = f"{r['industry_title']} ({r['industry_code']})" in intro
        assert named == (r["target_class"] in ("strong", "emerging")), r["industry_code"]


def test_occupation_jobs_growth_and_wage_are_worked_from_the_publishers_files(utilities, shared_data):
    """Electrical power-line installers (49-9051) in the region's utilities, by hand:

    QCEW private NAICS 221, 2016 Q1 (county files): Delaware 142, 140, 139 and Union 101, 101, 99 jobs, so
    E1 = 722/3 = 240.67; over-the-year changes 6, 2, -1 and 4, 4, 3, so E0 = (136+138+140 + 97+97+96)/3 = 704/3.
    OEWS May 2025 national Utilities (221000): 49-9051 has 65,310 of 598,000 jobs, share 0.109214.
    Jobs = 240.67 x 0.109214 = 26.28 -> 26; growth = 722/704 - 1 = 2.557 % -> 2.6.
    Median wage: the Columbus, OH metro cell (both counties lie in CBSA 18140), datatype 13.
    """
    (m1, c1), (m2, c2) = _county_221(shared_data, "39041"), _county_221(shared_data, "39159")
    e1 = (sum(m1) + sum(m2)) / 3
    e0 = (
        sum(a - b for a, b in zip(m1, c1, strict=True)) + sum(a - b for a, b in zip(m2, c2, strict=True))
    ) / 3
    assert (round(e1 * 3), round(e0 * 3)) == (722, 704)
    share = _oews_cell("OEUN0000000221000499051", "01") / _oews_cell("OEUN0000000221000000000", "01")
    row = _row(utilities, "supply_occupations", "49-9051")
    assert row["employment"] == round(e1 * share) == 26
    assert row["growth_pct"] == round((e1 / e0 - 1) * 100, 1) == 2.6
    assert row["median_wage"] == _oews_cell("OEUM0018140000000499051", "13") == 81760
    assert row["wage_source"] == "OEWS May 2025, Columbus, OH"
    assert row["sector"] == "Utilities (22)"


def test_the_training_gap_is_worked_by_hand_when_completions_and_a_separation_rate_are_given(utilities):
    """49-9051 with 30 Lineworker completers and a separation rate of 0.1, by hand:

    Lineworker (46.0303) links to 2 SOCs (49-1011, 49-9051): equal split, 15 completers each; potential 30.
    Jobs 240.67 x 0.109214 = 26.284; implied annual change = 0.109214 x (722 - 704)/3 = 0.6553;
    openings = 0.6553 + 0.1 x 26.284 = 3.284 -> 3; gap = 3.284 - 15 = -11.72 -> -12; ratio = 15 / 3.284 = 4.57.
    """
    row = _row(utilities, "supply_training", "49-9051")
    assert (row["openings"], row["supply"], row["potential_supply"]) == (3, 15, 30)
    assert (row["gap"], row["ratio"]) == (-12, 4.57)
    names = [s.name for s in utilities.sources]
    assert any("IPEDS" in n for n in names) and "Occupational separation rates" in names


def test_without_completions_or_a_separation_rate_the_gap_table_says_what_is_missing(package, small_store):
    """No rows and no invented numbers: the section names each missing input; with completions only, just the rate."""
    section = package.section("supply_training")
    assert section.rows == []
    assert "program completions by CIP" in section.intro and "separation rates" in section.intro
    only_completions = SupplyInputs(completions=pd.DataFrame({"cip_code": [LINEWORKER], "completers": [30]}))
    pkg = build_package(small_store, REGION, 2016, "1", level=2, section_options={"supply": only_completions})
    intro = pkg.section("supply_training").intro
    assert pkg.section("supply_training").rows == []
    assert "separation rates" in intro and "program completions" not in intro


def test_the_pdf_the_workbook_and_the_json_hold_the_same_supply_numbers(outputs):
    """Every number of the three supply sections: JSON value = Excel cell, and its formatted text is in the PDF."""
    sections = {s["key"]: s for s in outputs["json"]["sections"]}
    wb, text = outputs["xlsx"], outputs["pdf"]
    checked = 0
    for key, sheet in zip(SUPPLY_KEYS, ("Occupations", "Skills", "Training gaps"), strict=True):
        section, ws = sections[key], wb[sheet]
        header = [c.value for c in ws[4]]
        assert header == [c["label"] for c in section["columns"]]
        assert section["rows"], key
        for i, row in enumerate(section["rows"], start=5):
            for j, col in enumerate(section["columns"], start=1):
                if col["kind"] == "text":
                    continue
                assert ws.cell(row=i, column=j).value == row[col["key"]], (key, i, col["key"])
                if row[col["key"]] is not None:
                    assert format_value(row[col["key"]], col["kind"]) in text, (key, col["key"])
                    checked += 1
    assert checked > 60


def test_the_onet_attribution_is_on_the_page_in_the_pdf_and_in_the_workbook(utilities, outputs):
    """The CC BY 4.0 text appears once in each output: the HTML, the PDF's text, the workbook (its notes on the
    Sources and notes sheet) and the JSON notes; the O*NET sheets cite O*NET as their source."""
    assert render(utilities, "html").decode().count(ATTRIBUTION) == 1
    assert outputs["pdf"].count(re.sub(r"\s+", " ", ATTRIBUTION)) == 1
    found = {
        ws.title: sum(1 for row in ws.iter_rows() for c in row if c.value == ATTRIBUTION)
        for ws in outputs["xlsx"].worksheets
    }
    assert found["Sources and notes"] == 1 and sum(found.values()) == 1
    for sheet in ("Occupations", "Skills"):
        ws = outputs["xlsx"][sheet]
        assert any(
            isinstance(c.value, str) and c.value.startswith("O*NET 29.0")
            for row in ws.iter_rows()
            for c in row
        )
    assert outputs["json"]["notes"].count(ATTRIBUTION) == 1


def test_the_skills_table_lists_the_important_elements_with_supply_minus_demand(utilities):
    """Rows are elements the sector rates at least 3 ('Important'); difference = workforce level - sector level."""
    rows = utilities.section("supply_skills").rows
    assert rows and all(r["demand_importance"] >= 3 for r in rows)
    for r in rows:
        assert abs(r["difference"] - (r["supply_level"] - r["demand_level"])) <= 0.011
    assert [r["difference"] for r in rows] == sorted(r["difference"] for r in rows)


def test_the_package_html_links_occupations_when_given_a_link_pattern(utilities):
    """The web page passes a URL pattern; each SOC cell of the occupation table becomes a link."""
    from sectorhub.lmi.packages.rendering.html import fragment

    html = fragment(utilities, "embed", links={"soc_code": "/occupations/{value}/?region=7"})
    assert '<a class="usa-link" href="/occupations/49-9051/?region=7">49-9051</a>' in html


def test_package_build_refuses_a_completions_file_with_a_wrong_header(tmp_path):
    """The CLI names the file, line 1 and the missing columns, before opening any store."""
    from typer.testing import CliRunner

    from sectorhub.cli import app

    bad = tmp_path / "c2023_a.csv"
    bad.write_text("UNITID,CIP,AWLEVEL\n100654,51.3801,5\n")
    result = CliRunner().invoke(
        app,
        [
            "package",
            "build",
            "--counties",
            "39041",
            "--out",
            str(tmp_path / "p.json"),
            "--completions",
            str(bad),
        ],
    )
    out = " ".join(result.output.split())  # rich wraps long lines
    assert result.exit_code == 1
    assert "c2023_a.csv: line 1" in out and "CIPCODE" in out and "MAJORNUM" in out
    result = CliRunner().invoke(
        app,
        [
            "package",
            "build",
            "--counties",
            "39041",
            "--out",
            str(tmp_path / "p.json"),
            "--separation-rate",
            "1.5",
        ],
    )
    assert result.exit_code == 1 and "fraction from 0 to 1" in " ".join(result.output.split())


def test_without_the_onet_files_the_package_still_builds_and_says_what_is_missing(
    small_store, monkeypatch, tmp_path
):
    """A deployment without O*NET: the demand side is intact; each supply section names the missing file."""
    from sectorhub.lmi.sources import onet

    monkeypatch.setattr(onet, "onet_dir", lambda base=None: tmp_path / "no-onet")
    pkg = build_package(
        small_store, REGION, 2016, "1", level=2, section_options={"supply": SupplyInputs(sectors=["22"])}
    )
    assert pkg.section("industries").rows
    for key in SUPPLY_KEYS:
        section = pkg.section(key)
        assert section.rows == [] and "O*NET file not found" in section.intro, key


def test_the_build_options_read_an_ipeds_file_and_a_separation_rate_file(tmp_path):
    """First majors only, institution totals (CIPCODE 99) dropped: 30 + 12 = 42 completers in two programs.

    The rates file gives one rate per SOC; a rate outside 0..1 is refused with its line number.
    """
    from sectorhub.lmi.packages.cli.supply import supply_options

    ipeds = tmp_path / "c2023_a.csv"
    ipeds.write_text(
        "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT\n"
        "204796,46.0303,1,2,30\n"
        "204796,51.3801,1,3,12\n"
        "204796,51.3801,2,3,5\n"
        "204796,99,1,3,42\n"
    )
    rates = tmp_path / "rates.csv"
    rates.write_text("soc_code,separation_rate\n49-9051,0.08\n29-1141,0.06\n")
    inputs = supply_options("22, 62", ipeds, str(rates))["supply"]
    assert inputs.sectors == ["22", "62"]
    assert inputs.completions.groupby("cip_code")["completers"].sum().to_dict() == {
        "46.0303": 30,
        "51.3801": 12,
    }
    assert inputs.separation_rate.to_dict() == {"49-9051": 0.08, "29-1141": 0.06}
    assert "42 completers" in inputs.completions_source
    rates.write_text("soc_code,separation_rate\n49-9051,0.08\n29-1141,6\n")
    with pytest.raises(ValueError, match="line 3"):
        supply_options(None, None, str(rates))
