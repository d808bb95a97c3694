"""Benchmark: WIOA-style outcomes for 1 M participants against 40 M UI wage rows (docs/benchmarks-outcomes.md).

Cases, each in its own process (peak resident set from ``os.wait4``): the engine (``sectorhub.lmi.outcomes``, Ibis
on DuckDB over the Parquet files), a hand-written DuckDB SQL query of the same rules (the baseline), an analyst's
pandas script, and the engine on local PySpark (for the record). Checksum: every count and the median of each
group (all, by program, by partnership), which must be equal across the four.

    .venv/bin/python -m bench.outcomes                 # generate (once, seeded) and run every case once
    .venv/bin/python -m bench.outcomes --people 100000 --reps 1 --skip pyspark
    .venv/bin/python -m bench.outcomes --duckdb-memory ''   # DuckDB's default limit (80 % of RAM)

Not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench._harness import OUT, Timer, child_main, repeat

EXITS = (dt.date(2023, 7, 1), dt.date(2024, 6, 30))
WAGES_THROUGH = "2026Q2"
WT = 2026 * 4 + 1
QUARTERS = 20  # 2022Q1 .. 2026Q4
EMPLOYER_SLOTS = 2  # rows per person and quarter: 1 M x 20 x 2 = 40 M


def _cpu_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def timed(timer: Timer) -> Iterator[None]:
    """Time the compared work: wall clock ("outcomes") and this process's CPU time, every thread ("cpu").

    On a shared, loaded machine the wall clock is mostly waiting for a core; the CPU seconds say how much work
    each case did. (Not for PySpark: its work is in the JVM, a separate process.)
    """
    start = _cpu_seconds()
    with timer("outcomes"):
        yield
    timer.times["cpu"] = _cpu_seconds() - start


def generate(folder: Path, people: int) -> tuple[Path, Path]:
    """Seeded (hash-based, so identical on every run and thread count) participants and wages as Parquet."""
    import duckdb

    folder.mkdir(parents=True, exist_ok=True)
    p, w = folder / f"participants-{people}.parquet", folder / f"wages-{people}.parquet"
    if p.exists() and w.exists():
        return p, w
    con = duckdb.connect()
    con.execute(f"""
        COPY (
          SELECT 'P' || lpad(i::VARCHAR, 8, '0') AS participant_id,
            (['adult', 'dislocated_worker', 'youth', 'wagner_peyser'])[(1 + hash(i, 1) % 4)::BIGINT] AS program,
            CASE WHEN hash(i, 2) % 10 < 3 THEN NULL ELSE 'partnership-' || (hash(i, 3) % 20)::VARCHAR END
              AS partnership,
            (DATE '2021-01-01' + (hash(i, 4) % 1000)::BIGINT::INTEGER) AS entry_date,
            CASE WHEN hash(i, 5) % 10 = 0 THEN NULL
              ELSE DATE '2021-01-01' + (hash(i, 4) % 1000)::BIGINT::INTEGER + 30 + (hash(i, 6) % 700)::INTEGER END
              AS exit_date,
            CASE WHEN hash(i, 7) % 50 = 0 THEN 'health' END AS exclusion,
            (['occupational', 'other', 'ojt', 'customized', NULL])[(1 + hash(i, 8) % 5)::BIGINT] AS training,
            CASE WHEN hash(i, 9) % 3 = 0
              THEN DATE '2021-01-01' + (hash(i, 4) % 1000)::BIGINT::INTEGER + (hash(i, 11) % 900)::INTEGER END
              AS credential_date,
            CASE WHEN hash(i, 9) % 3 = 0
              THEN (['diploma', 'certificate', 'license', 'associate'])[(1 + hash(i, 10) % 4)::BIGINT] END
              AS credential_type
          FROM range({people}) t(i)
        ) TO '{p}' (FORMAT parquet)""")
    con.execute(f"""
        COPY (
          SELECT 'P' || lpad(i::VARCHAR, 8, '0') AS participant_id,
            (2022 + k // 4)::INTEGER AS year, (1 + k % 4)::INTEGER AS quarter,
            'E' || (hash(i, j, k // 4) % 50000)::VARCHAR AS employer_id,
            CASE WHEN hash(i, j, k) % 10 < 2 THEN 0.0
              ELSE round(500 + (hash(i, j, k, 1) % 1500000) / 100.0, 2) END AS wages
          FROM range({people}) t(i), range({QUARTERS}) q(k), range({EMPLOYER_SLOTS}) e(j)
        ) TO '{w}' (FORMAT parquet)""")
    return p, w


def _checksum(rows: list[dict]) -> dict:
    """Counts and medians per group, keyed 'grouping/group', as plain numbers."""
    keys = ("periods", "q2_available", "employed_q2", "q4_available", "employed_q4", "retention_denominator",
            "retained", "credential_denominator", "credential")  # fmt: skip
    out = {}
    for r in rows:
        name = f"{r['grouping']}/{r['grp'] or ''}"
        out[name] = [int(r[k]) for k in keys] + [float(r["median"]) if r["median"] is not None else None]
    return dict(sorted(out.items()))


def case_engine(timer: Timer, participants: str, wages: str) -> dict:
    """sectorhub.lmi.outcomes on DuckDB (Ibis), reading the Parquet files in place."""
    import ibis

    from sectorhub.lmi.backends import connect
    from sectorhub.lmi.outcomes import outcome_counts, period_flags

    # Start-up, outside the compared time (as `import duckdb` is for the SQL case): Ibis imports its DuckDB
    # backend and, on the first result, pandas (its Arrow converter module), 0.5 to 1.5 s on this machine.
    with timer("startup"):
        connect("duckdb").to_pyarrow(ibis.memtable({"x": [1]}))
    with timed(timer):
        con = connect("duckdb")
        flags = period_flags(con.read_parquet(participants), con.read_parquet(wages), exits_from=EXITS[0],
                             exits_to=EXITS[1], wages_through=WT)  # fmt: skip
        rows = outcome_counts(flags).to_pyarrow().to_pylist()
    for r in rows:
        r["median"] = r["median_cents"]
    return {"checksum": _checksum(rows)}


def case_pyspark(timer: Timer, participants: str, wages: str) -> dict:
    """The same Ibis expression on a local PySpark session (local[2]), Spark reading the Parquet files."""
    os.environ.setdefault("SECTORHUB_SPARK_MEMORY", "4g")
    from sectorhub.lmi.backends import connect, read_parquet_parts
    from sectorhub.lmi.outcomes import outcome_counts, period_flags

    con = connect("pyspark")
    with timer("outcomes"):
        flags = period_flags(read_parquet_parts(con, [Path(participants)], "p"),
                             read_parquet_parts(con, [Path(wages)], "w"), exits_from=EXITS[0],
                             exits_to=EXITS[1], wages_through=WT)  # fmt: skip
        rows = outcome_counts(flags).to_pyarrow().to_pylist()
    for r in rows:
        r["median"] = r["median_cents"]
    return {"checksum": _checksum(rows)}


SQL = """
WITH c AS (
  SELECT participant_id AS pid, program, nullif(partnership, '') AS partnership, entry_date, exit_date,
         nullif(training, '') AS training, credential_date, nullif(credential_type, '') AS credential_type,
         year(exit_date) * 4 + quarter(exit_date) - 1 AS eq,
         year(exit_date + INTERVAL 365 DAY) * 4 + quarter(exit_date + INTERVAL 365 DAY) - 1 AS fq
  FROM read_parquet('{p}')
  WHERE exit_date BETWEEN DATE '{a}' AND DATE '{b}' AND coalesce(exclusion, '') = ''
),
-- Wage rows of quarters 1..4 after each period's exit quarter (only the quarters the window can need are read).
near AS (
  SELECT c.pid, c.program, c.entry_date, w.employer_id AS emp, w.year * 4 + w.quarter - 1 - c.eq AS k,
         CAST(round(w.wages * 100) AS BIGINT) AS cents
  FROM read_parquet('{w}') w
  JOIN c ON w.participant_id = c.pid AND w.year * 4 + w.quarter - 1 BETWEEN c.eq + 1 AND c.eq + 4
  WHERE w.year BETWEEN {y0} AND {y1} AND w.year * 4 + w.quarter - 1 BETWEEN {q0} AND {q1}
),
-- Per period and employer: cents in each quarter after exit; whether it paid in Q2 and in Q4.
emp AS (
  SELECT pid, program, entry_date,
         sum(cents) FILTER (WHERE k = 1) AS c1, sum(cents) FILTER (WHERE k = 2) AS c2,
         sum(cents) FILTER (WHERE k = 3) AS c3, sum(cents) FILTER (WHERE k = 4) AS c4,
         emp IS NOT NULL AND bool_or(k = 2 AND cents > 0) AND bool_or(k = 4 AND cents > 0) AS both24
  FROM near GROUP BY pid, program, entry_date, emp
),
s AS (
  SELECT pid, program, entry_date, sum(c2) AS q2, sum(c4) AS q4, bool_or(both24) AS same,
         coalesce(sum(c1), 0) > 0 OR coalesce(sum(c2), 0) > 0 OR coalesce(sum(c3), 0) > 0
           OR coalesce(sum(c4), 0) > 0 AS any14
  FROM emp GROUP BY pid, program, entry_date
),
f AS (
  SELECT c.program, c.partnership,
         c.eq + 2 <= {wt} AS q2a, c.eq + 2 <= {wt} AND coalesce(s.q2, 0) > 0 AS e2, s.q2,
         c.eq + 4 <= {wt} AS q4a, c.eq + 4 <= {wt} AND coalesce(s.q4, 0) > 0 AS e4,
         c.eq + 2 <= {wt} AND coalesce(s.q2, 0) > 0 AND c.eq + 4 <= {wt} AS rd,
         coalesce(s.same, false) AS same,
         c.training IN ('occupational', 'other') AND c.fq <= {wt} AS cd,
         c.credential_type IS NOT NULL AND c.credential_date BETWEEN c.entry_date
           AND c.exit_date + INTERVAL 365 DAY AND (c.credential_type <> 'diploma' OR coalesce(s.any14, false)) AS cn
  FROM c LEFT JOIN s USING (pid, program, entry_date)
)
SELECT CASE WHEN grouping(program) = 0 THEN 'program' WHEN grouping(partnership) = 0 THEN 'partnership'
            ELSE 'all' END AS grouping,
       coalesce(program, partnership, '') AS grp,
       count(*) AS periods, count_if(q2a) AS q2_available, count_if(e2) AS employed_q2,
       count_if(q4a) AS q4_available, count_if(e4) AS employed_q4, count_if(rd) AS retention_denominator,
       count_if(rd AND same) AS retained, count_if(cd) AS credential_denominator, count_if(cd AND cn) AS credential,
       median(q2) FILTER (WHERE e2) AS median
FROM f
GROUP BY GROUPING SETS ((), (program), (partnership))
HAVING NOT (grouping(partnership) = 0 AND partnership IS NULL)
"""


def quarter_range() -> tuple[int, int]:
    """The quarters any cohort period can need: 1 after the first exit quarter .. 4 after the last, up to WT."""
    first, last = (d.year * 4 + (d.month - 1) // 3 for d in EXITS)
    return first + 1, min(last + 4, WT)


def sql_query(participants: str, wages: str) -> str:
    """The baseline query for two Parquet files."""
    q0, q1 = quarter_range()
    return SQL.format(
        p=participants, w=wages, a=EXITS[0], b=EXITS[1], wt=WT, q0=q0, q1=q1, y0=q0 // 4, y1=q1 // 4
    )


def case_sql(timer: Timer, participants: str, wages: str) -> dict:
    """The baseline: the same rules as one hand-written DuckDB SQL query."""
    import duckdb

    with timed(timer):
        con = duckdb.connect()
        if os.environ.get("SECTORHUB_DUCKDB_MEMORY"):
            con.execute(f"SET memory_limit = '{os.environ['SECTORHUB_DUCKDB_MEMORY']}'")
        cur = con.execute(sql_query(participants, wages))
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    return {"checksum": _checksum(rows)}


def case_pandas(timer: Timer, participants: str, wages: str) -> dict:
    """An analyst's pandas script: read both files, filter, merge on the person, group (the plan of the SQL)."""
    import numpy as np
    import pandas as pd

    with timed(timer):
        p = pd.read_parquet(participants)
        w = pd.read_parquet(wages)
        p["exit_date"] = pd.to_datetime(p["exit_date"])
        p["entry_date"] = pd.to_datetime(p["entry_date"])
        p["credential_date"] = pd.to_datetime(p["credential_date"])
        c = p[(p.exit_date >= pd.Timestamp(EXITS[0])) & (p.exit_date <= pd.Timestamp(EXITS[1]))
              & (p.exclusion.fillna("") == "")].copy()  # fmt: skip
        c["exit_q"] = c.exit_date.dt.year * 4 + c.exit_date.dt.quarter - 1
        later = c.exit_date + pd.Timedelta(days=365)
        c["fq"] = later.dt.year * 4 + later.dt.quarter - 1
        # Only the quarters a cohort period can need, then each period's quarters 1..4 after its exit quarter.
        q0, q1 = quarter_range()
        w["q"] = w.year * 4 + w.quarter - 1
        w = w[(w.q >= q0) & (w.q <= q1)]
        key = ["participant_id", "program", "entry_date"]
        m = c[[*key, "exit_q"]].merge(w, on="participant_id")
        m["k"] = m.q - m.exit_q
        m = m[(m.k >= 1) & (m.k <= 4)].copy()
        m["cents"] = (m.wages * 100).round().astype("int64")
        for k in (1, 2, 3, 4):
            m[f"c{k}"] = np.where(m.k == k, m.cents, 0)
        m["p2"] = (m.k == 2) & (m.cents > 0)
        m["p4"] = (m.k == 4) & (m.cents > 0)
        # Per period and employer, then per period.
        e = m.groupby([*key, "employer_id"], as_index=False, dropna=False).agg(
            c1=("c1", "sum"), c2=("c2", "sum"), c3=("c3", "sum"), c4=("c4", "sum"), p2=("p2", "any"),
            p4=("p4", "any"))  # fmt: skip
        e["both"] = e.p2 & e.p4 & e.employer_id.notna()
        s = e.groupby(key, as_index=False).agg(
            c1=("c1", "sum"), q2=("c2", "sum"), c3=("c3", "sum"), q4=("c4", "sum"), same=("both", "any"))  # fmt: skip
        s["any14"] = ((s.c1 > 0) | (s.q2 > 0) | (s.c3 > 0) | (s.q4 > 0)).astype(int)
        s = s.drop(columns=["c1", "c3"])
        b = s[[*key, "same"]]
        s = s.drop(columns=["same"])
        f = c.merge(s, on=key, how="left").merge(b, on=key, how="left")
        f["q2a"] = f.exit_q + 2 <= WT
        f["e2"] = f.q2a & (f.q2.fillna(0) > 0)
        f["q4a"] = f.exit_q + 4 <= WT
        f["e4"] = f.q4a & (f.q4.fillna(0) > 0)
        f["rd"] = f.e2 & f.q4a
        f["rn"] = f.rd & f.same.fillna(False).astype(bool)
        f["cd"] = f.training.isin(["occupational", "other"]) & (f.fq <= WT)
        window = (f.credential_date >= f.entry_date) & (
            f.credential_date <= f.exit_date + pd.Timedelta(days=365)
        )
        diploma_ok = (f.credential_type != "diploma") | (f.any14.fillna(0) == 1)
        f["cn"] = f.cd & f.credential_type.notna() & window & diploma_ok
        f["q2m"] = f.q2.where(f.e2)
        rows = []
        for grouping, col in (("all", None), ("program", "program"), ("partnership", "partnership")):
            g = f.assign(grp="") if col is None else f[f[col].notna()].assign(grp=f[col])
            agg = g.groupby("grp").agg(periods=("exit_q", "size"), q2_available=("q2a", "sum"),
                                       employed_q2=("e2", "sum"), q4_available=("q4a", "sum"),
                                       employed_q4=("e4", "sum"), retention_denominator=("rd", "sum"),
                                       retained=("rn", "sum"), credential_denominator=("cd", "sum"),
                                       credential=("cn", "sum"), median=("q2m", "median"))  # fmt: skip
            for grp, r in agg.iterrows():
                rows.append({"grouping": grouping, "grp": grp, **r.to_dict()})
    return {"checksum": _checksum(rows)}


CASES = {"sql": case_sql, "engine": case_engine, "pandas": case_pandas, "pyspark": case_pyspark}


def main() -> None:
    """Generate the inputs once, run the cases interleaved, print the ratios against the SQL baseline."""
    from bench._harness import checksums_agree, median, peak

    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--skip", default="", help="comma-separated cases to skip (pandas, pyspark)")
    ap.add_argument(
        "--duckdb-memory",
        default="4GB",
        help="DuckDB memory_limit for sql and engine (default 4GB, within the 6 GB budget; '' for DuckDB's own)",
    )
    args = ap.parse_args()
    if args.duckdb_memory:
        os.environ["SECTORHUB_DUCKDB_MEMORY"] = args.duckdb_memory
    load_before = os.getloadavg()
    (OUT / "home").mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    p, w = generate(OUT / "outcomes", args.people)
    print(f"inputs ready in {time.perf_counter() - t0:.0f}s: {p.name}, {w.name}", file=sys.stderr)
    skip = set(filter(None, args.skip.split(",")))
    cases = {c: {"participants": str(p), "wages": str(w)} for c in CASES if c not in skip}
    runs = repeat("outcomes", cases, args.reps, lambda m: print(m, file=sys.stderr, flush=True))
    agree = checksums_agree(runs, "sql")
    base = median(runs["sql"], "outcomes")
    base_cpu = median(runs["sql"], "cpu")
    result = {}
    print("| case | seconds | vs SQL | CPU seconds | CPU vs SQL | peak MB | checksum |")
    print("|---|---|---|---|---|---|---|")
    for c, rs in runs.items():
        s = median(rs, "outcomes")
        cpu = median(rs, "cpu") if all("cpu" in r.times for r in rs) else None
        result[c] = {
            "seconds": s,
            "ratio_vs_sql": s / base,
            "cpu_seconds": cpu,
            "cpu_ratio_vs_sql": cpu / base_cpu if cpu is not None else None,
            "peak_mb": peak(rs),
            "checksum_agrees": agree[c],
            "runs": [r.times for r in rs],
        }
        cpu_cells = f"{cpu:.1f} | {cpu / base_cpu:.2f}x" if cpu is not None else "(JVM not counted) | "
        print(
            f"| {c} | {s:.1f} | {s / base:.2f}x | {cpu_cells} | {peak(rs):,.0f} | "
            f"{'same' if agree[c] else 'DIFFERENT'} |"
        )
    load = {"before": load_before, "after": os.getloadavg()}
    print(f"load average (1, 5, 15 min) before {load_before}, after {load['after']}", file=sys.stderr)
    (OUT / "outcomes.json").write_text(
        json.dumps(
            {"people": args.people, "duckdb_memory": args.duckdb_memory, "load": load, "cases": result},
            indent=1,
        )
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in CASES:
        child_main(CASES)
    else:
        main()
