"""Occupation wages from OEWS cells, walking a region's wage areas (metro, state, nation) with the source shown.

For each occupation the annual median wage comes from the first area in the chain whose cell exists and was
released. A wage that OEWS marks top-coded (footnote 5: at or above $239,200 a year) or published only hourly
(footnote 4) is a fact about that area, so the walk stops there and the flag is shown with no number; only a missing
cell or footnote 8 (estimate not released) moves on to the next area.
"""

from __future__ import annotations

import functools
import sqlite3

import pandas as pd

from sectorhub.lmi.places import WageArea
from sectorhub.lmi.sources import oews

FLAG_TEXT = {
    oews.FLAG_TOP_CODED: "at or above the OEWS top code ($239,200 a year)",
    oews.FLAG_ONE_WAGE_BASIS: "annual wage not published (hourly only)",
    oews.FLAG_NOT_RELEASED: "not released",
}


@functools.lru_cache(maxsize=64)
def _median_cells(db: str, area_code: str) -> pd.DataFrame:
    # One OEWS area's cross-industry median wages; the database is a read-only release, so cache per process.
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        cells = oews.cells(conn, area_code=area_code, industry_code=oews.ALL_INDUSTRIES, datatypes=("13",))
    finally:
        conn.close()
    return cells[["soc_code", "annual_median_wage", "annual_median_wage_flag"]]


def _area_cells(conn: sqlite3.Connection, area_code: str) -> pd.DataFrame:
    db = conn.execute("PRAGMA database_list").fetchone()[2]
    if db:
        return _median_cells(db, area_code)
    cells = oews.cells(conn, area_code=area_code, industry_code=oews.ALL_INDUSTRIES, datatypes=("13",))
    return cells[["soc_code", "annual_median_wage", "annual_median_wage_flag"]]


def occupation_wages(conn: sqlite3.Connection, soc_codes: list[str], chain: list[WageArea]) -> pd.DataFrame:
    """soc_code, median_wage (annual, or None), wage_flag (OEWS footnote code or ''), wage_source, wage_area_kind."""
    wanted = list(dict.fromkeys(soc_codes))
    frames = []
    for order, area in enumerate(chain):
        cells = _area_cells(conn, area.area_code)
        cells = cells[cells["soc_code"].isin(wanted)]
        frames.append(
            pd.DataFrame(
                {
                    "soc_code": cells["soc_code"].to_numpy(),
                    "median_wage": pd.to_numeric(cells["annual_median_wage"]).to_numpy(dtype=float),
                    "wage_flag": cells["annual_median_wage_flag"].to_numpy(),
                    "order": order,
                }
            )
        )
    columns = ["soc_code", "median_wage", "wage_flag", "wage_source", "wage_area_kind"]
    long = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["soc_code", "order"])
    # The walk stops at the first area with a wage, or with a top-coded or one-basis flag (a fact about that area).
    decisive = long[
        long["median_wage"].notna() | long["wage_flag"].isin([oews.FLAG_TOP_CODED, oews.FLAG_ONE_WAGE_BASIS])
    ]
    chosen = decisive.sort_values("order", kind="stable").drop_duplicates("soc_code")
    out = pd.DataFrame({"soc_code": wanted}).merge(chosen, on="soc_code", how="left")
    found = out["order"].notna()
    names = [f"OEWS May 2025, {a.area_name}" for a in chain]
    order = out["order"].fillna(0).astype(int)
    out["wage_source"] = [names[i] if f else "" for i, f in zip(order, found, strict=True)]
    out["wage_area_kind"] = [chain[i].kind if f else "" for i, f in zip(order, found, strict=True)]
    out["wage_flag"] = out["wage_flag"].where(found, oews.FLAG_NOT_RELEASED)
    out["median_wage"] = out["median_wage"].astype(object).where(out["median_wage"].notna(), None)
    return out[columns]
