"""LQs from estimated national shares, pinned to BLS's rounding or shown as an interval (issue 11).

The held-out shape, on the publisher's own files: national shares estimated from one Central Ohio county's
2020 annual slice (its published, rounded LQs), the other county's slice loaded without its LQs, and that
county's LQs computed and compared with what BLS published for it. One county's LQs bound a national share
loosely, so most LQs cannot be pinned: those must be empty with lq_disclosure_code N and an interval that holds
BLS's value, never a wrong plain number and never 0.00 where BLS publishes a value.
"""

from __future__ import annotations

import csv
import gzip

import pandas as pd
import pytest

from sectorhub.lmi import measures as M
from sectorhub.lmi.custom_regions import region_industries
from sectorhub.lmi.export import export_frame
from sectorhub.lmi.sources.qcew import ANNUAL_EXPORT
from sectorhub.lmi.store import NotLoadedError, Store

SLICES = "qcew/2020.open_data_slices"
KEYS = ["own_code", "industry_code", "agglvl_code", "size_code"]
TEXT = {c: str for c in ["area_fips", *KEYS, "disclosure_code", "lq_disclosure_code"]}


def without_lqs(src, dst):
    """The slice with its lq_* and oty_* columns removed (as the held-out files had their LQs blanked)."""
    with gzip.open(src, "rt", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    keep = [i for i, col in enumerate(rows[0]) if not col.startswith(("lq_", "oty_"))]
    with open(dst, "w", newline="") as fh:
        csv.writer(fh).writerows([[r[i] for i in keep] for r in rows])
    return dst


def run(shared_data, tmp, source: str, target: str):
    """(store, our export of the target county, BLS's published file of it), shares from the source county."""
    folder = shared_data / SLICES
    blank = without_lqs(folder / f"morpc-qcew-2020-a-{target}.csv.gz", tmp / "target.csv")
    store = Store.memory()
    store.load([folder / f"morpc-qcew-2020-a-{source}.csv.gz", blank])
    ours = export_frame(store, areas=[target], year=2020, period="A")
    published = pd.read_csv(folder / f"morpc-qcew-2020-a-{target}.csv.gz", dtype=TEXT, keep_default_na=False)
    return store, ours, published


@pytest.fixture(
    scope="module", params=[("39041", "39049"), ("39049", "39041")], ids=["del-to-fra", "fra-to-del"]
)
def pinned(request, shared_data, tmp_path_factory):
    """Delaware's shares -> Franklin's LQs, and Franklin's -> Delaware's."""
    store, ours, published = run(shared_data, tmp_path_factory.mktemp("s"), *request.param)
    yield request.param, store, ours, published
    store.close()


def compare(ours: pd.DataFrame, published: pd.DataFrame, bls: str) -> dict[str, int]:
    """Counts, over the cells where BLS publishes a non-zero LQ in column ``bls``, of how ours shows it."""
    m = ours.merge(published, on=KEYS, suffixes=("", "_bls"), validate="one_to_one")
    assert len(m) == len(published) == len(ours)
    pub = pd.to_numeric(m[f"{bls}_bls"], errors="coerce")
    mine, low, high = m[bls], m[f"{bls}_low"], m[f"{bls}_high"]
    nonzero = (m["disclosure_code_bls"] != "N") & (pub > 0)
    plain, interval = nonzero & mine.notna(), nonzero & mine.isna() & low.notna()
    return {
        "published": int(nonzero.sum()),
        "plain": int(plain.sum()),
        "plain_equal": int((mine[plain].round(2) == pub[plain]).sum()),
        "interval": int(interval.sum()),
        "interval_holds": int(((low[interval] <= pub[interval]) & (pub[interval] <= high[interval])).sum()),
        "withheld": int((nonzero & mine.isna() & low.isna()).sum()),
        "zero_where_bls_is_not": int((plain & (mine.round(2) == 0)).sum()),
        "both_number_and_interval": int((mine.notna() & low.notna()).sum()),
    }


# Employment LQs (annual_avg_emplvl), counted on the publisher's files; docs/methods.md gives the same figures.
EMPLOYMENT = {
    ("39041", "39049"): dict(published=1490, plain=168, interval=541, withheld=781),
    ("39049", "39041"): dict(published=732, plain=164, interval=545, withheld=23),
}


@pytest.mark.parametrize("bls", [f"lq_{col}" for col, _ in ANNUAL_EXPORT])
def test_every_plain_lq_equals_bls_every_interval_holds_bls_value_and_none_is_zero_where_bls_is_not(
    pinned, bls
):
    _, _, ours, published = pinned
    c = compare(ours, published, bls)
    assert c["published"] > 600
    assert c["plain_equal"] == c["plain"] > 50
    assert c["interval_holds"] == c["interval"] > 400
    assert c["zero_where_bls_is_not"] == 0
    assert c["both_number_and_interval"] == 0
    assert c["plain"] + c["interval"] + c["withheld"] == c["published"]


def test_the_employment_lq_counts_are_the_documented_ones(pinned):
    pair, _, ours, published = pinned
    # The note on the LQ reference says it once for the whole export.
    assert ours.attrs["lq_reference"] == "estimated from the published LQs of 1 loaded areas"
    c = compare(ours, published, "lq_annual_avg_emplvl")
    assert {k: c[k] for k in EMPLOYMENT[pair]} == EMPLOYMENT[pair]
    assert c["plain_equal"] == c["plain"] and c["interval_holds"] == c["interval"]


def test_lq_disclosure_code_is_n_wherever_the_employment_lq_is_not_a_plain_number(pinned):
    _, _, ours, published = pinned
    code = ours["lq_disclosure_code"]
    assert (code[ours["lq_annual_avg_emplvl"].isna()] == "N").all()
    assert (code[ours["lq_annual_avg_emplvl"].notna() & (ours["disclosure_code"] != "N")] == "").all()
    m = ours.merge(published, on=KEYS, suffixes=("", "_bls"))
    assert (m.loc[m["lq_disclosure_code_bls"] == "N", "lq_disclosure_code"] == "N").all()


def test_franklin_federal_government_a_worked_interval(shared_data, tmp_path):
    """Franklin County, federal government, all industries (own 1, NAICS 10), 2020 annual, from Delaware's slice.

    Delaware: 264 federal jobs of 84,743, published LQ 0.15, so the national share lies in
    [264/(84,743·0.155), 264/(84,743·0.145)] = [0.020099, 0.021485]. Franklin: 13,300 of 727,016 = 0.018294,
    so its LQ lies in [0.018294/0.021485, 0.018294/0.020099] = [0.8515, 0.9102]: shown as 0.85–0.92, not as a
    number (0.85 and 0.91 differ). BLS publishes 0.87.
    """
    store, ours, _ = run(shared_data, tmp_path, "39041", "39049")
    store.close()
    row = ours[(ours.own_code == "1") & (ours.industry_code == "10")].iloc[0]
    local, share = 13300 / 727016, 264 / 84743
    assert (local / (share / 0.145), local / (share / 0.155)) == pytest.approx((0.8515, 0.9102), abs=1e-4)
    assert pd.isna(row.lq_annual_avg_emplvl) and row.lq_disclosure_code == "N"
    assert (row.lq_annual_avg_emplvl_low, row.lq_annual_avg_emplvl_high) == (0.85, 0.92)


def test_lqs_without_intervals_withhold_the_same_cells_and_compute_no_interval_columns(shared_data, tmp_path):
    """``location_quotients`` without ``intervals`` (what a panel of every cell asks for) returns only the LQs:
    the same plain numbers, NULL for the same unpinned cells, and no ``_low``/``_high`` columns at all.

    Franklin from Delaware's shares, 2020 annual: the federal total (0.8515–0.9102, worked above) is withheld
    either way; Franklin's all-ownership total (own 0, NAICS 10) is pinned to 1.00 (its share is estimated, so
    the value itself is 0.99999 within rounding).
    """
    folder = shared_data / SLICES
    store = Store.memory()
    store.load(
        [
            folder / "morpc-qcew-2020-a-39041.csv.gz",
            without_lqs(folder / "morpc-qcew-2020-a-39049.csv.gz", tmp_path / "t.csv"),
        ]
    )
    q = store.table("qcew")
    cells = q.filter((q.area_fips == "39049") & (q.year == 2020) & (q.qtr == "A") & (q.size_code == "0"))
    ref, totals = store.table("reference_shares"), M.area_totals(q, ("emplvl",))
    plain = M.location_quotients(cells, totals, ref, ("emplvl",))
    full = M.location_quotients(cells, totals, ref, ("emplvl",), intervals=True)
    assert "lq_emplvl_low" not in plain.columns and "lq_emplvl_high" not in plain.columns
    assert {"lq_emplvl_low", "lq_emplvl_high"} <= set(full.columns)
    keys = ["own_code", "industry_code", "agglvl_code"]
    a = plain.to_pandas().set_index(keys).sort_index()
    b = full.to_pandas().set_index(keys).sort_index()
    pd.testing.assert_series_equal(a.lq_emplvl, b.lq_emplvl)
    assert pd.isna(a.loc[("1", "10", "71"), "lq_emplvl"])
    assert b.loc[("1", "10", "71"), ["lq_emplvl_low", "lq_emplvl_high"]].tolist() == pytest.approx(
        [0.8515, 0.9102], abs=1e-4
    )
    assert round(a.loc[("0", "10", "70"), "lq_emplvl"], 2) == 1.0
    assert a.lq_emplvl.isna().sum() > 0 and a.lq_emplvl.notna().sum() > 0
    store.close()


def test_a_us_file_gives_exact_lqs_with_no_interval(tmp_path):
    """With US000 loaded the share is exact: every LQ a number, no interval column filled."""
    from tests.lmi.test_measures import write_annual

    rows = [
        dict(area="US000", own="0", ind="10", agg="10", emp=1000),
        dict(area="US000", own="5", ind="31-33", agg="14", emp=100),
        dict(area="39049", own="0", ind="10", agg="70", emp=100),
        dict(area="39049", own="5", ind="31-33", agg="74", emp=20),
    ]
    store = Store.memory()
    store.load([write_annual(tmp_path / "us.csv", rows)])
    df = export_frame(store, areas=["39049"], year=2020, period="A")
    assert df.loc[df.industry_code == "31-33", "lq_annual_avg_emplvl"].iloc[0] == 2.0
    assert df.filter(like="_low").isna().all().all() and df.filter(like="_high").isna().all().all()
    store.close()


def test_an_export_with_intervals_loads_again(pinned, tmp_path):
    """The export's extra lq_*_low/_high columns are SectorHub's own: a re-load ignores them, not fails."""
    from sectorhub.lmi.export import write_frame

    _, _, ours, _ = pinned
    path = tmp_path / "export.csv"
    write_frame(ours, "csv", path)
    again = Store.memory()
    again.load([path])
    assert again.sql("SELECT count(*) FROM qcew").fetchone()[0] == len(ours)
    again.close()


def test_the_region_command_shows_an_unpinned_lq_as_its_interval_never_a_number(pinned):
    pair, store, _, published = pinned
    target = pair[1]
    df = region_industries(store, counties=[target], year=2020, period="A", ownership="5", level=2)
    assert (df.lq.notna() & df.lq_low.notna()).sum() == 0
    withheld = df[df.lq.isna() & df.lq_low.notna()]
    assert len(withheld) >= 5
    bls = published[(published.own_code == "5") & (published.agglvl_code == "74")].set_index("industry_code")
    for r in withheld.itertuples():
        value = float(bls.loc[r.industry_code, "lq_annual_avg_emplvl"])
        assert r.lq_low <= value <= r.lq_high
    for r in df[df.lq.notna()].itertuples():
        assert r.lq == float(bls.loc[r.industry_code, "lq_annual_avg_emplvl"])
    assert (
        M.reference_note(["estimated from the published LQs of 1 loaded areas"]) in df.attrs["lq_reference"]
    )


def test_a_store_written_before_the_intervals_gets_them_on_open(shared_data, tmp_path):
    """A store whose reference_shares has no share_lo_*/share_hi_* (written before) is refreshed when opened."""
    folder = shared_data / SLICES
    path = tmp_path / "lmi.duckdb"
    with Store.open(path) as store:
        store.load([folder / "morpc-qcew-2020-a-39041.csv.gz"])
        before = store.sql("SELECT count(*) FROM reference_shares").fetchone()[0]
        old = [c for (c,) in store.sql("SELECT column_name FROM duckdb_columns() WHERE table_name = 'reference_shares'")
               .fetchall() if c.startswith(("share_lo_", "share_hi_"))]  # fmt: skip
        for col in old:
            store.sql(f"ALTER TABLE reference_shares DROP COLUMN {col}")
    # Read-only it cannot be updated, and its LQs would look exact: refused, saying how to update it.
    with pytest.raises(NotLoadedError, match="older SectorHub.*sectorhub lmi load"):
        Store.open(path, read_only=True)
    with Store.open(path) as store:
        cols = {c for (c,) in store.sql("SELECT column_name FROM duckdb_columns() WHERE table_name = 'reference_shares'")
                .fetchall()}  # fmt: skip
        assert set(old) <= cols and len(old) == 2 * len(M.ALL_MEASURES)
        assert store.sql("SELECT count(*) FROM reference_shares").fetchone()[0] == before
        # Delaware's own federal total: LQ 0.15 published, so the share interval is 264/84,743 over 0.155..0.145.
        lo, hi = store.sql(
            "SELECT share_lo_emplvl, share_hi_emplvl FROM reference_shares WHERE own_code = '1' AND industry_code = '10'"
        ).fetchone()
        assert (lo, hi) == pytest.approx((264 / 84743 / 0.155, 264 / 84743 / 0.145), rel=1e-12)
