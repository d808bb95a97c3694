"""Location quotients of individual cells (areas × ownerships × industries), as prepared queries.

"Load once, answer many": after a load, asking for the LQs of every county cell of a period, then of one county,
then of another, should cost the query and nothing else. The question is the engine's Ibis measures
(:func:`sectorhub.lmi.measures.location_quotients` over :func:`~sectorhub.lmi.measures.area_totals` and the stored
national reference), compiled once per store and measure into a DuckDB prepared statement whose parameters (the
period, the areas and the aggregation levels) come from a temporary request table. Results come back
through Arrow (``arrow=True`` returns the Arrow table itself).

Example::

    >>> cell_lqs(store, year=2022, period="A", measures=("total_wages",), areas=["39049"])   # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sectorhub.lmi import measures as M

COUNTY_LEVELS = ("70", "71", "72", "73", "74", "75", "76", "77", "78")
KEYS = ("area_fips", "own_code", "industry_code", "agglvl_code", "year", "qtr")


def _expression(store, measure: str):
    """LQs of one measure for the requested period, areas and levels (the request table's rows)."""
    q = store.table("qcew")
    req = store.table("_cells_request")
    period = req.filter(req.kind == "p").select("year", "qtr")
    areas = req.filter(req.kind == "a").select(area_fips=req.code)
    levels = req.filter(req.kind == "l").select(agglvl_code=req.code)
    rows = q.semi_join(period, ["year", "qtr"]).semi_join(areas, "area_fips")
    cells = rows.filter(rows.size_code == "0").semi_join(levels, "agglvl_code").select(*KEYS, measure)
    ref = store.table("reference_shares").semi_join(period, ["year", "qtr"])
    return M.location_quotients(cells, M.area_totals(rows, (measure,)), ref, (measure,))


def cell_lqs(
    store,
    *,
    year: int,
    period: str = "A",
    measures: Sequence[str] = ("emplvl",),
    areas: Sequence[str] | None = None,
    levels: Sequence[str] = COUNTY_LEVELS,
    arrow: bool = False,
):
    """The BLS location quotients ``lq_<measure>`` of every cell of the areas (every loaded area when None).

    One row per area, ownership and industry at the aggregation levels asked (county levels by default), with
    the measure itself and ``lq_reference`` naming where the national shares came from. Suppressed cells have
    a NULL LQ; so has an LQ that estimated national shares cannot pin to hundredths, whose interval is in
    ``lq_<measure>_low``/``lq_<measure>_high`` (see :func:`sectorhub.lmi.measures.location_quotients`).
    """
    period = str(period).upper()
    if period not in {"1", "2", "3", "4", "A"}:
        raise ValueError(f"period must be 1, 2, 3, 4 or A; got {period!r}")
    measures = tuple(measures)
    allowed = M.measures_for(period)
    unknown = [m for m in measures if m not in allowed]
    if unknown or not measures:
        raise ValueError(f"measures for period {period} are {', '.join(allowed)}; got {', '.join(unknown)}")
    codes = [str(a) for a in areas] if areas is not None else None
    if codes is not None and any(not re.fullmatch(r"[0-9A-Z]{5}", a) for a in codes):
        raise ValueError("area codes are five characters, like 39049 or C1814")
    con = store.con
    if codes is None:  # every area loaded for that year, from the catalog of parts
        codes = [
            a
            for (a,) in con.execute(
                "SELECT DISTINCT unnest(areas) FROM qcew_parts WHERE list_contains(years, ?)", [int(year)]
            ).fetchall()
        ]
    rows = [("p", None, int(year), period)]
    rows += [("l", lv, None, None) for lv in levels] + [("a", a, None, None) for a in codes]
    store.request("_cells_request", rows)
    result = None
    for m in measures:
        name = store.prepare(f"cells_lq_{m}", lambda m=m: _expression(store, m))
        table = con.sql(f"EXECUTE {name}").to_arrow_table()
        if result is None:
            result = table
        else:
            cols = [*KEYS, m, f"lq_{m}", f"lq_{m}_low", f"lq_{m}_high"]
            result = result.join(table.select(cols), list(KEYS), join_type="left outer")
    return result if arrow else result.to_pandas()
