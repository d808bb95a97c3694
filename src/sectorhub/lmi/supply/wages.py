"""Occupation wages from OEWS cells, walking a region's wage areas (metro, state, nation) with the source shown.

For each occupation the annual median wage comes from the first area in the chain whose cell exists and was
released. A wage that OEWS marks top-coded (footnote 5: at or above $239,200 a year) or published only hourly
(footnote 4) is a fact about that area, so the walk stops there and the flag is shown with no number; only a missing
cell or footnote 8 (estimate not released) moves on to the next area.
"""

from __future__ import annotations

import sqlite3

import pandas as pd

from sectorhub.lmi.sources import oews
from sectorhub.lmi.supply.places import WageArea

FLAG_TEXT = {
    oews.FLAG_TOP_CODED: "at or above the OEWS top code ($239,200 a year)",
    oews.FLAG_ONE_WAGE_BASIS: "annual wage not published (hourly only)",
    oews.FLAG_NOT_RELEASED: "not released",
}


def occupation_wages(conn: sqlite3.Connection, soc_codes: list[str], chain: list[WageArea]) -> pd.DataFrame:
    """soc_code, median_wage (annual, or None), wage_flag (OEWS footnote code or ''), wage_source, wage_area_kind."""
    wanted = list(dict.fromkeys(soc_codes))
    by_area = {}
    for area in chain:
        cells = oews.cells(
            conn, area_code=area.area_code, industry_code=oews.ALL_INDUSTRIES, datatypes=("13",)
        )
        by_area[area.area_code] = cells.set_index("soc_code")
    rows = []
    for soc in wanted:
        chosen = None
        for area in chain:
            table = by_area[area.area_code]
            if soc not in table.index:
                continue
            cell = table.loc[soc]
            flag = cell["annual_median_wage_flag"]
            if cell["annual_median_wage"] is not None and pd.notna(cell["annual_median_wage"]):
                chosen = (float(cell["annual_median_wage"]), flag, area)
                break
            if flag in (oews.FLAG_TOP_CODED, oews.FLAG_ONE_WAGE_BASIS):
                chosen = (None, flag, area)
                break
        if chosen is None:
            rows.append((soc, None, oews.FLAG_NOT_RELEASED, "", ""))
        else:
            wage, flag, area = chosen
            rows.append((soc, wage, flag, f"OEWS May 2025, {area.area_name}", area.kind))
    return pd.DataFrame(
        rows, columns=["soc_code", "median_wage", "wage_flag", "wage_source", "wage_area_kind"]
    )
