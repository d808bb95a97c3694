"""Benchmark 2: "load once, answer many" against an analyst's pandas pipeline, on two annual BLS-layout files.

Question 1 (the first answer, from the raw CSVs): the BLS location quotient of employment for every county cell
of the end year (all ownerships and county levels 71-78), and the classic shift-share of every county's private
NAICS sectors between the two years, against U.S. private growth. Question 2 (the next question): the wage LQ of
every county cell in the base year. Question 3 (a typical follow-up): the wage LQs of one county, every cell;
question 4: the same for ten more counties, one at a time (median of one). The engine answers Q1 with
``Store.load``, ``lmi.cells.cell_lqs`` (the measures compiled once into a prepared statement) and
``panel.shift_share_by``, and the rest on the loaded store; pandas answers with ``read_csv`` + vectorized
merges/groupbys, the later questions by re-reading the files (a script run again) or, for Q2, on the frames it
still holds (a notebook). "Floor" is the time to copy Q2's answer, already computed and stored in a DuckDB table,
out to pandas: no store can answer Q2 faster. Checksums: count and sum of the LQs, sums of the three
shift-share components, sample cells, and every LQ of Q3 and of one Q4 county.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench._harness import OUT, Row, Timer, checksums_agree, child_main, median, peak, remove_store, repeat
from sectorhub.lmi.sources.qcew import CODE_COLUMNS

COUNTY_LEVELS = ("71", "73", "74", "75", "76", "77", "78")
CODES = CODE_COLUMNS  # BLS code columns, read as text
SAMPLE_AREAS = ("39049", "06037", "48201")
ONE_COUNTY = "39049"  # Franklin County, Ohio
OTHER_COUNTY = "39041"  # Delaware County, Ohio
NEXT_COUNTIES = ("39041", "39045", "39073", "39089", "39097", "39117", "39127", "39129", "39159", "39001")


def _one(df, col) -> dict:
    """One county's LQ table: every cell, in a fixed order."""
    df = df.sort_values(["own_code", "industry_code"])
    return {"n": int(len(df)), "lq": [float(x) for x in df[col]]}


def _checksum(lq, lq_col, ss, lq2, lq2_col) -> dict:
    """Order-free summary of the answers (pandas frames from either side)."""

    def lq_sum(df, col):
        v = df[col].dropna()
        sample = (
            df[df.area_fips.isin(SAMPLE_AREAS) & (df.own_code == "5") & (df.industry_code.isin(["10", "54"]))]
            .sort_values(["area_fips", "industry_code"])[col]
            .tolist()
        )
        return {"n": int(v.size), "sum": float(v.sum()), "samples": [float(x) for x in sample]}

    ss_s = ss[ss.area_fips.isin(SAMPLE_AREAS) & (ss.industry_code == "54")].sort_values("area_fips")
    return {
        "lq": lq_sum(lq, lq_col),
        "ss": {
            "rows": int(len(ss)),
            "ns": float(ss.national_share.sum()),
            "im": float(ss.industry_mix.sum()),
            "cs": float(ss.competitive_effect.sum()),
            "cs_samples": [float(x) for x in ss_s.competitive_effect],
        },
        "lq2": lq_sum(lq2, lq2_col),
    }


def case_engine(timer: Timer, base: str, end: str, store: str, y0: str, y1: str) -> dict:
    """Load both files into a fresh store, answer Q1 with the engine's measures, then Q2 on the loaded store."""
    from sectorhub.lmi import panel as P
    from sectorhub.lmi.cells import cell_lqs
    from sectorhub.lmi.store import Store

    y0, y1 = int(y0), int(y1)
    path = Path(store)
    remove_store(path)

    def county_lq(st, year, measure, area=None):
        areas = None if area is None else [area]
        return cell_lqs(st, year=year, period="A", measures=(measure,), areas=areas, levels=COUNTY_LEVELS)

    with timer("first"):
        st = Store.open(path)
        st.load([base, end])
        lq = county_lq(st, y1, "emplvl")
        q = st.ibis.table("qcew")
        c = q.filter((q.agglvl_code == "74") & (q.own_code == "5") & (q.qtr == "A"))
        us = q.filter(
            (q.area_fips == "US000") & (q.own_code == "5") & q.agglvl_code.isin(["11", "14"]) & (q.qtr == "A")
        )
        ss = P.shift_share_by(
            c.filter(c.year == y0).mutate(emp=c.emplvl),
            c.filter(c.year == y1).mutate(emp=c.emplvl),
            us.filter(us.year == y0).mutate(emp=us.emplvl),
            us.filter(us.year == y1).mutate(emp=us.emplvl),
        ).to_pandas()
    with timer("next"):
        lq2 = county_lq(st, y0, "total_wages")
    with timer("next_one"):
        one = county_lq(st, y0, "total_wages", ONE_COUNTY)
    # The same question of ten more counties, one at a time (the prepared statement is reused): the median.
    times = []
    for county in NEXT_COUNTIES:
        t0 = time.perf_counter()
        answer = county_lq(st, y0, "total_wages", county)
        times.append(time.perf_counter() - t0)
        if county == OTHER_COUNTY:
            other = answer
    timer.times["next_county"] = statistics.median(times)
    # The floor for Q2: copying its answer, already computed and stored in a DuckDB table, out to pandas.
    st.con.register("_q2_answer", lq2)
    st.con.execute("CREATE TEMP TABLE _q2 AS SELECT * FROM _q2_answer")
    with timer("floor"):
        st.con.execute("SELECT * FROM _q2").to_arrow_table().to_pandas()
    st.close()
    out = _checksum(lq, "lq_emplvl", ss, lq2, "lq_total_wages")
    out["one"] = _one(one, "lq_total_wages")
    out["other"] = _one(other, "lq_total_wages")
    return {"checksum": out}


def _read(files: list[str]):
    import numpy as np
    import pandas as pd

    df = pd.concat([pd.read_csv(f, dtype={c: str for c in CODES}) for f in files], ignore_index=True)
    df["disclosure_code"] = df["disclosure_code"].fillna("")
    # BLS writes suppressed values as 0: they must become missing, not zeros.
    measures = ["annual_avg_emplvl", "total_annual_wages"]
    df.loc[df.disclosure_code.isin(["N", "-"]), measures] = np.nan
    return df


def _pandas_lq(df, year: str, col: str):
    a = df[(df.year == year) & (df.qtr == "A")]
    is_total = (a.own_code == "0") & (a.industry_code == "10")
    tot = a.loc[is_total, ["area_fips", col]].rename(columns={col: "tot"})
    us = a[a.area_fips == "US000"]
    us_tot = float(us.loc[is_total[us.index], col].iloc[0])
    share = us[["own_code", "industry_code", col]].rename(columns={col: "share"})
    share["share"] = share["share"] / us_tot
    cells = a[a.agglvl_code.isin(COUNTY_LEVELS) & (a.size_code == "0")][
        ["area_fips", "own_code", "industry_code", col]
    ]
    cells = cells.merge(tot, on="area_fips", how="left").merge(
        share, on=["own_code", "industry_code"], how="left"
    )
    cells["lq"] = (cells[col] / cells["tot"]) / cells["share"]
    return cells


def _pandas_ss(df, y0: str, y1: str):
    private = df[(df.own_code == "5") & (df.qtr == "A")]
    c = private[private.agglvl_code == "74"]
    key = ["area_fips", "industry_code"]
    c0 = c.loc[c.year == y0, [*key, "annual_avg_emplvl"]].rename(columns={"annual_avg_emplvl": "e0"})
    c1 = c.loc[c.year == y1, [*key, "annual_avg_emplvl"]].rename(columns={"annual_avg_emplvl": "e1"})
    e = c0.merge(c1, on=key, how="outer", indicator=True)
    # A cell absent in one year is 0 there; a suppressed cell stays missing (never summed as 0).
    e.loc[e._merge == "right_only", "e0"] = 0.0
    e.loc[e._merge == "left_only", "e1"] = 0.0
    us = private[(private.area_fips == "US000") & private.agglvl_code.isin(["11", "14"])]
    n = us.pivot_table(index="industry_code", columns="year", values="annual_avg_emplvl", aggfunc="sum")
    big_g = n.loc["10", y1] / n.loc["10", y0] - 1
    g_i = (n[y1] / n[y0] - 1).rename("g_i")
    e = e.merge(g_i, left_on="industry_code", right_index=True, how="left")
    # A suppressed county cell stays missing (never summed as 0); a cell absent in a year is 0 there.
    e["national_share"] = e.e0 * big_g
    e["industry_mix"] = e.e0 * (e.g_i - big_g)
    e["competitive_effect"] = e.e1 - e.e0 * (1 + e.g_i)
    return e


def case_pandas(timer: Timer, base: str, end: str, y0: str, y1: str) -> dict:
    """The analyst's pipeline: ``read_csv`` both files, merges and groupbys; Q2 re-read and in memory."""
    with timer("first"):
        df = _read([base, end])
        lq = _pandas_lq(df, y1, "annual_avg_emplvl")
        ss = _pandas_ss(df, y0, y1)
    with timer("next_in_memory"):
        lq2 = _pandas_lq(df, y0, "total_annual_wages")
    del df
    with timer("next"):
        df = _read([base, end])
        lq2 = _pandas_lq(df, y0, "total_annual_wages")
    del df
    with timer("next_one"):
        df = _read([base, end])
        one = _pandas_lq(df[df.area_fips.isin([ONE_COUNTY, "US000"])], y0, "total_annual_wages")
    del df
    with timer("next_county"):
        df = _read([base, end])
        other = _pandas_lq(df[df.area_fips.isin([OTHER_COUNTY, "US000"])], y0, "total_annual_wages")
    out = _checksum(lq, "lq", ss, lq2, "lq")
    out["one"] = _one(one, "lq")
    out["other"] = _one(other, "lq")
    return {"checksum": out}


CASES = {"engine": case_engine, "pandas": case_pandas}


def run(base: Path, end: Path, years: tuple[int, int], reps: int, log) -> list[Row]:
    """Q1 and Q2 for the engine and pandas, interleaved; the baseline is pandas measured in the same run."""
    args = {"base": base, "end": end, "y0": years[0], "y1": years[1]}
    runs = repeat(
        "answer_many", {"pandas": args, "engine": {**args, "store": OUT / "answer_many.duckdb"}}, reps, log
    )
    agree = checksums_agree(runs, "pandas")["engine"]
    check = "same" if agree else "DIFFERENT"
    pd_first, pd_next = median(runs["pandas"], "first"), median(runs["pandas"], "next")
    pd_mem = median(runs["pandas"], "next_in_memory")
    en_first, en_next = median(runs["engine"], "first"), median(runs["engine"], "next")
    pd_one, en_one = median(runs["pandas"], "next_one"), median(runs["engine"], "next_one")
    pd_other, en_other = median(runs["pandas"], "next_county"), median(runs["engine"], "next_county")
    en_floor = median(runs["engine"], "floor")
    # Q2 and its floor are timed in the same process a moment apart: their ratio is taken per repetition (a
    # paired measure), then the median, so a slow or fast moment of the machine does not land on one side only.
    vs_floor = statistics.median(r.times["floor"] / r.times["next"] for r in runs["engine"])
    pk_e, pk_p = peak(runs["engine"]), peak(runs["pandas"])
    return [
        Row("2 answer many", "pandas: Q1 from raw files", "pandas Q1", 1.0, pd_first, pk_p, "same"),
        Row(
            "2 answer many",
            "engine: Q1 (load + LQ + shift-share)",
            "pandas Q1",
            pd_first / en_first,
            en_first,
            pk_e,
            check,
            "≥ 1.5×",
            "met" if pd_first / en_first >= 1.5 else "MISSED",
        ),
        Row("2 answer many", "pandas: Q2 re-reading the files", "pandas Q2", 1.0, pd_next, pk_p, "same"),
        Row(
            "2 answer many",
            "engine: Q2 on the loaded store",
            "pandas Q2",
            pd_next / en_next,
            en_next,
            pk_e,
            check,
            "≥ 100×",
            "met" if pd_next / en_next >= 100 else "MISSED",
        ),
        Row(
            "2 answer many",
            f"engine: Q3 one county ({ONE_COUNTY}) on the store",
            "pandas Q3 re-reading",
            pd_one / en_one,
            en_one,
            pk_e,
            check,
            "≥ 100×",
            "met" if pd_one / en_one >= 100 else "MISSED",
        ),
        Row(
            "2 answer many",
            "engine: Q4 ten more counties, median of one",
            "pandas Q4 re-reading",
            pd_other / en_other,
            en_other,
            pk_e,
            check,
            "≥ 100×",
            "met" if pd_other / en_other >= 100 else "MISSED",
        ),
        Row(
            "2 answer many",
            "floor: Q2's stored answer copied to pandas",
            "pandas Q2",
            pd_next / en_floor,
            en_floor,
            pk_e,
            "-",
        ),
        Row(
            "2 answer many",
            "engine: Q2 against its floor",
            "floor (stored answer), paired",
            vs_floor,
            en_next,
            pk_e,
            check,
            "≤ 2× the floor",
            "met" if vs_floor >= 0.5 else "MISSED",
        ),
        Row(
            "2 answer many",
            "engine: Q2 vs pandas frames in memory",
            "pandas Q2 in memory",
            pd_mem / en_next,
            en_next,
            pk_e,
            check,
        ),
    ]


if __name__ == "__main__":
    child_main(CASES)
