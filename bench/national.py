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
* ``killed``: ``Store.load`` of every file into another fresh store in a child process, killed (SIGKILL) inside
  its commit, when its staged parts have moved beside the catalogued ones (the worst case: every part orphaned);
  then the size of what it left, and a read-only ``Store.open`` (what ``lmi region`` or the web does) and what is
  left after it;
* ``region``: ``sectorhub lmi region`` for two counties (Franklin and Delaware, Ohio), 2016 annual, a fresh
  process each time (median of ``CLI_RUNS``), wall-clock and CPU time (user + system, which a busy machine does
  not inflate);
* ``region_api``: the same in process, in a fresh interpreter: importing the API, ``Store.open`` and the first
  ``region_industries`` call, then warm calls;
* ``export``: ``sectorhub lmi export`` of one county (Cook County, Illinois), a fresh process.

Targets (issue 11): load ≤ 1.5× Polars' time and peak ≤ 2 GB; nothing orphaned after the next open; region
< 1 s from a fresh CLI process and for the first in-process call; export peak < 1 GB.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench._harness import OUT, Row, Timer, child_main, median, peak, remove_store, repeat
from bench.ingest import CODES_ALL

ENV = "SECTORHUB_NATIONAL_QCEW"
STORE = OUT / "national.duckdb"
KILLED = OUT / "national-killed.duckdb"
REGION = ["--counties", "39049,39041", "--year", "2016", "--period", "A"]
CLI_RUNS = 5


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


def _tree_mb(paths) -> float:
    return (
        sum(f.stat().st_size for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())
        / 2**20
    )


def case_killed(timer: Timer, input: str, store: str) -> dict:
    """Kill a national load inside its commit, then measure what it left before and after a read-only open."""
    path = Path(store)
    remove_store(path)
    parts = path.with_name(path.name + ".parts")
    code = "import sys; from sectorhub.lmi.store import Store; Store.open(sys.argv[1]).load([sys.argv[2]])"
    proc = subprocess.Popen([sys.executable, "-c", code, str(path), input])
    phase = "staging"
    while proc.poll() is None:
        # Inside the commit the staged parts sit beside the catalogued ones (none yet: a fresh store).
        if parts.is_dir() and any(parts.glob("part-*")):
            time.sleep(1.0)  # let every part move (one os.replace each)
            phase = "commit"
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = _tree_mb([parts]) if parts.is_dir() else 0.0
    from sectorhub.lmi.store import Store

    with timer("reopen"):
        Store.open(path, read_only=True).close()
    after = _tree_mb([parts]) if parts.is_dir() else 0.0
    remove_store(path)
    return {"checksum": {"killed_in": phase}, "extra": {"left_mb": left, "after_open_mb": after}}


def _cli(args: list[str]) -> tuple[float, float, float, str]:
    """Run ``sectorhub lmi ARGS`` as a user does (the installed script); return wall s, CPU s, peak MB, stdout."""
    import resource

    sectorhub = str(Path(sys.executable).with_name("sectorhub"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run([sectorhub, "lmi", *args], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, done.stdout  # ru_maxrss: the largest child so far


def case_region(timer: Timer, store: str) -> dict:
    """``sectorhub lmi region`` for Franklin and Delaware counties, 2016 annual: CLI_RUNS fresh processes."""
    runs = [_cli(["region", *REGION, "--store", store]) for _ in range(CLI_RUNS)]
    timer.times["run"] = statistics.median(r[0] for r in runs)
    timer.times["first"] = runs[0][0]
    timer.times["cpu"] = statistics.median(r[1] for r in runs)
    lines = {r[3] for r in runs}
    return {"checksum": {"lines": runs[0][3].count("\n"), "same": len(lines) == 1},
            "extra": {"child_mb": max(r[2] for r in runs)}}  # fmt: skip


def case_region_api(timer: Timer, store: str) -> dict:
    """In a fresh interpreter: import the API, open the store, the first region_industries call, warm calls."""
    with timer("import"):  # the API and what its answer is made of (a notebook has pandas loaded already)
        import pandas  # noqa: F401

        from sectorhub.lmi.api import Store, region_industries  # resolving the lazy names imports them
    request = dict(counties=["39049", "39041"], year=2016, period="A")
    with timer("first"):
        with Store.open(store, read_only=True) as st:
            df = region_industries(st, **request)
    with Store.open(store, read_only=True) as st:
        warm = []
        for _ in range(10):
            t0 = time.perf_counter()
            region_industries(st, **request)
            warm.append(time.perf_counter() - t0)
    timer.times["warm"] = statistics.median(warm)
    return {"checksum": {"lines": len(df) + 1}}


def case_export(timer: Timer, store: str, out: str) -> dict:
    """``sectorhub lmi export`` of Cook County (17031), every 2016 quarter, to a CSV file, in a fresh process."""
    wall, cpu, mb, _ = _cli(["export", "--areas", "17031", "--year", "2016", "--out", out, "--store", store])
    timer.times["run"], timer.times["cpu"] = wall, cpu
    return {"checksum": {"rows": sum(1 for _ in open(out)) - 1}, "extra": {"child_mb": mb}}


CASES = {
    "engine": case_engine,
    "polars": case_polars,
    "duckdb": case_duckdb,
    "killed": case_killed,
    "region": case_region,
    "region_api": case_region_api,
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
            target = "≤ 1.5× polars"
            verdict = "met" if secs["engine"] <= 1.5 * secs["polars"] else "MISSED"
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
    engine_mb = peak(loads["engine"])
    out.append(
        Row("6 national", "load: engine peak memory", "target", 2048 / engine_mb, secs["engine"], engine_mb,
            "-", "≤ 2,048 MB", "met" if engine_mb <= 2048 else "MISSED")
    )  # fmt: skip
    killed = repeat("national", {"killed": {"input": path, "store": KILLED}}, 1, log)["killed"][0]
    left, after = killed.extra["left_mb"], killed.extra["after_open_mb"]
    out.append(
        Row("6 national", f"killed load ({killed.checksum['killed_in']}): {left:,.0f} MB left, then one read-only "
            f"open", "target", 1.0, killed.times["reopen"], after, "-", "0 MB after the next open",
            "met" if after == 0 and killed.checksum["killed_in"] == "commit" else "MISSED")
    )  # fmt: skip
    # Each CLI case runs the CLI as its own children and reports their peak (RUSAGE_CHILDREN).
    queries = repeat(
        "national",
        {
            "region": {"store": STORE},
            "region_api": {"store": STORE},
            "export": {"store": STORE, "out": OUT / "national-export.csv"},
        },
        reps,
        log,
    )
    region_s, region_cpu = median(queries["region"], "run"), median(queries["region"], "cpu")
    region_mb = max(r.extra.get("child_mb", 0) for r in queries["region"])
    api = queries["region_api"]
    api_first, api_warm, api_import = median(api, "first"), median(api, "warm"), median(api, "import")
    export_s, export_mb = (
        median(queries["export"], "run"),
        max(r.extra["child_mb"] for r in queries["export"]),
    )
    out.append(
        Row("6 national", f"lmi region, 2 counties, fresh CLI (median of {CLI_RUNS}; CPU {region_cpu:.2f} s)",
            "target", 1.0 / region_s, region_s, region_mb, "same" if all(r.checksum["same"] for r in
            queries["region"]) else "DIFFERENT", "< 1 s", "met" if region_s < 1 else "MISSED")
    )  # fmt: skip
    out.append(
        Row("6 national", f"region_industries in process: open + first call (imports before it {api_import:.2f} s, warm "
            f"{api_warm * 1000:.0f} ms)", "target", 1.0 / api_first, api_first, peak(api), "-", "< 1 s",
            "met" if api_first < 1 else "MISSED")
    )  # fmt: skip
    out.append(
        Row("6 national", "lmi export, one county (CLI)", "target", 1.0, export_s, export_mb, "-",
            "< 1,024 MB", "met" if export_mb < 1024 else "MISSED")
    )  # fmt: skip
    return out


if __name__ == "__main__":
    child_main(CASES)
