"""Measures checked against BLS's published figures and against sums worked by hand."""

from __future__ import annotations

import csv
import math
import re

import ibis
import pandas as pd
import pytest

from sectorhub.lmi import measures as M
from sectorhub.lmi.custom_regions import region_industries
from sectorhub.lmi.export import export_frame
from sectorhub.lmi.store import Store
from tests.lmi.conftest import COLUMBUS_MSA_COUNTIES, county_file, read_lines

QUARTER_MEASURES = ("estabs", "emp_m1", "emp_m2", "emp_m3", "total_wages", "avg_wkly_wage")


def lq_tolerance(published: pd.Series) -> pd.Series:
    """±0.01 (BLS rounds to hundredths), a little more for very large LQs: 0.05 % of the value."""
    return (0.0005 * published).clip(lower=0.01) + 1e-9


@pytest.fixture(scope="module")
def ohio_county_lqs(loaded_store):
    """Computed and published LQs of every Ohio county cell, 2016 Q1–Q4."""
    q = loaded_store.ibis.table("qcew")
    cells = q.filter(q.area_fips.re_search(r"^39[0-9]{3}$") & (q.area_fips != "39000") & (q.year == 2016))
    ref = loaded_store.ibis.table("reference_shares")
    lq = M.location_quotients(cells, M.area_totals(q, M.QUARTERLY), ref, M.QUARTERLY, intervals=True)
    cols = ["area_fips", "own_code", "industry_code", "qtr", "lq_reference"]
    for m in QUARTER_MEASURES:
        cols += [f"lq_{m}", f"lq_{m}_low", f"lq_{m}_high", f"pub_lq_{m}"]
    return lq.select(*cols).to_pandas()


# Of the disclosed (non-zero) Ohio county LQs of 2016, the share the statewide estimate pins to hundredths
# (measured on the shared files; docs/methods.md).
PINNED_AT_LEAST = {
    "estabs": 0.89,
    "emp_m1": 0.938,
    "emp_m2": 0.938,
    "emp_m3": 0.938,
    "total_wages": 0.936,
    "avg_wkly_wage": 0.957,
}


@pytest.mark.parametrize("measure", QUARTER_MEASURES)
def test_every_lq_published_as_a_number_equals_bls_and_every_interval_holds_bls_value_in_ohio_counties(
    ohio_county_lqs, measure
):
    """BLS's lq_* of every disclosed Ohio county cell (non-zero) against ours, from the statewide baseline.

    An LQ the engine publishes as a number equals BLS's to the hundredth, every one; an LQ it cannot pin is
    NULL and BLS's value lies in its interval (widened to hundredths). Only 4 cells per measure (shares no
    state publishes) have neither.
    """
    df = ohio_county_lqs
    pub, ours = df[f"pub_lq_{measure}"], df[f"lq_{measure}"]
    low, high = M.widen_lq_interval(df[f"lq_{measure}_low"], df[f"lq_{measure}_high"])
    disclosed = pub.notna() & (pub > 0)
    assert disclosed.sum() > 150_000 if measure != "estabs" else disclosed.sum() > 400_000
    plain = disclosed & ours.notna()
    assert (ours[plain].round(2) == pub[plain]).all()
    assert plain.sum() / disclosed.sum() >= PINNED_AT_LEAST[measure]
    known = disclosed & low.notna()
    assert (disclosed & ~known).sum() <= (0 if measure == "estabs" else 4)
    assert ((low[known] <= pub[known] + 1e-9) & (pub[known] <= high[known] + 1e-9)).all()
    assert df.loc[disclosed, "lq_reference"].str.contains("statewide files").all()


def test_the_private_total_of_franklin_county_has_lq_099_because_the_denominator_is_all_ownerships(
    ohio_county_lqs,
):
    """BLS: Franklin County private, all industries, 2016 Q1 month 1 has LQ 0.99 (not 1.00)."""
    df = ohio_county_lqs
    row = df[(df.area_fips == "39049") & (df.own_code == "5") & (df.industry_code == "10") & (df.qtr == "1")]
    assert round(float(row.lq_emp_m1.iloc[0]), 2) == 0.99
    assert float(row.pub_lq_emp_m1.iloc[0]) == 0.99


def bls_rows(rows: list[dict]) -> list[list[str]]:
    """Rows of a tiny annual singlefile in BLS's column order (no lq/oty block)."""
    out = []
    for r in rows:
        out.append(
            [r["area"], r["own"], r["ind"], r["agg"], "0", str(r.get("year", 2020)), "A", r.get("disc", "")]
            + [str(r.get("estabs", 1)), str(r["emp"]), str(r["emp"] * 50_000), "0", "0", "961", "50000"]
        )
    return out


ANNUAL_HEADER = [
    "area_fips", "own_code", "industry_code", "agglvl_code", "size_code", "year", "qtr", "disclosure_code",
    "annual_avg_estabs", "annual_avg_emplvl", "total_annual_wages", "taxable_annual_wages",
    "annual_contributions", "annual_avg_wkly_wage", "avg_annual_pay",
]  # fmt: skip


def write_annual(path, rows):
    """Write a tiny annual singlefile in BLS layout."""
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_ALL)
        w.writerow(ANNUAL_HEADER)
        w.writerows(bls_rows(rows))
    return path


def test_lqs_use_the_us_file_when_it_is_loaded(tmp_path):
    """Hand-worked: U.S. 1000 jobs, private 800, private manufacturing 100; county 100, 90 private, 20 mfg.

    LQ(private mfg) = (20/100) / (100/1000) = 2.0; LQ(private total) = (90/100) / (800/1000) = 1.125.
    """
    rows = [
        dict(area="US000", own="0", ind="10", agg="10", emp=1000),
        dict(area="US000", own="5", ind="10", agg="11", emp=800),
        dict(area="US000", own="5", ind="31-33", agg="14", emp=100),
        dict(area="39049", own="0", ind="10", agg="70", emp=100),
        dict(area="39049", own="5", ind="10", agg="71", emp=90),
        dict(area="39049", own="5", ind="31-33", agg="74", emp=20),
    ]
    store = Store.memory()
    store.load([write_annual(tmp_path / "us.csv", rows)])
    df = export_frame(store, areas=["39049"], year=2020, period="A").set_index("industry_code")
    assert df.loc["31-33", "lq_annual_avg_emplvl"] == 2.0
    assert df.loc["10"].query("own_code == '5'")["lq_annual_avg_emplvl"].iloc[0] == pytest.approx(
        1.12, abs=0.005
    )
    ref = store.sql("SELECT DISTINCT reference FROM reference_shares").fetchall()
    assert ref == [("U.S. file (US000)",)]


def test_the_national_share_estimate_is_the_midpoint_of_the_bounds_the_states_published_lqs_allow(tmp_path):
    """Hand-worked, two states with a published LQ each (rounded to hundredths):

    State 01: total 1000, industry 50, LQ 1.00 -> share in [50/(1000·1.005), 50/(1000·0.995)] = [0.049751, 0.050251].
    State 02: total 2000, industry 99, LQ 0.99 -> share in [99/(2000·0.995), 99/(2000·0.985)] = [0.049749, 0.050254].
    Intersection [0.049751, 0.050251]; geometric midpoint 50/sqrt(1005·995) = 0.0500006.
    """
    header = ANNUAL_HEADER + ["lq_disclosure_code", "lq_annual_avg_estabs", "lq_annual_avg_emplvl"]
    data = [
        ("01000", "0", "10", "50", 1000, "1.00"),
        ("01000", "5", "23", "54", 50, "1.00"),
        ("02000", "0", "10", "50", 2000, "1.00"),
        ("02000", "5", "23", "54", 99, "0.99"),
    ]
    path = tmp_path / "states.csv"
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for area, own, ind, agg, emp, lq in data:
            w.writerow(
                [
                    area,
                    own,
                    ind,
                    agg,
                    "0",
                    "2020",
                    "A",
                    "",
                    "1",
                    emp,
                    emp * 50_000,
                    0,
                    0,
                    961,
                    50000,
                    "",
                    "1.00",
                    lq,
                ]
            )
    store = Store.memory()
    store.load([path])
    share = store.sql(
        "SELECT share_emplvl, reference FROM reference_shares WHERE own_code='5' AND industry_code='23'"
    ).fetchone()
    assert share[0] == pytest.approx(50 / math.sqrt(1005 * 995), rel=1e-12)
    assert share[1] == "estimated from the published LQs of 2 statewide files"


def prior_year_file(src, dst, measures_cols):
    """Rebuild the prior year's levels from BLS's published over-the-year changes: x[t−1] = x[t] − oty_chg."""
    rows = list(csv.reader(read_lines(src)))
    header, body = rows[0], rows[1:]
    idx = {h: i for i, h in enumerate(header)}
    out = []
    for r in body:
        if r[idx["oty_disclosure_code"]] == "N" or r[idx["disclosure_code"]] == "N":
            continue
        new = list(r)
        new[idx["year"]] = str(int(r[idx["year"]]) - 1)
        for col in measures_cols:
            new[idx[col]] = str(round(float(r[idx[col]]) - float(r[idx[f"oty_{col}_chg"]])))
        out.append(new)
    keep = [i for i, h in enumerate(header) if not h.startswith(("lq_", "oty_"))]
    with open(dst, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([header[i] for i in keep])
        w.writerows([[r[i] for i in keep] for r in out])
    return dst, header, body


def test_over_the_year_changes_equal_bls_published_changes(shared_data, tmp_path):
    """Franklin County 2020 annual: load 2019 rebuilt from BLS's own changes, and recompute every oty_* column.

    Changes are equal by construction of 2019; the percent changes (rounded to tenths, from published values)
    and the average-weekly-wage change (difference of published AWWs) are the real check.
    """
    src = shared_data / "qcew/2020.open_data_slices/morpc-qcew-2020-a-39049.csv.gz"
    cols = [
        "annual_avg_estabs",
        "annual_avg_emplvl",
        "total_annual_wages",
        "annual_avg_wkly_wage",
        "avg_annual_pay",
    ]
    prior, header, body = prior_year_file(src, tmp_path / "2019.csv", cols)
    store = Store.memory()
    store.load([src, prior])
    ours = export_frame(store, areas=["39049"], year=2020, period="A")
    pub = pd.DataFrame(body, columns=header)
    keys = ["own_code", "industry_code", "agglvl_code"]
    merged = ours.merge(pub, on=keys, suffixes=("", "_bls"))
    merged = merged[(merged.disclosure_code_bls == "") & (merged.oty_disclosure_code_bls == "")]
    assert len(merged) > 1400
    for col in cols:
        for kind in ("chg", "pct_chg"):
            name = f"oty_{col}_{kind}"
            bls = merged[f"{name}_bls"].astype(float)
            got = merged[name].astype(float)
            both = bls.notna() & got.notna()
            assert both.sum() > 1400
            assert ((got[both] - bls[both]).abs() <= 1e-9).mean() >= 0.999, name


def test_ten_columbus_counties_sum_to_bls_msa_file_for_every_sector_not_flagged_lower_bound(loaded_store):
    """Private and public NAICS sectors, all four quarters: the region sum equals BLS's C1814 figures exactly."""
    compared = 0
    for qtr in "1234":
        for own in ("1", "2", "3", "5"):
            region = region_industries(
                loaded_store, counties=COLUMBUS_MSA_COUNTIES, year=2016, period=qtr, ownership=own, level=2
            )
            msa = loaded_store.sql(
                "SELECT industry_code, estabs, emp_m1, emp_m2, emp_m3, total_wages AS msa_wages FROM qcew "
                "WHERE area_fips='C1814' AND year=2016 AND qtr=? AND own_code=? AND agglvl_code='44'",
                [qtr, own],
            ).df()
            merged = region.merge(msa, on="industry_code")
            exact = merged[~merged.lower_bound & merged.emp_m1.notna()]
            for ours, bls in [
                ("employment_m1", "emp_m1"),
                ("employment_m3", "emp_m3"),
                ("total_wages", "msa_wages"),
            ]:
                assert (exact[ours].astype("int64") == exact[bls].astype("int64")).all(), (qtr, own, ours)
            assert (exact.establishments.astype("int64") == exact.estabs.astype("int64")).all()
            compared += len(exact)
            # Lower bounds never exceed the published MSA figure.
            lb = merged[merged.lower_bound & merged.emp_m1.notna()]
            assert (lb.employment_m1.astype("int64") <= lb.emp_m1.astype("int64")).all()
    assert compared >= 36  # at least nine fully disclosed sectors a quarter (11 of 20 private ones in Q1)


def test_region_lq_equals_county_lqs_weighted_by_total_employment(loaded_store):
    """Identity (analytics-methods §2.1.1): LQ[R,i] = Σ_c (E_c/E_R) · LQ[c,i] for fully disclosed cells."""
    counties = ["39049", "39041"]
    q = loaded_store.ibis.table("qcew")
    cells = q.filter(q.area_fips.isin(counties) & (q.year == 2016) & (q.qtr == "1") & (q.own_code == "5"))
    cells = cells.filter(cells.industry_code == "52")
    ref = loaded_store.reference(2016, "1")
    lq = M.location_quotients(cells, M.area_totals(q, M.QUARTERLY), ref, M.QUARTERLY).to_pandas()
    totals = (
        loaded_store.sql(
            "SELECT area_fips, emp_m1 FROM qcew WHERE own_code='0' AND industry_code='10' AND year=2016 AND qtr='1' "
            "AND area_fips IN ('39049','39041')"
        )
        .df()
        .set_index("area_fips")
        .emp_m1
    )
    weighted = sum(totals[c] / totals.sum() * lq.set_index("area_fips").lq_emp_m1[c] for c in counties)
    region = region_industries(loaded_store, counties=counties, year=2016, period="1", ownership="5", level=2)
    row = region[region.industry_code == "52"].iloc[0]
    assert not row.lower_bound
    month1 = (row.employment_m1 / totals.sum()) / float(
        ref.filter((ref.own_code == "5") & (ref.industry_code == "52")).share_emp_m1.to_pandas().iloc[0]
    )
    assert month1 == pytest.approx(weighted, rel=1e-12)


def test_shift_share_components_worked_by_hand():
    """Nation 1000 -> 1100 (G = 0.10); industry A 200 -> 260 (G_A = 0.30), B 800 -> 840 (G_B = 0.05).

    Region A 10 -> 15: NS = 1.0, IM = 10·(0.30 − 0.10) = 2.0, CS = 15 − 10·1.30 = 2.0; sum 5 = 15 − 10.
    Region B 0 -> 4 (enters): NS = 0, IM = 0, CS = 4 − 0 = 4 (defined, unlike REAT's NaN).
    """
    n0 = ibis.memtable({"industry_code": ["10", "A", "B"], "emp": [1000, 200, 800]})
    n1 = ibis.memtable({"industry_code": ["10", "A", "B"], "emp": [1100, 260, 840]})
    r0 = ibis.memtable({"industry_code": ["A"], "emp": [10]})
    r1 = ibis.memtable({"industry_code": ["A", "B"], "emp": [15, 4]})
    df = M.shift_share(r0, r1, n0, n1).to_pandas().set_index("industry_code")
    assert df.loc["A", "national_share"] == pytest.approx(1.0)
    assert df.loc["A", "industry_mix"] == pytest.approx(2.0)
    assert df.loc["A", "competitive_effect"] == pytest.approx(2.0)
    assert df.loc["B", "competitive_effect"] == pytest.approx(4.0)
    assert df.loc["B", "national_share"] == pytest.approx(0.0)
    total = df[["national_share", "industry_mix", "competitive_effect"]].sum(axis=1)
    assert (total - (df.e1 - df.e0)).abs().max() < 1e-12


def test_a_suppressed_base_year_cell_leaves_the_competitive_effect_unknown_not_the_whole_end_value():
    """Region C: base year withheld (NULL), end year 7: the components are NULL, not 7 (which 0 would give)."""
    n0 = ibis.memtable({"industry_code": ["10", "C"], "emp": [1000.0, 100.0]})
    n1 = ibis.memtable({"industry_code": ["10", "C"], "emp": [1100.0, 110.0]})
    r0 = ibis.memtable(
        {"industry_code": ["C"], "emp": [None]}, schema={"industry_code": "string", "emp": "float64"}
    )
    r1 = ibis.memtable({"industry_code": ["C"], "emp": [7.0]})
    row = M.shift_share(r0, r1, n0, n1).to_pandas().iloc[0]
    assert pd.isna(row.competitive_effect) and pd.isna(row.national_share)


def test_growth_and_cagr_worked_by_hand():
    """100 -> 121 over 2 years: +21, +21 %, CAGR 10 %; from 0 the rates are undefined; to 0 CAGR is −100 %."""
    t = ibis.memtable({"e0": [100.0, 0.0, 50.0], "e1": [121.0, 5.0, 0.0]})
    g = t.select(**M.growth(t.e0, t.e1, 2)).to_pandas()
    assert g.abs_change.tolist() == [21.0, 5.0, -50.0]
    assert g["pct_change"][0] == pytest.approx(21.0)
    assert g.cagr[0] == pytest.approx(0.10)
    assert pd.isna(g["pct_change"][1]) and pd.isna(g.cagr[1])
    assert g.cagr[2] == pytest.approx(-1.0)


def test_annual_averages_from_quarters_take_the_mean_of_twelve_months_and_sum_wages():
    """Months 1..12 employed 10, 11, ..., 21 -> mean 15.5; wages 100+200+300+400 = 1000; AWW = 1000/15.5/52 = 1.24."""
    rows = []
    for k, qtr in enumerate("1234"):
        rows.append(
            dict(area_fips="39049", own_code="5", industry_code="23", agglvl_code="74", size_code="0", year=2016,
                 qtr=qtr, disclosure_code="", estabs=10 + k, emp_m1=10 + 3 * k, emp_m2=11 + 3 * k,
                 emp_m3=12 + 3 * k, total_wages=100 * (k + 1), taxable_wages=0, contributions=0)
        )  # fmt: skip
    out = M.annualize(ibis.memtable(pd.DataFrame(rows))).to_pandas().iloc[0]
    assert out.emplvl == pytest.approx(15.5)
    assert out.total_wages == 1000
    assert out.estabs == 12  # mean of 10..13 = 11.5, rounded half to even by the engine -> 12
    assert out.avg_wkly_wage == round(1000 / 15.5 / 52)
    assert out.qtr == "A"


def test_a_cell_suppressed_in_any_quarter_is_suppressed_in_the_annual_average():
    """Three disclosed quarters and one suppressed: the annual employment is unknown, not three quarters' worth."""
    rows = []
    for qtr in "1234":
        sup = qtr == "3"
        rows.append(
            dict(area_fips="39049", own_code="5", industry_code="22", agglvl_code="74", size_code="0", year=2016,
                 qtr=qtr, disclosure_code="N" if sup else "", estabs=3, emp_m1=None if sup else 40,
                 emp_m2=None if sup else 40, emp_m3=None if sup else 40, total_wages=None if sup else 500,
                 taxable_wages=0, contributions=0)
        )  # fmt: skip
    out = M.annualize(ibis.memtable(pd.DataFrame(rows))).to_pandas().iloc[0]
    assert pd.isna(out.emplvl) and pd.isna(out.total_wages)
    assert out.disclosure_code == "N"


def test_lqs_against_the_state_use_the_state_file_as_reference(loaded_store, shared_data):
    """Franklin County, private finance and insurance (52), 2016 Q1 month 1, against Ohio:

    LQ = (x[39049,52] / x[39049,10,0]) / (x[39000,52] / x[39000,10,0]), all four levels read from BLS's files.
    """
    q = loaded_store.ibis.table("qcew")
    cells = q.filter((q.area_fips == "39049") & (q.year == 2016) & (q.qtr == "1") & (q.own_code == "5"))
    cells = cells.filter(cells.industry_code == "52")
    ref = M.state_reference(q.filter((q.year == 2016) & (q.qtr == "1")), "39", M.QUARTERLY)
    got = M.location_quotients(cells, M.area_totals(q, M.QUARTERLY), ref, M.QUARTERLY).to_pandas()

    def level(fips: str, own: str, ind: str) -> int:
        path = (
            county_file(shared_data, fips)
            if fips != "39000"
            else next((shared_data / "qcew/2016.q1-q4.by_area/ohio_counties_and_statewide").glob("*39000*"))
        )
        row = next(r for r in csv.reader(read_lines(path)) if r[1] == own and r[2] == ind and r[6] == "1")
        return int(row[14])

    expected = (level("39049", "5", "52") / level("39049", "0", "10")) / (
        level("39000", "5", "52") / level("39000", "0", "10")
    )
    assert got.lq_emp_m1.iloc[0] == pytest.approx(expected, rel=1e-12)
    assert got.lq_reference.iloc[0] == "state file (39000)"


def test_region_output_names_its_lq_reference(loaded_store):
    """The provenance of the national shares travels with the region table."""
    df = region_industries(loaded_store, counties=["39049"], year=2016, period="2")
    parts = df.attrs["lq_reference"].split("; ")
    assert parts and all(
        re.fullmatch(r"estimated from the published LQs of [0-9]+( to [0-9]+)? statewide files", p)
        for p in parts
    )
