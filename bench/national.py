"""Benchmark 6: the full 2016 national by-area set (4,423 BLS CSVs, about 14 M rows, 4.1 GB), when present.

The folder is read from ``SECTORHUB_NATIONAL_QCEW`` and is never part of the repository. BLS's bulk file
``2016_qtrly_by_area.zip`` (https://data.bls.gov/cew/data/files/2016/csv/2016_qtrly_by_area.zip) unzips to it;
offline, the public GitHub repository ``krd5520/syntheticQCEW`` at commit ``5d019634`` holds BLS's own files in
``Studies/OrigQCEWStudy/TrueQCEW/2016.q1-q4.by_area/`` (three are missing there: 06000, 48000 and US000, so the
national shares are estimated from the states).

Cases, each in its own process (peak resident set from ``os.wait4``):

* ``engine``: ``Store.load`` of every file into a fresh store, then the store's figures;
* ``polars``: Polars parses every file (the engine's column types) and writes it to Parquet, streaming;
* ``duckdb``: DuckDB ``CREATE TABLE AS SELECT * FROM read_csv([...])`` with the code columns as text;
* ``region``: ``sectorhub lmi region`` for two counties (Franklin and Delaware, Ohio), a fresh process;
* ``export``: ``sectorhub lmi export`` of one county (Cook County, Illinois), a fresh process.

Targets (issue 11): load peak ≤ 2 GB and ≤ 1.5× Polars' time; region < 1 s; export peak < 1 GB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench._harness import OUT, Row, Timer, child_main, median, peak, remove_store, repeat
from bench.ingest import CODES_ALL

ENV = "SECTORHUB_NATIONAL_QCEW"
STORE = OUT / "national.duckdb"


def folder() -> Path | None:
    """The national folder named by SECTORHUB_NATIONAL_QCEW, or None when unset or absent."""
    value = os.environ.get(ENV)
    return Path(value) if value and Path(value).is_dir() else None


def _files(inp: str) -> list[Path]:
    return sorted(Path(inp).rglob("*.csv*"))


def case_engine(timer: Timer, input: str, store: str) -> dict:
    """``Store.open`` on a fresh file, then ``Store.load`` of every file."""
    from sectorhub.lmi.store import Store

    path = Path(store)
    remove_store(path)
    with timer("load"):
        with Store.open(path) as st:
            result = st.load([input])
    with Store.open(path, read_only=True) as st:
        rows, emp = st.sql("SELECT count(*), sum(emp_m1) FROM qcew").fetchone()
    assert result.rows_loaded == rows
    return {"checksum": {"rows": rows}, "extra": {"emp_m1": float(emp or 0)}}


def case_polars(timer: Timer, input: str, out: str) -> dict:
    """Polars: parse each file with explicit types and write it to Parquet (streaming, two at a time)."""
    from concurrent.futures import ThreadPoolExecutor

    import polars as pl

    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    files = _files(input)

    def one(n: int, f: Path) -> int:
        overrides = {c: pl.String for c in CODES_ALL}
        dest = target / f"{n}.parquet"
        pl.scan_csv(f, schema_overrides=overrides).sink_parquet(dest, compression="uncompressed")
        return pl.scan_parquet(dest).select(pl.len()).collect().item()

    with timer("load"):
        with ThreadPoolExecutor(max_workers=2) as pool:
            rows = sum(pool.map(one, range(len(files)), files))
    for p in target.glob("*.parquet"):
        p.unlink()
    return {"checksum": {"rows": rows}}


def case_duckdb(timer: Timer, input: str) -> dict:
    """DuckDB ``read_csv`` of every file into one table, code columns typed VARCHAR."""
    import duckdb

    con = duckdb.connect()
    types = ", ".join(f"'{c}': 'VARCHAR'" for c in CODES_ALL)
    listing = ", ".join("'" + str(f).replace("'", "''") + "'" for f in _files(input))
    with timer("load"):
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv([{listing}], types={{{types}}})")
    return {"checksum": {"rows": con.execute("SELECT count(*) FROM t").fetchone()[0]}}


def _cli(timer: Timer, args: list[str]) -> dict:
    sectorhub = str(Path(sys.executable).with_name("sectorhub"))
    t0 = time.perf_counter()
    done = subprocess.run([sectorhub, "lmi", *args], capture_output=True, text=True)
    timer.times["run"] = time.perf_counter() - t0
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    import resource

    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the CLI process's peak
    return {"checksum": {"lines": done.stdout.count("\n")}, "extra": {"child_mb": child_mb}}


def case_region(timer: Timer, store: str) -> dict:
    """``sectorhub lmi region`` for Franklin and Delaware counties, 2016 annual, in a fresh process."""
    args = ["region", "--counties", "39049,39041", "--year", "2016", "--period", "A", "--store", store]
    return _cli(timer, args)


def case_export(timer: Timer, store: str, out: str) -> dict:
    """``sectorhub lmi export`` of Cook County (17031), every 2016 quarter, to a CSV file, in a fresh process."""
    return _cli(timer, ["export", "--areas", "17031", "--year", "2016", "--out", out, "--store", store])


CASES = {
    "engine": case_engine,
    "polars": case_polars,
    "duckdb": case_duckdb,
    "region": case_region,
    "export": case_export,
}


def run(path: Path, reps: int, log) -> list[Row]:
    """Load the national set with each reader, then query the engine's store; one row per case."""
    loads = repeat(
        "national",
        {
            "engine": {"input": path, "store": STORE},
            "polars": {"input": path, "out": OUT / "national-polars"},
            "duckdb": {"input": path},
        },
        reps,
        log,
    )
    rows_n = loads["engine"][0].checksum["rows"]
    secs = {c: median(rs, "load") for c, rs in loads.items()}
    out: list[Row] = []
    for case in ("polars", "duckdb", "engine"):
        agree = loads[case][0].checksum["rows"] == rows_n
        target = verdict = ""
        if case == "engine":
            target = "≤ 1.5× polars, ≤ 2,048 MB"
            ok = secs["engine"] <= 1.5 * secs["polars"] and peak(loads["engine"]) <= 2048
            verdict = "met" if ok else "MISSED"
        out.append(
            Row(
                "6 national",
                f"load: {case} ({rows_n / secs[case] / 1e6:.2f} M rows/s)",
                "polars to Parquet",
                secs["polars"] / secs[case],
                secs[case],
                peak(loads[case]),
                "same rows" if agree else "DIFFERENT",
                target,
                verdict,
            )
        )
    # Each query case runs the CLI as its own child and reports that process's peak (RUSAGE_CHILDREN).
    queries = repeat(
        "national",
        {"region": {"store": STORE}, "export": {"store": STORE, "out": OUT / "national-export.csv"}},
        reps,
        log,
    )
    region_s, export_s = median(queries["region"], "run"), median(queries["export"], "run")
    export_mb = max(r.extra.get("child_mb", 0) for r in queries["export"])
    region_mb = max(r.extra.get("child_mb", 0) for r in queries["region"])
    out.append(
        Row("6 national", "lmi region, 2 counties (CLI)", "target", 1.0 / region_s, region_s, region_mb, "-",
            "< 1 s", "met" if region_s < 1 else "MISSED")
    )  # fmt: skip
    out.append(
        Row("6 national", "lmi export, one county (CLI)", "target", 1.0, export_s, export_mb, "-",
            "< 1,024 MB", "met" if export_mb < 1024 else "MISSED")
    )  # fmt: skip
    return out


if __name__ == "__main__":
    child_main(CASES)
