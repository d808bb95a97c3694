"""How good are the estimates? Build BLS metro areas from their counties and compare with BLS's own metro files.

``.venv/bin/python -m bench.estimates [--store FILE] [--quarters 1,2,3,4]``

For every metro area of Ohio whose counties are all in Ohio (OMB 2015 delineation), private sector by NAICS
sector (``--digits 3`` or ``4`` for subsectors and industry groups, errors grouped by their sector): the region's employment (mean of the three months) as (a) the sum of the published county cells (a lower
bound) and (b) published cells plus estimates, against the published MSA cell (area ``C####``, level 44).
Only metro cells that BLS published and where at least one county cell was suppressed are scored. Prints the
error by sector (median and mean absolute percent error, and the signed total error) and writes
``bench/out/estimates_metros_<digits>digit.json``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd

from bench._harness import OUT
from sectorhub.lmi import estimates as E
from sectorhub.lmi.places import cbsa_regions, qcew_metro_code
from sectorhub.lmi.store import Store
from sectorhub.paths import data_dir

OHIO = "qcew/2016.q1-q4.by_area"


def _store(path: str | None) -> Store:
    if path:
        return Store.open(path, read_only=True)
    target = OUT / "estimates.duckdb"
    store = Store.open(target)
    base = data_dir() / OHIO
    store.load([base / "ohio_counties_and_statewide", base / "ohio_metro_micro_csa", base / "statewide"])
    return store


LEVELS = {
    2: ("74", "44"),
    3: ("75", "45"),
    4: ("76", "46"),
}  # NAICS digits: county and MSA aggregation levels


def measure(store: Store, quarters: list[str], digits: int = 2) -> pd.DataFrame:
    """One row per (metro, quarter, industry) with published, lower-bound and estimated employment."""
    county_lvl, msa_lvl = LEVELS[digits]
    metros = [m for m in cbsa_regions("39") if all(c.startswith("39") for c in m.counties)]
    rows = []
    for qtr in quarters:
        t0 = time.perf_counter()
        cells = E.estimate_state(store, "39", 2016, qtr).cells
        print(f"  estimates for 2016 Q{qtr}: {time.perf_counter() - t0:.1f} s", flush=True)
        sect = cells[(cells.own_code == "5") & (cells.agglvl_code == county_lvl)]
        for metro in metros:
            mine = sect[sect.area_fips.isin(metro.counties)]
            pub = store.sql(
                "SELECT industry_code, (emp_m1 + emp_m2 + emp_m3) / 3.0 FROM qcew WHERE area_fips = ? AND year = 2016 "
                "AND qtr = ? AND own_code = '5' AND agglvl_code = ? AND emp_m1 IS NOT NULL",
                [qcew_metro_code(metro.code), qtr, msa_lvl],
            ).fetchall()
            published = dict(pub)
            for code, g in mine.groupby("industry_code"):
                if code not in published:
                    continue
                months = g[list(E.QUARTER_MONTHS)]
                est = g[[f"{m}_estimate" for m in E.QUARTER_MONTHS]].to_numpy().sum(axis=0).mean()
                rows.append(
                    {
                        "metro": metro.name,
                        "quarter": qtr,
                        "industry": code,
                        "sector": E.sector_of(code),
                        "published": published[code],
                        "lower_bound": np.nansum(months.to_numpy(), axis=0).mean(),
                        "estimate": est,
                        "suppressed_counties": int(g.estimated.sum()),
                    }
                )
    return pd.DataFrame(rows)


def report(df: pd.DataFrame) -> pd.DataFrame:
    """Error by sector over the cells where some county was suppressed."""
    hit = df[df.suppressed_counties > 0].copy()
    hit["ape_est"] = (hit.estimate - hit.published).abs() / hit.published * 100
    hit["ape_lb"] = (hit.lower_bound - hit.published).abs() / hit.published * 100
    by = hit.groupby("sector").agg(
        cells=("published", "size"),
        median_ape_estimate=("ape_est", "median"),
        mean_ape_estimate=("ape_est", "mean"),
        median_ape_lower_bound=("ape_lb", "median"),
        published_jobs=("published", "sum"),
        estimate_jobs=("estimate", "sum"),
        lower_bound_jobs=("lower_bound", "sum"),
    )
    by["total_error_estimate_pct"] = (by.estimate_jobs - by.published_jobs) / by.published_jobs * 100
    by["total_error_lower_bound_pct"] = (by.lower_bound_jobs - by.published_jobs) / by.published_jobs * 100
    overall = {
        "cells": len(hit),
        "median_ape_estimate": float(hit.ape_est.median()),
        "median_ape_lower_bound": float(hit.ape_lb.median()),
        "exact_cells_unsuppressed": int(
            (df[df.suppressed_counties == 0].estimate.sub(df.published).abs() < 1e-6).sum()
        ),
        "unsuppressed_cells": int((df.suppressed_counties == 0).sum()),
    }
    return by.round(2), overall


def main() -> None:
    """Run the comparison and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="an existing store with Ohio counties, statewide and metro files")
    parser.add_argument("--quarters", default="1,2,3,4")
    parser.add_argument(
        "--digits", type=int, default=2, choices=sorted(LEVELS), help="NAICS digits of the cells"
    )
    args = parser.parse_args()
    with _store(args.store) as store:
        df = measure(store, args.quarters.split(","), args.digits)
    by, overall = report(df)
    pd.set_option("display.width", 200)
    print(by.to_string())
    print(json.dumps(overall, indent=1))
    OUT.mkdir(exist_ok=True)
    Path(OUT / f"estimates_metros_{args.digits}digit.json").write_text(
        json.dumps({"overall": overall, "by_sector": by.reset_index().to_dict(orient="records")}, indent=1)
    )


if __name__ == "__main__":
    main()
