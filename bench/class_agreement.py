"""How often target classes from county estimates agree with the classes from BLS's own metro file.

For every metropolitan area of the shared Ohio metro files whose counties are all Ohio counties, two packages
are built for each loaded 2016 quarter (private ownership, NAICS sectors):

* **BLS**: the metro file's own figures (the package's BLS-area path: published employment, LQs, changes);
* **county estimates**: the same counties summed (``bls_area=False``) with estimates on, so every suppressed
  county cell is filled by the estimator of ``docs/methods-estimates.md``.

The share that agree is counted over the industries the BLS package classifies. The plain county sums (no
estimates) are counted too: how many industries they leave unclassified.

Run: ``python -m bench --only class_agreement`` (or ``python -m bench.class_agreement``); the store is built once
under ``bench/out/``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from bench._harness import OUT
from sectorhub.paths import data_dir

METRO_DIR = Path("qcew/2016.q1-q4.by_area/ohio_metro_micro_csa")
LOAD = [
    Path("qcew/2016.q1-q4.by_area/ohio_counties_and_statewide"),
    METRO_DIR,
    Path("qcew/2016.q1-q4.by_area/statewide"),
]


def ohio_metros(data: Path) -> list:
    """The metro areas (NamedRegion, code = QCEW area) with a file in the shared data and only Ohio counties."""
    from sectorhub.lmi.places import cbsa_regions, qcew_metro_code

    files = {p.name.split(" ")[1] for p in (data / METRO_DIR).glob("*MSA.csv.gz")}
    out = []
    for region in cbsa_regions("39"):
        code = qcew_metro_code(region.code)
        if code in files and all(c.startswith("39") for c in region.counties):
            out.append((code, region))
    return out


def main(argv: list[str] | None = None) -> int:
    from rich.progress import Progress

    from sectorhub.lmi.packages.building import build
    from sectorhub.lmi.store import Store

    build.SECTION_HOOKS = []  # the supply sections do not change the classes; leave them out of the timing
    data = data_dir()
    OUT.mkdir(parents=True, exist_ok=True)
    store = Store.open(OUT / "class_agreement.duckdb")
    store.load([data / p for p in LOAD])
    metros = ohio_metros(data)
    quarters = ["1", "2", "3", "4"]
    tally: Counter = Counter()
    reasons: Counter = Counter()
    per_metro = []
    with Progress(transient=True) as progress:
        task = progress.add_task("class agreement", total=len(metros) * len(quarters))
        for code, region in metros:
            agree = total = d_agree = d_total = 0
            for q in quarters:
                common = dict(year=2016, period=q, level=2, ownership="5")
                bls = build.build_package(store, region.counties, **common)
                est = build.build_package(store, region.counties, estimates=True, bls_area=False, **common)
                plain = build.build_package(store, region.counties, bls_area=False, **common)
                assert bls.bls_area and bls.bls_area["code"] == code, (code, bls.bls_area)
                mine = {r["industry_code"]: r for r in est.industries}
                for r in bls.industries:
                    if r["target_class"] is None:
                        continue
                    other = mine.get(r["industry_code"], {})
                    same = other.get("target_class") == r["target_class"]
                    total += 1
                    agree += same
                    if other.get("estimate"):  # the county sums are blocked: the estimate decides the class
                        d_total += 1
                        d_agree += same
                for r in est.industries:
                    if r["target_class"] is None and r["target_reason"].startswith(("employment ", "no ")):
                        reasons[r["target_reason"]] += 1
                tally["bls_unclassified"] += bls.unclassified_suppressed
                tally["plain_unclassified"] += plain.unclassified_suppressed
                tally["est_unclassified"] += est.unclassified_suppressed
                tally["industries"] += len(bls.industries)
                progress.advance(task)
            per_metro.append((code, region.name, len(region.counties), agree, total, d_agree, d_total))
            tally["agree"] += agree
            tally["total"] += total
            tally["d_agree"] += d_agree
            tally["d_total"] += d_total

    def share(a, t):
        return f"{a} of {t} ({a / t:.0%})" if t else "–"

    print("| metro | counties | classes agreeing | where the county sums are blocked (estimate decides) |")
    print("| --- | ---: | ---: | ---: |")
    for code, name, n, agree, total, d_agree, d_total in per_metro:
        print(f"| {name} ({code}) | {n} | {share(agree, total)} | {share(d_agree, d_total)} |")
    a, t, da, dt = tally["agree"], tally["total"], tally["d_agree"], tally["d_total"]
    print(
        f"| **all {len(per_metro)} metros, 2016 Q1–Q4** | | **{a} of {t} ({a / t:.1%})** | "
        f"**{da} of {dt} ({da / dt:.1%})** |"
        if dt
        else ""
    )
    n = tally["industries"]
    print(
        f"\nIndustry-quarters: {n}. Unclassified because of suppression: BLS metro file "
        f"{tally['bls_unclassified']}, county sums without estimates {tally['plain_unclassified']}, "
        f"county estimates {tally['est_unclassified']}."
    )
    if reasons:
        print(
            "Still unclassified with estimates: " + "; ".join(f"{k} ({v})" for k, v in reasons.most_common())
        )
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
