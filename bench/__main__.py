"""Run every benchmark in one command: ``python -m bench`` (``make bench``); ``--quick`` for a smoke run.

Each measured case runs in its own process (peak resident set from ``os.wait4``), cases of one benchmark are
interleaved and repeated ``--reps`` times, and the table reports medians as ratios against the named baseline
measured in the same run, with a checksum column saying whether the compared tools produced the same numbers.
Generated inputs go to ``bench/out/`` and are reused while their parameters do not change; results are also
written to ``bench/out/results.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

from bench import answer_many, generate, ingest, national, panel, profile, startup
from bench._harness import OUT, Row, run_case
from sectorhub.paths import data_dir

BENCHES = ("ingest", "answer_many", "panel", "profile", "startup", "national")
# Cases that need more than generated inputs (the demo loaded, a server port): run only when named with --only.
EXTRA_BENCHES = ("package_cold", "class_agreement")
VERSIONS = (
    "duckdb",
    "ibis-framework",
    "polars",
    "pandas",
    "numpy",
    "pyarrow",
    "econcomplex",
    "economic-complexity",
    "ecomplexity",
)


def log(msg: str) -> None:
    """Progress on stderr, so the table on stdout stays clean."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _generate(kind: str, path: Path, **params) -> Path:
    """Generate an input once per parameter set (a sidecar file remembers the parameters)."""
    stamp = path.with_name(path.name + ".params")
    wanted = json.dumps({"kind": kind, "version": generate.VERSION, **params}, sort_keys=True)
    if path.exists() and stamp.exists() and stamp.read_text() == wanted:
        return path
    log(f"generating {path.name} ({wanted})")
    cmd = [sys.executable, "-m", "bench.generate", kind, str(path)]
    for k, v in params.items():
        cmd += [f"--{k}", str(v)]
    subprocess.run(cmd, check=True)
    stamp.write_text(wanted)
    return path


def _guard(name: str, fn) -> list[Row]:
    """Run one benchmark; a failing case is reported as a row (and its output logged), not a lost run."""
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - any failure must still leave the other benchmarks' figures
        log(f"{name} FAILED: {exc}")
        return [
            Row(name, f"FAILED: {str(exc).splitlines()[0][:80]}", "-", float("nan"), float("nan"), 0, "-")
        ]


def machine() -> dict:
    """What the figures were measured on."""
    import os

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        pass
    versions = {}
    for name in VERSIONS:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "missing"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(mem, 1),
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg()[0],
        "versions": versions,
    }


def table(rows: list[Row]) -> str:
    """The results as a fixed-width text table."""
    head = ("benchmark", "what", "× baseline", "baseline", "median s", "peak MB", "checksum", "target", "")
    lines = [head]
    for r in rows:
        lines.append(
            (
                r.bench,
                r.what,
                f"{r.ratio:.3g}×",
                r.baseline,
                f"{r.seconds:.3f}",
                f"{r.peak_mb:,.0f}",
                r.checksum,
                r.target,
                r.verdict,
            )
        )
    widths = [max(len(line[k]) for line in lines) for k in range(len(head))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(widths[k]) for k, cell in enumerate(line)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Generate the inputs, run the selected benchmarks, print the table."""
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    ap.add_argument(
        "--quick", action="store_true", help="small inputs, one repetition, no slow peers (~2 min)"
    )
    ap.add_argument("--reps", type=int, default=None, help="repetitions per case (default 3; 1 with --quick)")
    ap.add_argument(
        "--only",
        choices=BENCHES + EXTRA_BENCHES,
        action="append",
        help="run only these benchmarks (repeatable)",
    )
    ap.add_argument(
        "--rows", type=int, default=None, help="rows of the generated ingest CSV (default 5,000,000)"
    )
    ap.add_argument(
        "--answer-rows",
        type=int,
        default=None,
        help="rows of each generated year for benchmark 2 (default 1,000,000)",
    )
    ap.add_argument("--calls", type=int, default=20, help="warm profiles timed per process (benchmark 4)")
    args = ap.parse_args(argv)
    reps = args.reps or (1 if args.quick else 3)
    rows_ingest = args.rows or (1_000_000 if args.quick else 5_000_000)
    rows_answer = args.answer_rows or (300_000 if args.quick else 1_000_000)
    only = set(args.only or BENCHES)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "home").mkdir(exist_ok=True)
    shared = data_dir() / "qcew"
    started = time.time()
    info = machine()
    log(
        f"machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB, load {info['load_average_at_start']}"
    )
    rows: list[Row] = []

    if "ingest" in only:
        big = _generate("qcew", OUT / f"qcew_{rows_ingest}.csv", rows=rows_ingest, year=2023)
        inputs = {}
        if shared.is_dir():
            sub = shared / "2016.q1-q4.by_area"
            inputs["shared 2016 by_area"] = sub / "ohio_counties_and_statewide" if args.quick else sub
        inputs[f"generated {rows_ingest / 1e6:g} M rows"] = big
        rows += _guard("1 ingest", lambda: ingest.run(inputs, reps, log))

    if "answer_many" in only:
        base = _generate("qcew", OUT / f"answer_2022_{rows_answer}.csv", rows=rows_answer, year=2022)
        end = _generate("qcew", OUT / f"answer_2023_{rows_answer}.csv", rows=rows_answer, year=2023)
        rows += _guard("2 answer many", lambda: answer_many.run(base, end, (2022, 2023), reps, log))

    if "panel" in only:
        npz = _generate("panel", OUT / "panel.npz")
        store = OUT / "panel.duckdb"
        if not store.exists() or store.stat().st_mtime < npz.stat().st_mtime:
            log("writing the panel into a store")
            run_case("panel", "prepare", {"panel": npz, "store": store})
        rows += _guard("3 panel", lambda: panel.run(npz, store, reps, log, peers=not args.quick))

    if "profile" in only:
        if not shared.is_dir():
            log(f"skipping the region profile: no shared data at {shared} (set SECTORHUB_DATA)")
        else:
            store = OUT / "profile.duckdb"
            log("loading the shared QCEW files into the profile store (no-op when already loaded)")
            run_case("profile", "prepare", {"store": store, "data": shared.parent})
            calls = args.calls if not args.quick else 5
            rows += _guard("4 region profile", lambda: profile.run(store, reps, calls, log))

    if "class_agreement" in only:
        from bench import class_agreement

        class_agreement.main([])  # prints its own table (BLS metro files against county estimates)
    if "package_cold" in only:
        from bench import package_cold

        package_cold.main([])  # prints its own table (a fresh server, cold and warm, 10 and 50 clients)

    if "startup" in only:
        rows += _guard("5 startup", lambda: startup.run(10 if not args.quick else 3, reps, log))

    if "national" in only:
        where = national.folder()
        if where is None:
            log(
                f"skipping the national set: set {national.ENV} to the 2016.q1-q4.by_area folder (docs/benchmarks.md)"
            )
        else:
            rows += _guard("6 national", lambda: national.run(where, 1 if args.reps is None else reps, log))

    print()
    print(table(rows))
    print(
        f"\n{reps} repetition(s) per case; medians; every case in its own process; {time.time() - started:.0f} s"
    )
    print(
        f"machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB RAM, Python {info['python']}"
    )
    print("versions: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()))
    (OUT / "results.json").write_text(
        json.dumps({"machine": info, "reps": reps, "rows": [asdict(r) for r in rows]}, indent=2)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
