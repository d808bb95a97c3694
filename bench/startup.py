"""Benchmark 5: CLI start-up. ``sectorhub lmi --help`` in a fresh process against ``import duckdb, polars``.

The engine's commands need DuckDB and Polars and nothing heavier to start: pandas, Altair, Ibis, vl-convert,
WeasyPrint and Django load only inside the commands that use them (``sectorhub.cli`` loads command groups lazily).
Each case starts ``--calls`` fresh interpreters one after another and reports the median wall time of one; the
baseline, ``python -c "import duckdb, polars"``, is measured in the same run. Target: at most 1.5× the baseline.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench._harness import Row, Timer, child_main, median, repeat

COMMANDS = {
    "imports": [sys.executable, "-c", "import duckdb, polars"],
    "lmi_help": [str(Path(sys.executable).with_name("sectorhub")), "lmi", "--help"],
    "region_help": [str(Path(sys.executable).with_name("sectorhub")), "lmi", "region", "--help"],
}


def _label(name: str) -> str:
    return "sectorhub " + " ".join(COMMANDS[name][1:])


def _time(cmd: list[str], calls: int) -> float:
    """Median wall time of ``calls`` fresh runs of ``cmd`` (each must succeed)."""
    times = []
    for _ in range(calls):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _case(name: str):
    def case(timer: Timer, calls: str) -> dict:
        timer.times["start"] = _time(COMMANDS[name], int(calls))
        return {}

    case.__doc__ = f"Median start-up of {_label(name)} over fresh processes."
    return case


CASES = {name: _case(name) for name in COMMANDS}


def run(calls: int, reps: int, log) -> list[Row]:
    """Time each command; the baseline is ``import duckdb, polars`` measured in the same run."""
    runs = repeat("startup", {c: {"calls": calls} for c in COMMANDS}, reps, log)
    secs = {c: median(rs, "start") for c, rs in runs.items()}
    rows = []
    for case in COMMANDS:
        ratio = secs["imports"] / secs[case]
        target = verdict = ""
        if case != "imports":
            target = "≤ 1.5× the import time"
            verdict = "met" if secs[case] <= 1.5 * secs["imports"] else "MISSED"
        label = "python -c 'import duckdb, polars'" if case == "imports" else _label(case)
        rows.append(
            Row("5 startup", label, "import duckdb, polars", ratio, secs[case], 0, "-", target, verdict)
        )
    return rows


if __name__ == "__main__":
    child_main(CASES)
