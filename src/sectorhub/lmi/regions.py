"""Custom regions (any set of counties) built from county QCEW cells.

A region's value is the sum of its counties' cells. BLS suppresses many county cells; a suppressed cell is never
summed as zero: the region total then counts only the disclosed counties and is flagged ``lower_bound``.
Region LQs sum levels first, then divide (never an average of county LQs).

Example::

    >>> df = region_industries(store, counties=["39049", "39041"], year=2016, period="1")   # doctest: +SKIP
    >>> df.loc[df.industry_code == "54", ["employment", "lq", "lower_bound"]]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ibis
import ibis.expr.types as ir
import pandas as pd

from sectorhub.lmi import measures as M

# County aggregation level by NAICS digits (BLS agg-level titles); MSA levels are these minus 30, states minus 20.
COUNTY_AGGLVL = {"total": "71", "supersector": "73", 2: "74", 3: "75", 4: "76", 5: "77", 6: "78"}


class RegionError(ValueError):
    """A region request that cannot be answered (unknown county, period not loaded, bad level)."""


def parse_counties(text: str | Sequence[str]) -> list[str]:
    """Split and check county FIPS codes: five digits each, not a state total (``SS000``)."""
    items = [c.strip() for c in (text.split(",") if isinstance(text, str) else text) if c.strip()]
    bad = [c for c in items if not re.fullmatch(r"\d{5}", c) or c.endswith("000")]
    if bad or not items:
        raise RegionError(
            f"county FIPS codes must be five digits (e.g. 39049); got {', '.join(bad) or 'none'}"
        )
    return sorted(set(items))


def level_agglvl(level: int | str) -> str:
    """The county aggregation level code for a NAICS level (2..6, ``supersector`` or ``total``)."""
    key = int(level) if str(level).isdigit() else str(level)
    if key not in COUNTY_AGGLVL:
        raise RegionError(f"level must be 2..6, 'supersector' or 'total'; got {level!r}")
    return COUNTY_AGGLVL[key]


def periods_table(store, year: int, period: str, areas: list[str] | None = None) -> ir.Table:
    """The store's QCEW rows for a period (optionally some areas), annual rows derived from quarters if needed."""
    q = store.ibis.table("qcew")
    if areas is not None:
        q = q.filter(q.area_fips.isin(areas))
    period = str(period).upper()
    if period == "A":
        published = q.filter((q.year == year) & (q.qtr == "A"))
        if published.count().execute() == 0:
            return M.annualize(q.filter(q.year == year))
        return published
    return q.filter((q.year == year) & (q.qtr == period))


def region_cells(cells: ir.Table, counties: list[str], measures: tuple[str, ...]) -> ir.Table:
    """Sum county cells into one region row per (ownership, industry, level, period).

    ``n_suppressed`` counts the county cells withheld for the measure's employment; ``lower_bound`` is true when
    any is. The region total (own 0, industry 10) is never suppressed in QCEW.
    """
    c = cells.filter(cells.area_fips.isin(counties) & (cells.size_code == "0"))
    emp = "emplvl" if "emplvl" in measures else "emp_m1"
    # DuckDB sums BIGINT into HUGEINT; keep region sums in int64/float64 (no overflow at state scale).
    aggs = {
        m: c[m].sum().cast("float64" if m == "emplvl" else "int64")
        for m in measures
        if m not in ("avg_wkly_wage", "avg_annual_pay")
    }
    aggs["n_counties"] = c.area_fips.nunique()
    aggs["n_suppressed"] = c[emp].isnull().ifelse(1, 0).sum()
    aggs["suppressed_estabs"] = c[emp].isnull().ifelse(c.estabs, 0).sum()
    r = c.group_by(["own_code", "industry_code", "agglvl_code", "size_code", "year", "qtr"]).aggregate(**aggs)
    return r.mutate(area_fips=ibis.literal("REGION"), lower_bound=r.n_suppressed > 0)


def region_industries(
    store,
    *,
    counties: Sequence[str],
    year: int,
    period: str = "A",
    ownership: str = "5",
    level: int | str = 2,
) -> pd.DataFrame:
    """One row per industry of a custom region: establishments, employment, wages, LQ and a lower-bound flag.

    Columns: ``industry_code, industry_title, establishments, employment, total_wages, avg_weekly_wage, lq,
    lower_bound`` and, for a quarter, ``employment_m1..employment_m3`` (``employment`` is their mean).
    """
    counties = parse_counties(list(counties))
    period = str(period).upper()
    if period not in {"1", "2", "3", "4", "A"}:
        raise RegionError(f"period must be 1, 2, 3, 4 or A; got {period!r}")
    measures = M.measures_for(period)
    data = periods_table(store, year, period, counties)
    present = set(data.select("area_fips").distinct().to_pandas()["area_fips"])
    missing = sorted(set(counties) - present)
    if missing:
        raise RegionError(f"no {year} period {period} data loaded for counties: {', '.join(missing)}")
    agglvl = level_agglvl(level)
    sums = region_cells(data, counties, measures)
    cells = sums.filter((sums.own_code == str(ownership)) & (sums.agglvl_code == agglvl))
    summed = tuple(m for m in measures if m not in ("avg_wkly_wage", "avg_annual_pay"))
    totals = M.area_totals(sums, summed)
    ref = store.reference(year, period)
    with_lq = M.location_quotients(cells, totals, ref, summed)
    titles = store.ibis.table("industry_titles")
    out = with_lq.left_join(titles, "industry_code")
    df = out.to_pandas()
    return _present(df, period)


def _present(df: pd.DataFrame, period: str) -> pd.DataFrame:
    """Rename to the CLI's public columns and order by industry code."""
    # Sums with NULLs come back from DuckDB as Decimal objects; make every measure a float column.
    for col in ("estabs", "emp_m1", "emp_m2", "emp_m3", "emplvl", "total_wages"):
        if col in df.columns:
            df[col] = pd.to_numeric(df[col].astype(object), errors="coerce").astype("float64")
    emp_cols = ["emp_m1", "emp_m2", "emp_m3"]
    if period == "A":
        employment = df["emplvl"]
        weeks = 52
        lq = df["lq_emplvl"]
    else:
        employment = df[emp_cols].mean(axis=1, skipna=False)
        weeks = 13
        lq = df[["lq_emp_m1", "lq_emp_m2", "lq_emp_m3"]].mean(axis=1, skipna=False)
    out = pd.DataFrame(
        {
            "industry_code": df["industry_code"],
            "industry_title": df["industry_title"].fillna(""),
            "establishments": df["estabs"].round().astype("Int64"),
            "employment": employment.round(1) if period == "A" else employment,
            "total_wages": df["total_wages"].astype("Int64"),
            "avg_weekly_wage": (df["total_wages"] / employment / weeks).round(0).astype("Int64"),
            "lq": lq.round(2),
            "lower_bound": df["lower_bound"].astype(bool),
        }
    )
    if period != "A":
        for i, col in enumerate(emp_cols, start=1):
            out.insert(3 + i, f"employment_m{i}", df[col].astype("Int64"))
    return out.sort_values("industry_code", key=lambda s: s.str[:2] + s).reset_index(drop=True)
