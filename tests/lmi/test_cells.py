"""Cell LQs as prepared questions: BLS's own figures, for one county, every county, and the next county."""

from __future__ import annotations

import pytest

from sectorhub.lmi import measures as M
from sectorhub.lmi.cells import cell_lqs


def published(store, area: str):
    return store.sql(
        "SELECT own_code, industry_code, pub_lq_emp_m1, pub_lq_total_wages FROM qcew WHERE area_fips = ? "
        "AND year = 2016 AND qtr = '1' AND size_code = '0' AND agglvl_code BETWEEN '70' AND '78'",
        [area],
    ).df()


@pytest.mark.parametrize("area", ["39049", "39041"])
def test_cell_lqs_of_a_county_are_bls_published_lqs(loaded_store, area):
    """Franklin then Delaware County, 2016 Q1 (the second call reuses the prepared statement)."""
    ours = cell_lqs(loaded_store, year=2016, period="1", measures=("emp_m1", "total_wages"), areas=[area])
    pub = published(loaded_store, area)
    assert len(ours) == len(pub) > 500
    both = ours.merge(pub, on=["own_code", "industry_code"])
    for m in ("emp_m1", "total_wages"):
        disclosed = both[f"pub_lq_{m}"].notna() & (both[f"pub_lq_{m}"] > 0)
        assert disclosed.sum() > 300
        # A number where the estimated shares pin it (then BLS's to the hundredth), else an interval holding it.
        pub_lq, ours_lq = both.loc[disclosed, f"pub_lq_{m}"], both.loc[disclosed, f"lq_{m}"]
        plain = ours_lq.notna()
        assert plain.mean() >= 0.9
        assert (ours_lq[plain].round(2) == pub_lq[plain]).all()
        low, high = M.widen_lq_interval(
            both.loc[disclosed, f"lq_{m}_low"], both.loc[disclosed, f"lq_{m}_high"]
        )
        assert ((low[~plain] <= pub_lq[~plain] + 1e-9) & (pub_lq[~plain] <= high[~plain] + 1e-9)).all()
    # Franklin County's private total has LQ 0.99 (BLS), the all-ownership total 1.
    if area == "39049":
        total = both[(both.own_code == "5") & (both.industry_code == "10")]
        assert round(float(total.lq_emp_m1.iloc[0]), 2) == 0.99
        assert (
            round(float(both[(both.own_code == "0") & (both.industry_code == "10")].lq_emp_m1.iloc[0]), 2)
            == 1.0
        )


def test_every_county_at_once_gives_the_same_lqs_as_one_county(loaded_store):
    every = cell_lqs(loaded_store, year=2016, period="1", measures=("emp_m1",), arrow=True).to_pandas()
    one = cell_lqs(loaded_store, year=2016, period="1", measures=("emp_m1",), areas=["39049"])
    mine = every[every.area_fips == "39049"].sort_values(["own_code", "industry_code"]).reset_index(drop=True)
    one = one.sort_values(["own_code", "industry_code"]).reset_index(drop=True)
    assert every.area_fips.nunique() > 80  # Ohio's 88 counties and every other loaded county-level area
    assert mine.lq_emp_m1.equals(one.lq_emp_m1)


def test_a_suppressed_cell_has_no_lq_and_bad_requests_are_refused(loaded_store):
    ours = cell_lqs(loaded_store, year=2016, period="1", measures=("emp_m1",), areas=["39049"])
    suppressed = loaded_store.sql(
        "SELECT count(*) FROM qcew WHERE area_fips = '39049' AND year = 2016 AND qtr = '1' AND size_code = '0' "
        "AND agglvl_code BETWEEN '70' AND '78' AND disclosure_code = 'N'"
    ).fetchone()[0]
    assert suppressed > 0 and ours.lq_emp_m1.isna().sum() >= suppressed
    with pytest.raises(ValueError, match="period"):
        cell_lqs(loaded_store, year=2016, period="5")
    with pytest.raises(ValueError, match="measures"):
        cell_lqs(loaded_store, year=2016, period="A", measures=("emp_m1",))
    with pytest.raises(ValueError, match="area codes"):
        cell_lqs(loaded_store, year=2016, period="1", measures=("emp_m1",), areas=["39049; DROP TABLE qcew"])


def _add(store, rows):
    """Canonical annual 2023 rows (area, ownership, industry, level, employment) added as one part."""
    values = ", ".join(f"('{a}', '{o}', '{i}', '{lv}', {e})" for a, o, i, lv, e in rows)
    store.add_rows(
        "SELECT a AS area_fips, o AS own_code, i AS industry_code, lv AS agglvl_code, '0' AS size_code, "
        "2023 AS year, 'A' AS qtr, '' AS disclosure_code, e::DOUBLE AS emplvl, 0 AS file_id "
        f"FROM (VALUES {values}) v(a, o, i, lv, e)"
    )


def test_the_totals_kept_between_questions_are_made_again_after_new_rows():
    """The area totals are kept per load; rows added later (a new county) must be in the next answer.

    By hand: U.S. total 1,000, private NAICS 1011 100, so the national share is 0.1. Franklin (39049): total 200,
    1011 40: LQ (40/200)/0.1 = 2.0. Delaware (39041), added after the first question: total 50, 1011 5:
    LQ (5/50)/0.1 = 1.0 (with stale totals it would have no LQ at all).
    """
    from sectorhub.lmi.store import Store

    store = Store.memory()
    _add(store, [("US000", "0", "10", "10", 1000), ("US000", "5", "1011", "14", 100)])
    _add(store, [("39049", "0", "10", "70", 200), ("39049", "5", "1011", "74", 40)])
    store._refresh_reference([2023])  # what a load does after adding its parts
    first = cell_lqs(store, year=2023, period="A", measures=("emplvl",), levels=("74",))
    assert first[["area_fips", "lq_emplvl"]].values.tolist() == [["39049", pytest.approx(2.0)]]
    assert first.lq_reference.tolist() == ["U.S. file (US000)"]
    _add(store, [("39041", "0", "10", "70", 50), ("39041", "5", "1011", "74", 5)])
    again = cell_lqs(store, year=2023, period="A", measures=("emplvl",), levels=("74",))
    lqs = dict(zip(again.area_fips, again.lq_emplvl, strict=True))
    assert lqs == {"39049": pytest.approx(2.0), "39041": pytest.approx(1.0)}
    one = cell_lqs(store, year=2023, period="A", measures=("emplvl",), areas=["39041"], levels=("74",))
    assert one.lq_emplvl.tolist() == [pytest.approx(1.0)]
    store.close()
