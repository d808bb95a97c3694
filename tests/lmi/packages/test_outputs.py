"""Suppression display, and the PDF, workbook, CSV and HTML holding the same numbers as the JSON package."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from openpyxl import load_workbook

from sectorhub.lmi.packages import build_package, render
from sectorhub.lmi.packages.rendering.data import format_value


@pytest.fixture(scope="module")
def union(small_store):
    """Union County alone: BLS suppresses its private professional services (54) in Q1 2016."""
    return build_package(small_store, ["39159"], 2016, "1", name="Union County")


def _row(pkg, code):
    return next(r for r in pkg.industries if r["industry_code"] == code)


def test_a_cell_suppressed_in_every_county_is_shown_as_suppressed_never_zero(union):
    """Union's 39159/5/54 row has disclosure code N (BLS writes month1_emplvl 0): status suppressed, value None,
    the page says 'suppressed', the workbook holds the text 'suppressed', the CSV leaves the number empty."""
    row = _row(union, "54")
    assert row["employment"] is None and row["employment_status"] == "suppressed"
    assert row["establishments"] == 118  # establishment counts stay published
    html = render(union, "html").decode()
    cell = re.search(r'data-section="industries".*?<td>54</td>.*?</tr>', html, re.S).group(0)
    assert "suppressed" in cell and ">0<" not in cell
    wb = load_workbook(io.BytesIO(render(union, "xlsx")))
    ws = wb["Industries"]
    codes = [c.value for c in ws["A"]]
    r = codes.index("54") + 1
    header = [c.value for c in ws[4]]
    assert ws.cell(row=r, column=header.index("Employment") + 1).value == "suppressed"
    rows = list(csv.DictReader(io.StringIO(render(union, "csv").decode())))
    got = next(x for x in rows if x["industry_code"] == "54")
    assert got["employment"] == "" and got["employment_status"] == "suppressed"


def test_a_region_sum_with_a_suppressed_county_is_a_lower_bound(package):
    """Agriculture (11) is suppressed in Delaware and published in Union: the region figure is Union's alone,
    marked as a lower bound ('≥') and left unclassified; its average wage is not shown."""
    row = _row(package, "11")
    assert row["employment_status"] == "lower bound"
    assert row["target_class"] is None and "lower bound" in row["target_reason"]
    assert row["avg_weekly_wage"] is None and row["wage_status"] == "not shown"  # Union's wage is no bound
    assert format_value(row["employment"], "int", "lower bound").startswith("≥ ")
    assert f"≥ {row['employment']:,}" in render(package, "html").decode()


def test_the_pdf_text_holds_the_json_numbers(package):
    """Every industry's employment, LQs and growth, and the summary totals, appear in the PDF's text as in the
    JSON package (pypdf text extraction)."""
    from pypdf import PdfReader

    data = json.loads(render(package, "json"))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(render(package, "pdf"))).pages)
    text = re.sub(r"\s+", " ", text)
    for row in data["industries"]:
        for key, kind in (("employment", "int"), ("lq_nation", "float2"), ("lq_state", "float2")):
            status = row["employment_status"]
            want = format_value(row[key], kind, status)
            assert want in text, (row["industry_code"], key, want)
    q1 = data["summary"][0]
    assert f"{q1['region_employment']:,}" in text and f"{q1['nation_employment']:,}" in text
    assert "U.S. Bureau of Labor Statistics" in text


def test_the_workbook_cells_hold_the_json_numbers(package):
    """The Industries sheet: one row per industry, numbers equal to the JSON's, header frozen, sources sheet."""
    data = json.loads(render(package, "json"))
    wb = load_workbook(io.BytesIO(render(package, "xlsx")))
    ws = wb["Industries"]
    assert ws.freeze_panes == "C5"
    header = [c.value for c in ws[4]]
    col = {label: header.index(label) + 1 for label in header}
    for i, row in enumerate(data["industries"], start=5):
        assert ws.cell(row=i, column=1).value == row["industry_code"]
        for label, key in (
            ("Employment", "employment"),
            ("LQ vs nation", "lq_nation"),
            ("Growth (%)", "growth_pct"),
        ):
            value = ws.cell(row=i, column=col[label]).value
            assert value == (row[key] if row[key] is not None else value), (row["industry_code"], key)
            if row[key] is not None:
                assert value == row[key]
    summary = wb["Summary"]
    assert summary.cell(row=5, column=3).value == data["summary"][0]["region_employment"]
    sources = wb["Sources and notes"]
    assert "Quarterly Census of Employment and Wages" in sources["A3"].value
    assert "Charts" in wb.sheetnames


def test_charts_are_vega_lite_specs_with_the_region_counties(package):
    """The bubble chart plots every classified industry; the map colours the two region counties of Ohio's 88."""
    bubble = package.charts["targets"]
    assert bubble["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    values = bubble["data"]["values"]
    classified = {r["industry_code"] for r in package.industries if r["target_class"]}
    assert {v["code"] for v in values} == classified
    features = package.charts["map"]["data"]["values"]
    assert len(features) == 88
    assert sorted(f["properties"]["GEOID"] for f in features if f["properties"]["in_region"]) == [
        "39041",
        "39159",
    ]


def test_estimates_are_an_extra_labelled_column_never_the_published_figure(small_store):
    """With estimates: published industries' estimate equals their employment; a lower-bound industry keeps its
    '≥' published figure and gets an estimate at least as large in its own 'Estimate (SectorHub)' column."""
    pkg = build_package(small_store, ["39041", "39159"], 2016, "1", estimates=True)
    for row in pkg.industries:
        if row["employment_status"] == "published":
            assert row["employment_estimate"] == row["employment"] and not row["estimated"]
        elif row["employment_status"] == "lower bound":
            assert row["estimated"] and row["employment_estimate"] >= row["employment"]
    assert any("not BLS figures" in n for n in pkg.notes)
    header = [c.value for c in load_workbook(io.BytesIO(render(pkg, "xlsx")))["Industries"][4]]
    assert header[header.index("Employment") + 1] == "Estimate (SectorHub)"
