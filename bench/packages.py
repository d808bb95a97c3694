"""Data package build times: a 10-county region cold and warm, and every metro area of the demo state.

``.venv/bin/python -m bench.packages [--store FILE] [--reps 5]``

* cold: a new process opens the store, builds the Columbus, OH package (10 counties) and renders it (imports,
  query compilation and chart rendering included);
* warm: the same build again in a process that has built one package (median of ``--reps``);
* statewide: every Ohio metro area (its Ohio counties), HTML and JSON, one process, with a progress line.

Targets (issue 4): under 2 s warm for HTML and JSON, under 10 s for PDF. Results go to
``bench/out/packages.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

from bench._harness import OUT
from sectorhub.paths import data_dir

COLUMBUS = ["39041", "39045", "39049", "39073", "39089", "39097", "39117", "39127", "39129", "39159"]
FORMATS = ("html", "json", "pdf", "xlsx")


def _store_path(given: str | None) -> str:
    if given:
        return given
    from sectorhub.lmi.store import Store

    path = OUT / "packages.duckdb"
    OUT.mkdir(exist_ok=True)
    base = data_dir() / "qcew/2016.q1-q4.by_area"
    with Store.open(path) as store:
        store.load([base / "ohio_counties_and_statewide", base / "statewide"])
    return str(path)


def _one(store_path: str, fmt: str) -> float:
    """Build and render one package in this process; seconds."""
    from sectorhub.lmi.packages import build_package, render
    from sectorhub.lmi.store import Store

    store = _STORES.get(store_path) or _STORES.setdefault(store_path, Store.open(store_path, read_only=True))
    t0 = time.perf_counter()
    pkg = build_package(store, COLUMBUS, 2016, "1", name="Columbus, OH")
    render(pkg, fmt)
    return time.perf_counter() - t0


_STORES: dict = {}


def cold(store_path: str, fmt: str) -> float:
    """Seconds for a new process to import, open, build and render (wall clock of the child)."""
    code = (
        "import time; t0 = time.perf_counter(); from bench.packages import _one; "
        f"_one({store_path!r}, {fmt!r}); print(time.perf_counter() - t0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def statewide(store_path: str) -> dict:
    """Every Ohio metro area's package as HTML and JSON."""
    from sectorhub.lmi.packages import build_package, render
    from sectorhub.lmi.places import cbsa_regions
    from sectorhub.lmi.store import Store

    store = Store.open(store_path, read_only=True)
    regions = cbsa_regions("39")
    t0 = time.perf_counter()
    n = 0
    for i, reg in enumerate(regions, start=1):
        mine = [c for c in reg.counties if c.startswith("39")]
        pkg = build_package(store, mine, 2016, "1", name=reg.name)
        render(pkg, "html")
        render(pkg, "json")
        n += 1
        print(f"\r  statewide: {i}/{len(regions)} {reg.name[:40]:40}", end="", flush=True)
    print()
    return {"regions": n, "seconds": time.perf_counter() - t0}


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="a store with Ohio's counties and the statewide files")
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    store_path = _store_path(args.store)
    results: dict = {"region": "Columbus, OH (10 counties), 2016 Q1, private sectors", "cold": {}, "warm": {}}
    for fmt in FORMATS:
        results["cold"][fmt] = cold(store_path, fmt)
        _one(store_path, fmt)
        results["warm"][fmt] = statistics.median(_one(store_path, fmt) for _ in range(args.reps))
        print(
            f"  {fmt:5} cold {results['cold'][fmt]:6.2f} s   warm {results['warm'][fmt]:6.2f} s", flush=True
        )
    # The demand side alone (the supply side's sections are added through build.SECTION_HOOKS).
    from sectorhub.lmi.packages.building import build as package_build

    hooks, package_build.SECTION_HOOKS = package_build.SECTION_HOOKS, []
    results["warm_demand_only"] = {
        fmt: statistics.median(_one(store_path, fmt) for _ in range(args.reps)) for fmt in ("html", "json")
    }
    package_build.SECTION_HOOKS = hooks
    print(f"  demand side only, warm: {results['warm_demand_only']}", flush=True)
    results["statewide"] = statewide(store_path)
    targets = {"html": 2.0, "json": 2.0, "pdf": 10.0}
    results["meets_targets"] = {f: results["warm"][f] < t for f, t in targets.items()}
    print(json.dumps(results, indent=1))
    OUT.mkdir(exist_ok=True)
    (OUT / "packages.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
