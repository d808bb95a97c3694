"""Shared machinery: run one case in its own process, read its peak memory, take medians, compare checksums.

A case is a function in a benchmark module that does its setup, times only the work being compared with
:class:`Timer`, and returns a dict of figures (``seconds`` and named timings) plus a ``checksum`` dict. The parent
starts ``python -m bench.<module> <case> --arg ...`` and reaps it with ``os.wait4`` so the peak resident set
(``ru_maxrss``) is that process's alone, imports and setup included.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
REL_TOL = 1e-9


class Timer:
    """Collects named wall-clock timings: ``with timer("load"): ...``."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    def __call__(self, name: str) -> Timer:
        self._name = name
        return self

    def __enter__(self) -> Timer:
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.times[self._name] = self.times.get(self._name, 0.0) + time.perf_counter() - self._t0


@dataclass
class Run:
    """One case run in its own process: its timings, checksum and peak resident set."""

    case: str
    times: dict[str, float]
    checksum: dict
    peak_mb: float
    extra: dict = field(default_factory=dict)


def remove_store(path: Path) -> None:
    """Delete a SectorHub store: its database, write-ahead log and Parquet parts."""
    import shutil

    for p in (path, path.with_suffix(".duckdb.wal")):
        p.unlink(missing_ok=True)
    shutil.rmtree(path.with_name(path.name + ".parts"), ignore_errors=True)


def run_case(module: str, case: str, args: dict, timeout: float = 1800) -> Run:
    """Run ``bench.<module>.<case>`` in a fresh interpreter and return what it measured."""
    with tempfile.NamedTemporaryFile(suffix=".json", dir=OUT, delete=False) as fh:
        result_path = Path(fh.name)
    cmd = [sys.executable, "-m", f"bench.{module}", case, "--result", str(result_path)]
    for k, v in args.items():
        cmd += [f"--{k}", str(v)]
    # The engine keeps its scratch files (zip extraction) under SECTORHUB_HOME: keep them in bench/out.
    env = dict(os.environ, PYTHONWARNINGS="ignore", SECTORHUB_HOME=str(OUT / "home"))
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + timeout
    output = ""
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    output = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        result_path.unlink(missing_ok=True)
        raise RuntimeError(f"bench.{module} {case} failed (exit {proc.returncode}):\n{output[-3000:]}")
    data = json.loads(result_path.read_text())
    result_path.unlink()
    # Linux reports ru_maxrss in kilobytes.
    return Run(case, data["times"], data.get("checksum", {}), usage.ru_maxrss / 1024, data.get("extra", {}))


def repeat(
    module: str, cases: dict[str, dict], reps: int, log: Callable[[str], None]
) -> dict[str, list[Run]]:
    """Run every case ``reps`` times, interleaved (A, B, C, A, B, C...) so machine drift hits all alike."""
    runs: dict[str, list[Run]] = {c: [] for c in cases}
    for r in range(reps):
        for case, args in cases.items():
            run = run_case(module, case, args)
            runs[case].append(run)
            main = ", ".join(f"{k} {v:.3f}s" for k, v in run.times.items())
            log(f"  {module}.{case} rep {r + 1}/{reps}: {main}, peak {run.peak_mb:,.0f} MB")
    return runs


def median(runs: list[Run], key: str) -> float:
    """Median of one named timing over the repetitions."""
    return statistics.median(r.times[key] for r in runs)


def peak(runs: list[Run]) -> float:
    """The largest peak resident set over the repetitions (MB)."""
    return max(r.peak_mb for r in runs)


def same(a, b, rel: float = REL_TOL) -> bool:
    """Checksums agree: numbers to ``rel`` relative (NaN equals NaN), everything else exactly."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k], rel) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y, rel) for x, y in zip(a, b, strict=True))
    if isinstance(a, int | float) and isinstance(b, int | float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return math.isclose(a, b, rel_tol=rel, abs_tol=rel)
    return a == b


def checksums_agree(runs: dict[str, list[Run]], baseline: str, rel: float = REL_TOL) -> dict[str, bool]:
    """For each case, whether every repetition's checksum equals the baseline's first one."""
    ref = runs[baseline][0].checksum
    return {c: all(same(r.checksum, ref, rel) for r in rs) for c, rs in runs.items()}


def child_main(cases: dict[str, Callable[..., dict]]) -> None:
    """Entry point of a benchmark module run as ``python -m bench.<module> CASE --result F --key value ...``."""
    argv = sys.argv[1:]
    case = argv[0]
    opts: dict[str, str] = {}
    it = iter(argv[1:])
    for key in it:
        opts[key.removeprefix("--").replace("-", "_")] = next(it)
    result = opts.pop("result")
    timer = Timer()
    out = cases[case](timer, **opts) or {}
    Path(result).write_text(
        json.dumps({"times": timer.times, "checksum": out.get("checksum", {}), "extra": out.get("extra", {})})
    )


@dataclass
class Row:
    """One line of the final table."""

    bench: str
    what: str
    baseline: str
    ratio: float  # baseline time / this time (> 1 means faster than the baseline)
    seconds: float
    peak_mb: float
    checksum: str
    target: str = ""
    verdict: str = ""
