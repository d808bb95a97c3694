"""Custom-region QCEW measures on another backend (PySpark): the store's Parquet parts read where they lie.

The store keeps the QCEW rows as Parquet parts (docs/adr/0003-parquet-parts.md); here Spark reads those files
itself, applies the store view's disclosure rule (a value BLS withholds is NULL, never 0), and runs the region
query built from the Ibis measures in :mod:`sectorhub.lmi.measures`. Only the small tables (the national
reference shares of the period, industry titles) are copied from the DuckDB catalog. The rows are the same as
:func:`sectorhub.lmi.custom_regions.region_industries` gives on DuckDB (a test asserts it).

Example::

    >>> with Store.open(read_only=True) as store:                                   # doctest: +SKIP
    ...     df = region_industries_on("pyspark", store, counties=["39049"], year=2016, period="1")
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import pandas as pd

from sectorhub.lmi import measures as M
from sectorhub.lmi.backends import connect, put_table, read_parquet_parts
from sectorhub.lmi.custom_regions import LQ_MEASURES, SUMMED, RegionError, level_agglvl, parse_counties

KEYS = ("area_fips", "own_code", "industry_code", "agglvl_code", "size_code", "year", "qtr")


def _qcew_on(con, store, counties: list[str], year: int) -> ibis.Table:
    """The store's rows on ``con``, with the view's rule: withheld measures (code N or -) become NULL.

    Spark and DuckDB read the Parquet parts themselves. PostgreSQL cannot read Parquet, so the rows of the
    requested counties and year are put into a temporary table (a state warehouse would hold its own copy).
    """
    from sectorhub.lmi.schema import SUPPRESSIBLE

    if con.name == "postgres":
        local = store.table("qcew")
        local = local.filter(local.area_fips.isin(counties), local.year == year).select(
            *KEYS, "disclosure_code", *SUMMED
        )
        return put_table(con, "qcew", local.to_pyarrow())
    parts = [store.parts / p for (p,) in store.sql("SELECT part FROM qcew_parts ORDER BY part").fetchall()]
    raw = read_parquet_parts(con, parts)
    withheld = raw.disclosure_code.isin(["N", "-"])
    return raw.select(
        *KEYS,
        "disclosure_code",
        **{
            m: ibis.ifelse(withheld, ibis.null(raw[m].type()), raw[m]) if m in SUPPRESSIBLE else raw[m]
            for m in SUMMED
        },
    )


def region_query(
    q: ibis.Table,
    reference: ibis.Table,
    titles: ibis.Table,
    *,
    counties: list[str],
    year: int,
    period: str,
    ownership: str,
    agglvl: str,
    derive_annual: bool,
) -> ibis.Table:
    """The region's cells with LQs and lower-bound flags (raw engine columns), for one period."""
    mine = q.filter(q.area_fips.isin(counties), q.year == year)
    if derive_annual:
        annual = M.annualize(mine)
        cols = [*KEYS, *SUMMED]
        data = annual.select(
            *[annual[c] if c in annual.columns else ibis.null("int64").name(c) for c in cols]
        )
        data = data.cast({c: mine[c].type() for c in SUMMED})
    else:
        data = mine.filter(mine.qtr == period).select(*KEYS, *SUMMED)
    wanted = ((data.own_code == ownership) & (data.agglvl_code == agglvl)) | (
        (data.own_code == "0") & (data.industry_code == "10")
    )
    c = data.filter(wanted, data.size_code == "0")
    sums = c.group_by(["own_code", "industry_code", "agglvl_code", "size_code", "year", "qtr"]).aggregate(
        **{m: c[m].sum().cast("float64") for m in SUMMED},
        n_counties=c.area_fips.nunique(),
        n_suppressed=c.emplvl.isnull().ifelse(1, 0).sum(),
    )
    sums = sums.mutate(area_fips=ibis.literal("REGION"), lower_bound=sums.n_suppressed > 0)
    cells = sums.filter((sums.own_code == ownership) & (sums.agglvl_code == agglvl))
    totals = M.area_totals(sums, LQ_MEASURES)
    with_lq = M.location_quotients(cells, totals, reference, LQ_MEASURES, intervals=True)
    out = with_lq.left_join(titles, "industry_code").select(*with_lq.columns, "industry_title")
    coverage = sums.filter((sums.own_code == "0") & (sums.industry_code == "10")).select(
        "year", "qtr", region_counties=sums.n_counties
    )
    joined = coverage.left_join(out, ["year", "qtr"])
    return joined.select(
        *[x for x in out.columns if x not in ("year", "qtr")], "year", "qtr", "region_counties"
    )


def region_industries_on(
    backend: str,
    store,
    *,
    counties: Sequence[str],
    year: int,
    period: str = "A",
    ownership: str = "5",
    level: int | str = 2,
) -> pd.DataFrame:
    """`region_industries` computed on ``backend`` (``pyspark``, ``duckdb`` or a PostgreSQL URL)."""
    from sectorhub.lmi import custom_regions as regions

    counties = parse_counties(list(counties))
    agglvl = level_agglvl(level, str(ownership))
    period = str(period).upper()
    if period not in {"1", "2", "3", "4", "A"}:
        raise RegionError(f"period must be 1, 2, 3, 4 or A; got {period!r}")
    published_annual = bool(
        store.sql("SELECT count(*) FROM qcew WHERE qtr = 'A' AND year = ?", [int(year)]).fetchone()[0]
    )
    con = connect(backend)
    ref_local = store.table("reference_shares")
    ref = put_table(con, "reference", ref_local.filter(ref_local.year == int(year)).to_pyarrow())
    titles = put_table(con, "titles", store.table("industry_titles").to_pyarrow())
    expr = region_query(
        _qcew_on(con, store, counties, int(year)), ref, titles, counties=counties, year=int(year), period=period,
        ownership=str(ownership), agglvl=agglvl, derive_annual=period == "A" and not published_annual,
    )  # fmt: skip
    frame = expr.to_pandas()
    if frame.empty or int(frame["region_counties"].max()) != len(counties):
        regions._raise_for_missing(store, counties, [(int(year), period)])
        raise RegionError(f"no data loaded for {year} period {period}")
    return regions._present(frame, period)
