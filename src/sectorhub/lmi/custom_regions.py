"""Custom regions (any set of counties) built from county QCEW cells.

A region's value is the sum of its counties' cells. BLS suppresses many county cells; a suppressed cell is never
summed as zero: the region total then counts only the disclosed counties and is flagged ``lower_bound``.
Region LQs sum levels first, then divide (never an average of county LQs).

Example::

    >>> df = region_industries(store, counties=["39049", "39041"], year=2016, period="1")   # doctest: +SKIP
    >>> df.loc[df.industry_code == "54", ["employment", "lq", "lower_bound"]]
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sectorhub.lmi.notes import reference_note
from sectorhub.lmi.schema import RegionError  # defined below the store: NotLoadedError is one

if TYPE_CHECKING:  # Ibis and pandas load when used: a fresh `sectorhub lmi region` never compiles Ibis
    import ibis.expr.types as ir
    import pandas as pd

# County aggregation level by NAICS digits (BLS agg-level titles); MSA levels are these minus 30, states minus 20.
COUNTY_AGGLVL = {"total": "71", "supersector": "73", 2: "74", 3: "75", 4: "76", 5: "77", 6: "78"}


def parse_counties(text: str | Sequence[str]) -> list[str]:
    """Split and check county FIPS codes: five digits each, not a state total (``SS000``)."""
    items = [c.strip() for c in (text.split(",") if isinstance(text, str) else text) if c.strip()]
    bad = [c for c in items if not re.fullmatch(r"\d{5}", c) or c.endswith("000")]
    if bad or not items:
        raise RegionError(
            f"county FIPS codes must be five digits (e.g. 39049); got {', '.join(bad) or 'none'}"
        )
    return sorted(set(items))


# BLS's county total of all ownerships (own 0) is aggregation level 70; the total of one ownership is 71.
COUNTY_TOTAL_ALL_OWNERSHIPS = "70"


def level_agglvl(level: int | str, ownership: str | None = None) -> str:
    """The county aggregation level code for a NAICS level (2..6, ``supersector`` or ``total``); the total of
    all ownerships (``ownership="0"``) is level 70, BLS's "County, Total Covered"."""
    key = int(level) if str(level).isdigit() else str(level)
    if key not in COUNTY_AGGLVL:
        raise RegionError(f"level must be 2..6, 'supersector' or 'total'; got {level!r}")
    if key == "total" and str(ownership) == "0":
        return COUNTY_TOTAL_ALL_OWNERSHIPS
    return COUNTY_AGGLVL[key]


SUMMED = ("estabs", "emp_m1", "emp_m2", "emp_m3", "emplvl", "total_wages", "taxable_wages", "contributions")
# The region's LQs are of employment (the months of a quarter, or the annual average): each with its interval.
LQ_MEASURES = ("emp_m1", "emp_m2", "emp_m3", "emplvl")


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
    lq_low, lq_high, lower_bound`` and, for a quarter, ``employment_m1..employment_m3`` (``employment`` is their
    mean). ``lq`` is empty where estimated national shares cannot pin it to hundredths; ``lq_low``–``lq_high``
    (widened to hundredths) is then the interval it lies in, and empty wherever ``lq`` is a number.
    """
    period = str(period).upper()
    frame = region_frame(store, counties=counties, periods=[(year, period)], ownership=ownership, level=level)
    return _present(frame, period)


def region_profile(store, *, counties: Sequence[str], ownership: str = "5", level: int | str = 2) -> dict:
    """Every loaded period of a region in one query: ``{(year, period): region_industries-shaped frame}``.

    Annual periods are included for years published as annual files and for years with all four quarters.
    """
    from sectorhub.lmi.catalog import loaded_periods

    counties = parse_counties(list(counties))
    loaded = loaded_periods(store, counties, newest_first=False)
    if not loaded:
        raise RegionError(f"no period is loaded for all of the counties {', '.join(counties)}")
    periods = sorted(set(loaded) | {(y, "A") for y in {y for y, _ in loaded} if _all_quarters(loaded, y)})
    frame = region_frame(store, counties=counties, periods=periods, ownership=ownership, level=level)
    return {(y, p): _present(frame[(frame.year == y) & (frame.qtr == p)].copy(), p) for y, p in periods}


def _all_quarters(loaded: list[tuple[int, str]], year: int) -> bool:
    return {q for y, q in loaded if y == year} >= {"1", "2", "3", "4"}


def region_frame(
    store,
    *,
    counties: Sequence[str],
    periods: list[tuple[int, str]],
    ownership: str = "5",
    level: int | str = 2,
) -> pd.DataFrame:
    """Region sums, LQs and lower-bound flags for several periods in one query (raw engine columns).

    The query is the measures' own, compiled ahead into ``sql/region.sql`` (:mod:`sectorhub.lmi.compiled`), so
    a fresh process neither imports Ibis nor compiles it; it is prepared once per store, ownership and level, and
    reads the counties and periods from a temporary table, so a second region or period costs only its execution.
    """
    counties, wanted, name = _prepare_region(store, counties, periods, ownership, level)
    frame = store.con.execute(f"EXECUTE {name}").df()
    coverage = frame[["year", "qtr", "region_counties"]].drop_duplicates().itertuples(index=False)
    _check_complete(store, counties, wanted, coverage)
    return frame


def region_rows(
    store,
    *,
    counties: Sequence[str],
    year: int,
    period: str = "A",
    ownership: str = "5",
    level: int | str = 2,
) -> tuple[list[str], list[tuple], str]:
    """:func:`region_industries` without pandas: ``(columns, rows, lq_reference note)``, None where missing.

    What ``sectorhub lmi region`` prints: a fresh process then imports neither pandas nor NumPy (half its time).
    The values equal :func:`region_industries`'s, rounded the same way (a test compares every column).
    """
    period = str(period).upper()
    counties, wanted, name = _prepare_region(store, counties, [(year, period)], ownership, level)
    cursor = store.con.execute(f"EXECUTE {name}")
    cols = [d[0] for d in cursor.description]
    raw = cursor.fetchall()
    at = {c: i for i, c in enumerate(cols)}
    coverage = {(r[at["year"]], r[at["qtr"]], r[at["region_counties"]]) for r in raw}
    _check_complete(store, counties, wanted, coverage)
    return _present_rows(cols, raw, period)


def _prepare_region(
    store, counties, periods, ownership, level
) -> tuple[list[str], list[tuple[int, str]], str]:
    """Check a region request, fill the request table and prepare the query; return counties, periods, name."""
    counties = parse_counties(list(counties))
    agglvl = level_agglvl(level, str(ownership))
    ownership = str(ownership)
    if not re.fullmatch(r"[0-9]", ownership):
        raise RegionError(f"ownership must be one digit (0, 1, 2, 3, 5, 8); got {ownership!r}")
    wanted = []
    for year, period in periods:
        period = str(period).upper()
        if period not in {"1", "2", "3", "4", "A"}:
            raise RegionError(f"period must be 1, 2, 3, 4 or A; got {period!r}")
        wanted.append((int(year), period))
    annual = store.published_annual_years()
    direct = [(y, p) for y, p in wanted if p != "A" or y in annual]
    derived = sorted({y for y, p in wanted if p == "A" and y not in annual})
    # The request (kind c: county, p: period, y: derived-annual year) the prepared query reads.
    rows = [("c", c, None, None) for c in counties] + [("p", None, y, p) for y, p in direct]
    rows += [("y", None, y, None) for y in derived]
    store.require_loaded()
    store.request("_region_request", rows)
    return (
        counties,
        wanted,
        store.prepare(f"region_{ownership}_{agglvl}", lambda: region_sql(ownership, agglvl)),
    )


def _check_complete(store, counties: list[str], wanted: list[tuple[int, str]], coverage) -> None:
    """Raise for a requested period some county lacks; ``coverage`` holds (year, qtr, counties) triples."""
    complete = {(int(y), q) for y, q, n in coverage if n == len(counties)}
    if any(p not in complete for p in wanted):
        _raise_for_missing(store, counties, wanted)


def _raise_for_missing(store, counties: list[str], wanted: list[tuple[int, str]]) -> None:
    """Name the counties without data for a requested period (only reached when a period looks incomplete)."""
    problems = []
    for year, period in wanted:
        quarters = ["1", "2", "3", "4"] if period == "A" else [period]
        rows = store.sql(
            "SELECT DISTINCT area_fips FROM qcew WHERE year = ? AND (qtr = ? OR qtr IN (SELECT unnest(?::VARCHAR[]))) "
            "AND own_code = '0' AND industry_code = '10' AND area_fips IN (SELECT unnest(?::VARCHAR[]))",
            [year, period, quarters, counties],
        ).fetchall()
        missing = sorted(set(counties) - {a for (a,) in rows})
        if missing:
            problems.append(f"{year} period {period}: {', '.join(missing)}")
    if problems:
        raise RegionError("no data loaded for counties: " + "; ".join(problems))


# Placeholders the stored region SQL carries for the ownership and aggregation level (both checked codes).
OWNERSHIP_MARK, AGGLVL_MARK = "@ownership@", "@agglvl@"


def region_sql(ownership: str, agglvl: str) -> str:
    """The stored region query (``sql/region.sql``) for one ownership and county aggregation level."""
    from sectorhub.lmi import compiled

    if not re.fullmatch(r"[0-9]", ownership) or agglvl not in {
        *COUNTY_AGGLVL.values(),
        COUNTY_TOTAL_ALL_OWNERSHIPS,
    }:
        raise RegionError(f"bad ownership {ownership!r} or aggregation level {agglvl!r}")
    sql = compiled.query("region")
    return sql.replace(f"'{OWNERSHIP_MARK}'", f"'{ownership}'").replace(f"'{AGGLVL_MARK}'", f"'{agglvl}'")


def region_expr(
    q: ir.Table, request: ir.Table, ref: ir.Table, titles: ir.Table, ownership, agglvl
) -> ir.Table:
    """The region query over the QCEW rows ``q``, the request table (counties, periods, derived-annual years),
    the national reference shares and the industry titles; ownership and level are codes or placeholders."""
    import ibis

    from sectorhub.lmi import measures as M

    counties = request.filter(request.kind == "c").select(area_fips=request.code)
    periods = request.filter(request.kind == "p").select("year", "qtr")
    years = request.filter(request.kind == "y").select("year")
    # One scan of the region's rows (the requested periods and the quarters of derived years), read by both
    # branches below: only the requested cells and the all-industry totals (the LQ denominators, the coverage).
    scanned = request.filter(request.kind.isin(["p", "y"])).select("year")
    mine = q.semi_join(counties, "area_fips").semi_join(scanned, "year")
    wanted = ((mine.own_code == ownership) & (mine.agglvl_code == agglvl)) | (
        (mine.own_code == "0") & (mine.industry_code == "10")
    )
    mine = mine.filter(wanted & (mine.size_code == "0")).alias("region_rows")
    direct = mine.semi_join(periods, ["year", "qtr"])
    # Annual averages of years published only as quarters, derived here for the region's counties alone.
    annual = M.annualize(mine.semi_join(years, "year"))
    cols = ["area_fips", "own_code", "industry_code", "agglvl_code", "size_code", "year", "qtr", *SUMMED]
    direct = direct.select(*cols)
    annual = annual.select(
        *[annual[c] if c in annual.columns else ibis.null("int64").name(c) for c in cols]
    ).cast(direct.schema())
    sums = _sum_region(direct.union(annual))
    cells = sums.filter((sums.own_code == ownership) & (sums.agglvl_code == agglvl))
    totals = M.area_totals(sums, LQ_MEASURES)
    with_lq = M.location_quotients(cells, totals, ref, LQ_MEASURES, intervals=True)
    coverage = sums.filter((sums.own_code == "0") & (sums.industry_code == "10")).select(
        "year", "qtr", region_counties=sums.n_counties
    )
    out = with_lq.left_join(titles, "industry_code").select(*with_lq.columns, "industry_title")
    # Every requested period appears at least once, so an empty period can be told from a missing county.
    joined = coverage.left_join(out, ["year", "qtr"])
    return joined.select(
        *[c for c in out.columns if c not in ("year", "qtr")], "year", "qtr", "region_counties"
    )


def _sum_region(c: ir.Table) -> ir.Table:
    """Sum the selected county cells (all establishment sizes, chosen by the caller); a cell whose employment is
    withheld makes the sum a lower bound."""
    import ibis

    aggs = {m: c[m].sum().cast("float64") for m in SUMMED}
    aggs["n_counties"] = c.area_fips.nunique()
    aggs["n_suppressed"] = c.emplvl.isnull().ifelse(1, 0).sum()
    aggs["suppressed_estabs"] = c.emplvl.isnull().ifelse(c.estabs, 0).sum()
    keys = ["own_code", "industry_code", "agglvl_code", "size_code", "year", "qtr"]
    r = c.group_by(keys).aggregate(**aggs)
    return r.mutate(area_fips=ibis.literal("REGION"), lower_bound=r.n_suppressed > 0)


def _present(df: pd.DataFrame, period: str) -> pd.DataFrame:
    """Rename to the CLI's public columns and order by industry code (NumPy arithmetic: this is a hot path)."""
    import numpy as np
    import pandas as pd

    from sectorhub.lmi.measures import widen_lq_interval

    df = df[df["industry_code"].notna()]

    def col(name: str) -> np.ndarray:
        values = df[name]
        if values.dtype == object:  # a column of NULLs only
            values = pd.to_numeric(values, errors="coerce")
        return values.to_numpy(dtype="float64", na_value=np.nan)

    order = np.argsort([c[:2] + c for c in df["industry_code"]], kind="stable")
    wages = col("total_wages")[order]
    if period == "A":
        employment = col("emplvl")[order]
        weeks = 52
        lq = col("lq_emplvl")[order]
        lq_low, lq_high = col("lq_emplvl_low")[order], col("lq_emplvl_high")[order]
    else:
        months = np.vstack([col(f"emp_m{i}")[order] for i in (1, 2, 3)])
        employment = months.mean(axis=0)
        weeks = 13
        # The quarter's LQ is the mean of the monthly ones, so its interval is the mean of their intervals.
        lq_low = np.vstack([col(f"lq_emp_m{i}_low")[order] for i in (1, 2, 3)]).mean(axis=0)
        lq_high = np.vstack([col(f"lq_emp_m{i}_high")[order] for i in (1, 2, 3)]).mean(axis=0)
        lq = (lq_low + lq_high) / 2
    # Published only where both ends of its interval round to the same hundredth; otherwise lq is empty and
    # lq_low/lq_high (widened to hundredths) say where it lies.
    pinned = np.round(lq_low, 2) == np.round(lq_high, 2)
    lq = np.where(pinned, lq, np.nan)
    shown_low, shown_high = widen_lq_interval(
        np.where(pinned, np.nan, lq_low), np.where(pinned, np.nan, lq_high)
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        aww = np.round(wages / employment / weeks)
    data = {
        "industry_code": df["industry_code"].to_numpy()[order],
        "industry_title": df["industry_title"].fillna("").to_numpy()[order],
        "establishments": pd.array(np.round(col("estabs")[order]), dtype="Int64"),
        "employment": np.round(employment, 1) if period == "A" else employment,
    }
    if period != "A":
        for i in (1, 2, 3):
            data[f"employment_m{i}"] = pd.array(months[i - 1], dtype="Int64")
    data["total_wages"] = pd.array(wages, dtype="Int64")
    data["avg_weekly_wage"] = pd.array(aww, dtype="Int64")
    data["lq"] = np.round(lq, 2)
    data["lq_low"], data["lq_high"] = shown_low, shown_high
    data["lower_bound"] = df["lower_bound"].to_numpy(dtype=bool)[order]
    out = pd.DataFrame(data)
    # Where the national shares behind the LQs came from, for every output to show.
    out.attrs["lq_reference"] = reference_note(df["lq_reference"])
    return out


def _present_rows(cols: list[str], raw: list[tuple], period: str) -> tuple[list[str], list[tuple], str]:
    """:func:`_present` in plain Python for the rows of one period: same columns, order and rounding.

    NumPy rounds ``x`` to ``d`` decimals as ``rint(x·10^d)/10^d`` (ties to even); ``round`` on the same product
    gives the same float. NULL stays None (pandas' NA).
    """
    at = {c: i for i, c in enumerate(cols)}

    def num(row: tuple, name: str) -> float | None:
        value = row[at[name]]
        return None if value is None or value != value else float(value)

    def rounded(x: float | None, digits: int = 0) -> float | None:
        if x is None:
            return None
        return float(round(x)) if digits == 0 else round(x * 10**digits) / 10**digits

    def whole(x: float | None) -> int | None:
        return None if x is None else int(x)

    def mean(values: list[float | None]) -> float | None:
        return None if any(v is None for v in values) else (values[0] + values[1] + values[2]) / 3

    rows = [r for r in raw if r[at["industry_code"]] is not None]
    rows.sort(key=lambda r: r[at["industry_code"]][:2] + r[at["industry_code"]])
    out = []
    for r in rows:
        wages = num(r, "total_wages")
        if period == "A":
            months, employment, weeks, lq = [], num(r, "emplvl"), 52, num(r, "lq_emplvl")
            low, high = num(r, "lq_emplvl_low"), num(r, "lq_emplvl_high")
        else:
            months = [num(r, f"emp_m{i}") for i in (1, 2, 3)]
            employment, weeks = mean(months), 13
            # The quarter's LQ is the mean of the monthly ones, so its interval is the mean of their intervals.
            low = mean([num(r, f"lq_emp_m{i}_low") for i in (1, 2, 3)])
            high = mean([num(r, f"lq_emp_m{i}_high") for i in (1, 2, 3)])
            lq = None if low is None or high is None else (low + high) / 2
        # As _present: a number only where both ends round to the same hundredth, else the widened interval.
        pinned = low is not None and high is not None and rounded(low, 2) == rounded(high, 2)
        if pinned:
            shown_low = shown_high = None
        else:
            lq = None
            shown_low = None if low is None else math.floor(low * 100 + 1e-9) / 100
            shown_high = None if high is None else math.ceil(high * 100 - 1e-9) / 100
        aww = None
        if wages is not None and employment:
            aww = whole(rounded(wages / employment / weeks))
        out.append(
            (
                r[at["industry_code"]],
                r[at["industry_title"]] or "",
                whole(rounded(num(r, "estabs"))),
                rounded(employment, 1) if period == "A" else employment,
                *[whole(m) for m in months],
                whole(wages),
                aww,
                rounded(lq, 2),
                shown_low,
                shown_high,
                bool(r[at["lower_bound"]]),
            )
        )
    names = ["industry_code", "industry_title", "establishments", "employment"]
    names += [f"employment_m{i}" for i in (1, 2, 3)] if period != "A" else []
    names += ["total_wages", "avg_weekly_wage", "lq", "lq_low", "lq_high", "lower_bound"]
    return names, out, reference_note(r[at["lq_reference"]] for r in rows)


def rows_csv(columns: list[str], rows: list[tuple]) -> str:
    """CSV text as pandas' ``to_csv(index=False)`` writes these values: None empty, floats by ``repr``."""
    import csv
    import io

    def text(v) -> str:
        if v is None:
            return ""
        return repr(v) if isinstance(v, float) else str(v)

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([text(v) for v in row] for row in rows)
    return buf.getvalue()
