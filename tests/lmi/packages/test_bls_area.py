"""Regions that are exactly a BLS metro area use BLS's own figures; with estimates on, every industry is classified.

Truth is BLS's own Columbus, OH MSA file (C1814, 2016 Q1, private ownership, NAICS sectors), read here with the
csv module: employment is the mean of the three monthly levels, the LQ the mean of the three monthly LQs, growth
``(e1 − e0) / e0`` with ``e0 = mean(month − oty_month_chg)``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest

from tests.lmi.conftest import COLUMBUS_MSA_COUNTIES

MSA_FILE = "qcew/2016.q1-q4.by_area/ohio_metro_micro_csa/2016.q1-q4 C1814 Columbus, OH MSA.csv.gz"


@pytest.fixture(scope="module")
def bls_sectors(shared_data) -> dict[str, dict]:
    """C1814's private NAICS-sector rows of 2016 Q1, as BLS wrote them."""
    with gzip.open(shared_data / MSA_FILE, "rt", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    return {
        r["industry_code"]: r
        for r in rows
        if r["own_code"] == "5" and r["agglvl_code"] == "44" and r["qtr"] == "1" and r["size_code"] == "0"
    }


@pytest.fixture(scope="module")
def msa_package(loaded_store):
    from sectorhub.lmi.packages import build_package

    return build_package(loaded_store, COLUMBUS_MSA_COUNTIES, 2016, "1", level=2, ownership="5")


@pytest.fixture(scope="module")
def msa_estimates(loaded_store):
    from sectorhub.lmi.packages import build_package

    return build_package(
        loaded_store, COLUMBUS_MSA_COUNTIES, 2016, "1", level=2, ownership="5", estimates=True
    )


def test_bls_areas_finds_the_metro_whose_counties_are_exactly_the_region(shared_data):
    from sectorhub.lmi.places import bls_areas

    areas = bls_areas(COLUMBUS_MSA_COUNTIES)
    assert [(a.code, a.name, a.kind) for a in areas] == [("C1814", "Columbus, OH", "metro")]
    assert bls_areas(COLUMBUS_MSA_COUNTIES[:-1]) == []  # nine of the ten counties: not an area BLS publishes
    assert bls_areas([*COLUMBUS_MSA_COUNTIES, "39101"]) == []  # plus Marion County: still not the CSA
    # Findlay-Tiffin CSA (CS248) is Hancock (Findlay MicroSA) and Seneca (Tiffin MicroSA) counties.
    assert [a.code for a in bls_areas(["39063", "39147"])] == ["CS248"]


def test_the_package_of_the_msa_holds_bls_own_figures(msa_package, bls_sectors):
    pkg = msa_package
    assert pkg.bls_area == {"code": "C1814", "title": "Columbus, OH", "kind": "metro"}
    rows = {r["industry_code"]: r for r in pkg.industries}
    assert set(rows) == set(bls_sectors)
    for code, b in bls_sectors.items():
        r = rows[code]
        if b["disclosure_code"] == "N":
            assert (r["employment"], r["employment_status"]) == (None, "suppressed"), code
            continue
        months = [float(b[f"month{i}_emplvl"]) for i in (1, 2, 3)]
        e1 = sum(months) / 3
        e0 = sum(m - float(b[f"oty_month{i}_emplvl_chg"]) for i, m in zip((1, 2, 3), months, strict=True)) / 3
        lq = sum(float(b[f"lq_month{i}_emplvl"]) for i in (1, 2, 3)) / 3
        assert r["employment"] == round(e1), code
        assert r["employment_status"] == "published", code
        assert r["lq_nation"] == pytest.approx(round(lq, 2), abs=0.005), code
        assert r["growth_pct"] == pytest.approx(round((e1 - e0) / e0 * 100, 1), abs=0.051), code
        assert r["avg_weekly_wage"] == int(b["avg_wkly_wage"]), code
    # Professional services (54): 57,512 jobs in month 1 in BLS's file, not the 54,841 the counties sum to.
    assert rows["54"]["employment"] == round((57512 + 57822 + 57838) / 3)
    # Four sectors are suppressed in the MSA file (22, 48-49, 55, 56); summing the counties leaves more unknown.
    assert sum(r["employment_status"] == "suppressed" for r in pkg.industries) == 4


def test_every_format_says_the_figures_are_the_metro_files(msa_package):
    from openpyxl import load_workbook

    from sectorhub.lmi.packages import render

    pkg = msa_package
    said = "its industry figures are BLS's own for the area"
    assert any("QCEW area C1814" in n and said in n for n in pkg.notes)
    assert any("(C1814)" in s.name for s in pkg.sources)
    assert "QCEW area C1814" in render(pkg, "html").decode()
    assert "QCEW area C1814" in render(pkg, "json").decode()
    wb = load_workbook(io.BytesIO(render(pkg, "xlsx")))
    cells = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value]
    assert any("QCEW area C1814" in c for c in cells)
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(render(pkg, "pdf"))).pages)
    assert "C1814" in text and "Metropolitan Statistical Area" in text


def test_without_estimates_the_package_counts_the_unclassified_and_offers_estimates(msa_package):
    assert msa_package.unclassified_suppressed == 4
    note = next(n for n in msa_package.notes if "not classified in the target-industry view" in n)
    assert note.startswith("4 of 20 industries") and "--estimates" in note


def test_with_estimates_every_industry_is_classified_and_flagged(msa_estimates):
    pkg = msa_estimates
    assert pkg.unclassified_suppressed == 0
    assert pkg.estimated_industries == 4
    floor = pkg.settings["target_min_employment"]
    for r in pkg.industries:
        assert r["target_class"] or (r["employment_used"] or 0) < floor, r["industry_code"]
        assert r["estimate"] == (r["industry_code"] in {"22", "48-49", "55", "56"})
    for r in (r for r in pkg.industries if r["estimate"]):
        assert r["basis"] == "estimate" and r["target_reason"].endswith("(estimate)")
        assert r["employment"] is None and r["employment_used"] == r["employment_estimate"]
        # Shift-share adds up to the change in jobs (to the rounding of the three parts).
        parts = r["national_share"] + r["industry_mix"] + r["competitive_effect"]
        assert parts == pytest.approx(r["employment_used"] - r["employment_year_earlier"], abs=2)
    chart = {d["code"]: d for d in _chart_values(pkg.charts["targets"])}
    row55 = next(r for r in pkg.industries if r["industry_code"] == "55")
    assert chart["55"]["basis"] == "estimate" and chart["55"]["employment"] == row55["employment_used"]
    assert chart["55"]["label"] == "55*" and chart["52"]["label"] == "52"
    assert "* SectorHub estimate of figures BLS suppressed" in json.dumps(pkg.charts["targets"])


def _chart_values(spec):
    if isinstance(spec, dict):
        if (
            "values" in spec
            and isinstance(spec["values"], list)
            and spec["values"]
            and "code" in spec["values"][0]
        ):
            yield from spec["values"]
        for v in spec.values():
            yield from _chart_values(v)
    elif isinstance(spec, list):
        for v in spec:
            yield from _chart_values(v)


def test_estimates_are_marked_in_the_workbook_and_the_page(msa_estimates):
    from openpyxl import load_workbook

    from sectorhub.lmi.packages import render

    wb = load_workbook(io.BytesIO(render(msa_estimates, "xlsx")))
    found = [
        ws.title
        for ws in wb
        for row in ws.iter_rows(values_only=True)
        if row and row[0] == "55" and "estimate" in row
    ]
    assert len(found) >= 3  # industries, target industries, shift-share
    html = render(msa_estimates, "html").decode()
    assert ">Basis<" in html and ">estimate<" in html


def test_county_estimates_come_close_to_bls_metro_figures(loaded_store, bls_sectors):
    """Summing counties (BLS area off), sector 54 is a lower bound; its estimated LQ and growth match the MSA's.

    BLS: LQ (0.94 + 0.94 + 0.94) / 3 = 0.94; growth: e1 = 57,724.3, e0 = e1 − (2,376 + 2,107 + 2,371) / 3 →
    4.1 %. The estimate must land within 0.03 of the LQ and 0.5 points of the growth.
    """
    from sectorhub.lmi.packages import build_package

    pkg = build_package(
        loaded_store, COLUMBUS_MSA_COUNTIES, 2016, "1", level=2, ownership="5", estimates=True, bls_area=False
    )
    assert pkg.bls_area is None
    r = next(r for r in pkg.industries if r["industry_code"] == "54")
    assert r["employment_status"] == "lower bound" and r["estimate"]
    b = bls_sectors["54"]
    months = [float(b[f"month{i}_emplvl"]) for i in (1, 2, 3)]
    e1 = sum(months) / 3
    e0 = e1 - sum(float(b[f"oty_month{i}_emplvl_chg"]) for i in (1, 2, 3)) / 3
    assert r["lq_nation"] == pytest.approx(0.94, abs=0.03)
    assert r["growth_pct"] == pytest.approx((e1 - e0) / e0 * 100, abs=0.5)
    assert pkg.unclassified_suppressed == 0


def test_occupations_with_estimates_start_from_every_industry_job(loaded_store, shared_data):
    """With estimates on, the industries the occupations multiply out add up to the region's private jobs.

    Truth: the ten Columbus MSA county files' private total (own 5, industry 10) of 2016 Q1, the mean of the three
    months, summed; every county's private total is published. Without estimates the subsectors sum short of it.
    """
    from types import SimpleNamespace

    from sectorhub.lmi.packages.supply_side.section import industry_employment
    from tests.lmi.conftest import county_file

    total = 0.0
    for fips in COLUMBUS_MSA_COUNTIES:
        with gzip.open(county_file(shared_data, fips), "rt", encoding="utf-8-sig") as fh:
            row = next(
                r
                for r in csv.DictReader(fh)
                if r["own_code"] == "5" and r["industry_code"] == "10" and r["qtr"] == "1"
            )
        total += sum(float(row[f"month{i}_emplvl"]) for i in (1, 2, 3)) / 3

    def pkg(estimates):
        counties = [{"fips": c} for c in COLUMBUS_MSA_COUNTIES]
        return SimpleNamespace(
            counties=counties, level="2", year=2016, period="1", ownership="5", estimates_included=estimates
        )

    with_est, _ = industry_employment(loaded_store, pkg(True))
    plain, _ = industry_employment(loaded_store, pkg(False))
    assert not with_est["lower_bound"].any()
    assert with_est["employment"].sum() == pytest.approx(total, abs=1)
    assert plain["employment"].sum() < total - 1000
