"""Estimates of suppressed cells: hand-worked fixtures, and every published total of real county files holds."""

from __future__ import annotations

import csv
import gzip

import numpy as np
import pytest

from sectorhub.lmi import estimates as E
from sectorhub.lmi.store import Store
from tests.lmi.conftest import county_file

HEADER = (
    "area_fips,own_code,industry_code,agglvl_code,size_code,year,qtr,disclosure_code,area_title,own_title,"
    "industry_title,agglvl_title,size_title,qtrly_estabs_count,month1_emplvl,month2_emplvl,month3_emplvl,"
    "total_qtrly_wages,taxable_qtrly_wages,qtrly_contributions,avg_wkly_wage"
).split(",")

# A toy state "39" of two counties, private only. Leaves (6-digit): A 311111, B 311119, C 236115, D 236116.
# True month-1 employment; None marks a suppressed cell (BLS writes 0 with code N).
TRUE = {
    "39001": {"311111": 10, "311119": 5, "236115": 20, "236116": 7},
    "39003": {"311111": 8, "311119": 4, "236115": 30, "236116": 2},
}
SUPPRESSED = {
    ("39001", "311119"),
    ("39001", "236115"),
    ("39001", "236116"),
    ("39003", "311111"),
    ("39003", "236116"),
}
ESTABS = {"311111": 2, "311119": 1, "236115": 3, "236116": 1}


def _parents(code: str) -> list[tuple[str, str]]:
    sector = "31-33" if code.startswith("3") else code[:2]
    return [(code[:5], "77"), (code[:4], "76"), (code[:3], "75"), (sector, "74")]


def _fixture_rows(with_state: bool) -> list[list]:
    rows = []

    def add(area, own, ind, lvl, emp, estabs, suppressed=False):
        title = "Ohio -- Statewide" if area == "39000" else f"Test County {area}, Ohio"
        value = 0 if suppressed else emp
        rows.append(
            [
                area,
                own,
                ind,
                lvl,
                "0",
                "2016",
                "1",
                "N" if suppressed else "",
                title,
                "Private",
                ind,
                lvl,
                "All",
            ]
            + [estabs, value, value, value, 0 if suppressed else value * 1000, 0, 0, 0 if suppressed else 77]
        )

    state_sums: dict[tuple[str, str], int] = {}
    for area, cells in TRUE.items():
        sums: dict[tuple[str, str], int] = {}
        for code, emp in cells.items():
            add(area, "5", code, "78", emp, ESTABS[code], (area, code) in SUPPRESSED)
            state_sums[(code, "58")] = state_sums.get((code, "58"), 0) + emp
            for parent in _parents(code):
                sums[parent] = sums.get(parent, 0) + emp
        for (code, lvl), emp in sums.items():
            add(area, "5", code, lvl, emp, 3)
            state_sums[(code, str(int(lvl) - 20))] = state_sums.get((code, str(int(lvl) - 20)), 0) + emp
        total = sum(cells.values())
        add(area, "5", "10", "71", total, 7)
        add(area, "0", "10", "70", total, 7)
    if with_state:
        for (code, lvl), emp in state_sums.items():
            add("39000", "5", code, lvl, emp, 6)
        grand = sum(sum(c.values()) for c in TRUE.values())
        add("39000", "5", "10", "51", grand, 14)
        add("39000", "0", "10", "50", grand, 14)
    return rows


def _toy_store(tmp_path, with_state: bool) -> Store:
    path = tmp_path / f"2016.q1 toy {'state' if with_state else 'counties'}.csv"
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(_fixture_rows(with_state))
    store = Store.memory()
    store.load([path])
    return store


def _leaf(cells, area, code):
    row = cells[(cells.area_fips == area) & (cells.industry_code == code) & (cells.agglvl_code == "78")]
    return float(row.emp_m1_estimate.iloc[0]), bool(row.estimated.iloc[0])


def test_suppressed_cells_are_pinned_down_exactly_when_the_published_totals_leave_one_answer(tmp_path):
    """County 39001: B = 31111's 15 − A's 10 = 5; C + D = 27. County 39003: A = 12 − B's 4 = 8; D = 32 − 30 = 2.
    State leaf totals: C = 50 − 30 = 20 in 39001, so D = 27 − 20 = 7 (and D's state total 9 = 7 + 2 holds)."""
    E._CACHE.clear()
    store = _toy_store(tmp_path, with_state=True)
    result = E.estimate_state(store, "39", 2016, "1")
    assert result.used_state_totals
    cells = result.cells
    for (area, code), expected in {
        ("39001", "311119"): 5,
        ("39001", "236115"): 20,
        ("39001", "236116"): 7,
        ("39003", "311111"): 8,
        ("39003", "236116"): 2,
    }.items():
        value, estimated = _leaf(cells, area, code)
        assert value == pytest.approx(expected, abs=1e-6)
        assert estimated
    value, estimated = _leaf(cells, "39001", "311111")
    assert (value, estimated) == (10, False)


def test_without_the_state_file_a_residual_is_shared_by_establishments(tmp_path):
    """Counties only: in 39001, C and D share 27 − 0 published = 27 jobs by establishments 3 : 1 (no state sizes
    are known, so every establishment counts the same): C = 27·3/4 = 20.25, D = 27·1/4 = 6.75."""
    E._CACHE.clear()
    store = _toy_store(tmp_path, with_state=False)
    result = E.estimate_state(store, "39", 2016, "1")
    assert not result.used_state_totals
    assert "not used" in result.notes[0]
    assert _leaf(result.cells, "39001", "236115")[0] == pytest.approx(20.25)
    assert _leaf(result.cells, "39001", "236116")[0] == pytest.approx(6.75)
    assert _leaf(result.cells, "39001", "311119")[0] == pytest.approx(5)


@pytest.fixture(scope="module")
def two_counties(shared_data, tmp_path_factory):
    """Delaware (39041) and Union (39159) counties, 2016 quarters, as BLS published them."""
    store = Store.open(tmp_path_factory.mktemp("est") / "lmi.duckdb")
    store.load([county_file(shared_data, "39041"), county_file(shared_data, "39159")])
    yield store
    store.close()


def _published(path, qtr="1"):
    with gzip.open(path, "rt", encoding="utf-8-sig") as fh:
        return [r for r in csv.DictReader(fh) if r["qtr"] == qtr and r["size_code"] == "0"]


def test_estimates_respect_every_published_county_total_and_the_hierarchy(two_counties, shared_data):
    """For each published county aggregate (levels 70–77) in BLS's files, the sum of the 6-digit cells under it
    (published values plus estimates) equals BLS's month-1 figure; published cells keep their values."""
    E._CACHE.clear()
    cells = E.estimate_state(two_counties, "39", 2016, "1").cells
    leaves = cells[cells.agglvl_code == "78"].copy()
    leaves["sector"] = leaves.industry_code.map(E.sector_of)
    checked = 0
    for fips in ("39041", "39159"):
        mine = leaves[leaves.area_fips == fips]
        for row in _published(county_file(shared_data, fips)):
            if row["disclosure_code"] == "N" or row["agglvl_code"] not in {
                "70",
                "71",
                "74",
                "75",
                "76",
                "77",
            }:
                continue
            own, code, lvl = row["own_code"], row["industry_code"], row["agglvl_code"]
            if lvl == "70":
                under = mine
            elif lvl == "71":
                under = mine[mine.own_code == own]
            elif lvl == "74":
                under = mine[(mine.own_code == own) & (mine.sector == code)]
            else:
                under = mine[(mine.own_code == own) & mine.industry_code.str.startswith(code)]
            assert under.emp_m1_estimate.sum() == pytest.approx(float(row["month1_emplvl"]), abs=1e-6), row
            checked += 1
        for row in _published(county_file(shared_data, fips)):
            if row["agglvl_code"] == "78" and row["disclosure_code"] == "":
                hit = mine[(mine.own_code == row["own_code"]) & (mine.industry_code == row["industry_code"])]
                assert hit.emp_m1_estimate.iloc[0] == float(row["month1_emplvl"])
                assert not hit.estimated.iloc[0]
    assert checked > 500
    assert (cells.emp_m1_estimate >= 0).all()
    assert not np.isnan(cells.emp_m1_estimate).any()


def test_region_estimates_equal_published_sums_where_nothing_was_suppressed(two_counties):
    """The --estimates columns: employment_estimate = employment where no county cell was suppressed, months
    too; where a cell was suppressed, the estimate is at least the lower-bound sum and the row is flagged."""
    from sectorhub.lmi.custom_regions import region_industries

    E._CACHE.clear()
    request = dict(counties=["39041", "39159"], year=2016, period="1", ownership="5", level=2)
    df = E.add_region_estimates(two_counties, region_industries(two_counties, **request), **request)
    published = df[~df.lower_bound]
    assert len(published) > 5
    assert (published.employment_estimate == published.employment.round(1)).all()
    assert (published.employment_m2_estimate == published.employment_m2.astype(float)).all()
    assert not published.estimated.any()
    bounded = df[df.lower_bound]
    assert bounded.estimated.all()
    assert (bounded.employment_estimate >= bounded.employment.round(1) - 1e-9).all()


def test_estimate_settings_are_declared_with_help():
    """Every estimates setting has a name, a default and a help text."""
    assert {s.name for s in E.SETTINGS} == {"estimate_max_sweeps", "estimate_tolerance"}
    assert all(s.help for s in E.SETTINGS)
