"""Location quotients of individual cells (areas × ownerships × industries), as prepared queries.

"Load once, answer many": after a load, asking for the LQs of every county cell of a period, then of one county,
then of another, should cost the query and nothing else. The question is the engine's Ibis measures
(:func:`sectorhub.lmi.measures.location_quotients` over :func:`~sectorhub.lmi.measures.area_totals` and the stored
national reference), compiled ahead into SQL (:mod:`sectorhub.lmi.compiled`, so no Ibis runs here) and prepared
once per store and measure as a DuckDB statement whose parameters are the period (``$1`` year, ``$2`` quarter:
DuckDB skips the Parquet row groups of other periods) and whose aggregation levels and areas come from a
temporary request table. Asking for every area uses a statement without the area filter.

What does not change between requests is computed once per load and kept for the store's connection, in
temporary tables dropped whenever a load or a rollback redefines the view ``qcew``: every area's totals (the LQ
denominators, a few thousand rows per period, ``_area_totals``) and the national shares with their provenance
coded as a small integer (``_cells_reference``). Being tables, they give DuckDB exact sizes, so the joins build
their hash tables on the small side; the coded provenance travels through the join and Arrow as an integer and
comes back as a dictionary column (a pandas ``category``) of its few texts instead of 17 bytes per row.
Results come back through Arrow (``arrow=True`` returns the Arrow table itself).

Example::

    >>> cell_lqs(store, year=2022, period="A", measures=("total_wages",), areas=["39049"])   # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyarrow as pa

from sectorhub.lmi import compiled
from sectorhub.lmi import measures as M

# The stored national shares with their provenance coded 0, 1, 2, … (in the order of the texts), the text kept
# beside it as ``reference_text``.
CELL_REFERENCE_SQL = (
    "SELECT * EXCLUDE (reference), (dense_rank() OVER (ORDER BY reference) - 1)::INTEGER AS reference, "
    "reference AS reference_text FROM reference_shares"
)
COUNTY_LEVELS = ("70", "71", "72", "73", "74", "75", "76", "77", "78")
KEYS = ("area_fips", "own_code", "industry_code", "agglvl_code", "year", "qtr")


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
    store.require_loaded()
    every = codes is None  # every area loaded: no area filter at all
    rows = [("l", str(lv), None, None) for lv in levels]
    rows += [] if every else [("a", a, None, None) for a in codes]
    store.request("_cells_request", rows)
    store.derived(compiled.AREA_TOTALS, compiled.query("area_totals"))
    store.derived(compiled.CELL_REFERENCE, CELL_REFERENCE_SQL)
    labels = _reference_labels(store)
    kind = "every" if every else "listed"
    result = None
    for m in measures:
        name = store.prepare_sql(f"cells_lq_{kind}_{m}", compiled.cells_query(m, every_area=every))
        # Both values are checked above (an integer, one of five codes), so they are safe to write in.
        table = store.con.sql(f"EXECUTE {name}({int(year)}, '{period}')").to_arrow_table()
        if m == measures[0]:
            k = table.schema.get_field_index("lq_reference")
            codes = table.column(k).combine_chunks()
            table = table.set_column(k, "lq_reference", pa.DictionaryArray.from_arrays(codes, labels))
        if result is None:
            result = table
        else:
            cols = [*KEYS, m, f"lq_{m}", f"lq_{m}_low", f"lq_{m}_high"]
            result = result.join(table.select(cols), list(KEYS), join_type="left outer")
    return result if arrow else result.to_pandas()


def _reference_labels(store):
    """The provenance texts of ``_cells_reference``, indexed by their code."""
    rows = store.con.execute(
        f"SELECT DISTINCT reference, reference_text FROM {compiled.CELL_REFERENCE} ORDER BY reference"
    ).fetchall()
    if [code for code, _ in rows] != list(range(len(rows))):
        raise AssertionError("the provenance codes of the national shares are not 0, 1, 2, …")
    return pa.array([text for _, text in rows], pa.string())
