"""Estimates of suppressed county employment that respect every published total.

BLS withholds most county industry cells (``disclosure_code = "N"``); their establishment counts stay published.
This module fills each withheld cell with an **estimate** so that, for every period and month, the estimates plus
the published cells add up exactly (to floating-point precision) to every published total:

* the industry hierarchy within a county and ownership (6-digit → 5 → 4 → 3 → sector → supersector → domain →
  ownership total), and the county total across ownerships (own 0 = own 1 + 2 + 3 + 5);
* the state file: for each ownership and industry, the counties (including ``SS999``, "unknown or undefined")
  add up to the state's published cell — used only when the state's counties are all loaded.

Method (after the Upjohn Institute's WholeData for County Business Patterns and Isserman & Westervelt 2006):
the unknowns are the suppressed 6-digit cells ("leaves"); every published aggregate fixes the sum of the unknown
leaves under it to ``published − Σ published leaves``. A seed of ``establishments × the state's average size of
the industry`` is raked (iterative proportional fitting) to all those margins in turn until every margin holds.
Aggregate cells are sums of their leaves. Full write-up: ``docs/methods-estimates.md``.

Estimates are returned in their own ``*_estimate`` columns, next to a flag ``estimated``; published values are
never overwritten, and an estimate is never presented as a published figure.

Example::

    >>> est = estimate_state(store, "39", 2016, "1")          # doctest: +SKIP
    >>> est.cells.query("area_fips == '39049' and industry_code == '54'")[["emp_m1", "emp_m1_estimate"]]
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sectorhub.lmi.measures import Setting

QUARTER_MONTHS = ("emp_m1", "emp_m2", "emp_m3")
ANNUAL_MEASURES = ("emplvl",)

# QCEW supersectors and domains by NAICS sector (BLS "High-level industry aggregation" definitions).
SUPERSECTOR = {
    "11": "1011",
    "21": "1011",
    "23": "1012",
    "31-33": "1013",
    "22": "1021",
    "42": "1021",
    "44-45": "1021",
    "48-49": "1021",
    "51": "1022",
    "52": "1023",
    "53": "1023",
    "54": "1024",
    "55": "1024",
    "56": "1024",
    "61": "1025",
    "62": "1025",
    "71": "1026",
    "72": "1026",
    "81": "1027",
    "92": "1028",
    "99": "1029",
}
SECTOR_RANGES = {"31": "31-33", "32": "31-33", "33": "31-33", "44": "44-45", "45": "44-45", "48": "48-49"}
SECTOR_RANGES["49"] = "48-49"

MAX_SWEEPS = 100
TOLERANCE = 1e-7  # employees: the largest allowed gap between a published total and the sum under it

SETTINGS = (
    Setting("estimate_max_sweeps", MAX_SWEEPS, "Most raking sweeps over all published margins."),
    Setting(
        "estimate_tolerance",
        TOLERANCE,
        "Stop raking when no published total differs from the sum of its cells by more than this (employees).",
    ),
)


class EstimateError(ValueError):
    """Estimates cannot be made for the request (no county data for the state and period)."""


@dataclass
class EstimateResult:
    """Every county and state cell of one state and period with published values and estimates side by side."""

    state_fips: str
    year: int
    period: str
    measures: tuple[str, ...]
    cells: pd.DataFrame
    sweeps: int = 0
    max_violation: float = 0.0
    used_state_totals: bool = False
    notes: list[str] = field(default_factory=list)


def sector_of(code: str) -> str:
    """The QCEW sector code of a NAICS code (``"336411"`` → ``"31-33"``)."""
    two = code[:2]
    return SECTOR_RANGES.get(two, two)


def _domain(supersector: str) -> str:
    return "101" if supersector in ("1011", "1012", "1013") else "102"


def _leaf_keys(leaves: pd.DataFrame) -> pd.DataFrame:
    """Add the leaf's ancestor codes: 5, 4, 3 digits, sector, supersector and domain."""
    code = leaves["industry_code"]
    out = leaves.assign(p5=code.str[:5], p4=code.str[:4], p3=code.str[:3])
    out["sector"] = code.map(sector_of)
    out["supersector"] = out["sector"].map(SUPERSECTOR).fillna("")
    out["domain"] = out["supersector"].map(_domain)
    return out


# (aggregation level, leaf columns that name the aggregate); county levels, then the state's (level − 20).
_LEVELS = (
    ("77", "p5"),
    ("76", "p4"),
    ("75", "p3"),
    ("74", "sector"),
    ("73", "supersector"),
    ("72", "domain"),
    ("71", None),
    ("70", None),
)


def _read(store, state_fips: str, year: int, qtr: str, measures: tuple[str, ...]) -> pd.DataFrame:
    # "-" marks a cell with no establishments in the period: a published zero, not a suppressed value.
    cols = ", ".join(f"CASE WHEN disclosure_code = '-' THEN 0 ELSE {m} END::DOUBLE AS {m}" for m in measures)
    return store.sql(
        f"SELECT area_fips, own_code, industry_code, agglvl_code, estabs::DOUBLE AS estabs, {cols} FROM qcew "
        "WHERE year = ? AND qtr = ? AND size_code = '0' AND area_fips LIKE ? "
        "AND (agglvl_code BETWEEN '70' AND '78' OR (area_fips = ? AND agglvl_code BETWEEN '50' AND '58'))",
        [int(year), qtr, f"{state_fips}%", f"{state_fips}000"],
    ).df()


def _margins(leaves: pd.DataFrame, aggs: pd.DataFrame, state: bool) -> list[tuple[np.ndarray, pd.DataFrame]]:
    """For each aggregation level, the index of each leaf's published aggregate (−1 if none) and the aggregates."""
    out = []
    for county_lvl, col in reversed(_LEVELS):
        lvl = str(int(county_lvl) - 20) if state else county_lvl
        a = aggs[aggs.agglvl_code == lvl]
        if a.empty:
            continue
        if county_lvl == "70":
            own_leaf, own_agg = pd.Series("0", index=leaves.index), a["own_code"]
        else:
            own_leaf, own_agg = leaves["own_code"], a["own_code"]
        code_leaf = leaves[col] if col else pd.Series("10", index=leaves.index)
        area_leaf = "S" if state else leaves["area_fips"]
        area_agg = "S" if state else a["area_fips"]
        leaf_key = area_leaf + "|" + own_leaf + "|" + code_leaf
        agg_key = area_agg + "|" + own_agg + "|" + a["industry_code"]
        index = pd.Index(agg_key)
        out.append((index.get_indexer(leaf_key), a.reset_index(drop=True)))
    if state:
        a = aggs[aggs.agglvl_code == "58"]
        index = pd.Index(a["own_code"] + "|" + a["industry_code"])
        out.append(
            (index.get_indexer(leaves["own_code"] + "|" + leaves["industry_code"]), a.reset_index(drop=True))
        )
    return out


def _seed(leaves: pd.DataFrame, state_rows: pd.DataFrame, measures: tuple[str, ...]) -> np.ndarray:
    """Establishments × the state's average size of the leaf's industry (its nearest published ancestor)."""
    seed = np.full((len(leaves), len(measures)), np.nan)
    fallback = np.ones(len(measures))
    if not state_rows.empty:
        tot = state_rows[(state_rows.agglvl_code == "50")]
        if not tot.empty and tot.estabs.iloc[0]:
            fallback = tot[list(measures)].iloc[0].to_numpy(float) / float(tot.estabs.iloc[0])
        for lvl, col in (("58", "industry_code"), ("57", "p5"), ("56", "p4"), ("55", "p3"), ("54", "sector")):
            s = state_rows[
                (state_rows.agglvl_code == lvl) & state_rows[measures[0]].notna() & (state_rows.estabs > 0)
            ]
            if s.empty:
                continue
            size = s[list(measures)].to_numpy(float) / s["estabs"].to_numpy(float)[:, None]
            index = pd.Index(s["own_code"] + "|" + s["industry_code"])
            pos = index.get_indexer(leaves["own_code"] + "|" + leaves[col])
            hit = (pos >= 0)[:, None] & np.isnan(seed)
            seed = np.where(hit, size[np.maximum(pos, 0)], seed)
    seed = np.where(np.isnan(seed), fallback, seed)
    estabs = np.maximum(leaves["estabs"].fillna(0).to_numpy(float), 1.0)
    # A small positive floor keeps every cell able to take up part of a positive residual.
    return np.maximum(seed * estabs[:, None], 1e-3)


def _residuals(values, unknown, margins, measures):
    """For each margin: each leaf's aggregate index and ``published − Σ published leaves`` (NaN if unpublished)."""
    out = []
    for gid, aggs in margins:
        pub = aggs[list(measures)].to_numpy(float)
        known_sum = np.zeros_like(pub)
        ok = gid >= 0
        for j in range(len(measures)):
            w = np.where(unknown[:, j], 0.0, np.nan_to_num(values[:, j]))
            known_sum[:, j] = np.bincount(gid[ok], weights=w[ok], minlength=len(aggs))
        out.append((gid, np.maximum(pub - known_sum, 0.0)))
    return out


def _free_groups(levels) -> tuple[np.ndarray, np.ndarray]:
    """Turn one tree of nested margins into disjoint ones: each leaf's nearest published aggregate, and its free mass.

    The unknown leaves whose nearest published aggregate is ``n`` must add up to ``F_n = R_n − Σ R_m`` over the
    published aggregates ``m`` whose nearest published ancestor is ``n``; together these disjoint sums are
    equivalent to every margin of the tree.
    """
    n_leaves = len(levels[0][0]) if levels else 0
    near = np.full(n_leaves, -1)
    residual = np.concatenate([np.nan_to_num(res) for _, res in levels]) if levels else np.zeros(0)
    free = residual.copy()
    offset = 0
    for gid, res in levels:
        published = (gid >= 0) & ~np.isnan(res)[np.maximum(gid, 0)]
        node = offset + gid
        inner = np.flatnonzero(published & (near >= 0))
        nodes, first = np.unique(node[inner], return_index=True)
        np.subtract.at(free, near[inner][first], residual[nodes])
        near = np.where(published, node, near)
        offset += len(res)
    return near, np.maximum(free, 0.0)


def _gap(col, blocks) -> float:
    """The largest difference between a margin's free mass and the sum of its cells."""
    worst = 0.0
    for pos, grp, free in blocks:
        cur = np.bincount(grp, weights=col[pos], minlength=len(free))
        has = np.bincount(grp, minlength=len(free)) > 0
        if has.any():
            worst = max(worst, float(np.abs(cur - free)[has].max()))
    return worst


def _project(col, blocks) -> np.ndarray:
    """The nearest point meeting both blocks of margins, each cell's change weighted by its size.

    Minimises ``Σ δ²/x`` subject to ``A(x + δ) = b``: ``δ = W·Aᵀ·z`` with ``(A·W·Aᵀ)·z = b − A·x``, solved through
    the Schur complement on the (few) state margins; cells at zero do not move, negatives are clipped.
    """
    from scipy.sparse import coo_matrix

    (pos_c, grp_c, free_c), (pos_s, grp_s, free_s) = blocks
    w = np.maximum(col, 0.0)
    r_c = free_c - np.bincount(grp_c, weights=col[pos_c], minlength=len(free_c))
    r_s = free_s - np.bincount(grp_s, weights=col[pos_s], minlength=len(free_s))
    # Each unknown cell is in one county margin and at most one state margin.
    state_of = np.full(len(col), -1)
    state_of[pos_s] = grp_s
    both = state_of[pos_c] >= 0
    cells, cg, sg = pos_c[both], grp_c[both], state_of[pos_c][both]
    d_c = np.bincount(grp_c, weights=w[pos_c], minlength=len(free_c))
    d_s = np.bincount(grp_s, weights=w[pos_s], minlength=len(free_s))
    b = coo_matrix((w[cells], (cg, sg)), shape=(len(free_c), len(free_s))).tocsr()
    inv_c = np.where(d_c > 0, 1.0 / np.where(d_c > 0, d_c, 1.0), 0.0)
    schur = np.diag(d_s) - (b.T.multiply(inv_c) @ b).toarray()
    rhs = r_s - b.T @ (inv_c * r_c)
    ridge = 1e-12 * max(float(np.abs(np.diag(schur)).max(initial=0.0)), 1.0)
    z_s = np.linalg.solve(schur + ridge * np.eye(len(free_s)), rhs)
    z_c = inv_c * (r_c - b @ z_s)
    delta = np.zeros_like(col)
    np.add.at(delta, pos_c, w[pos_c] * z_c[grp_c])
    np.add.at(delta, pos_s, w[pos_s] * z_s[grp_s])
    return np.maximum(col + delta, 0.0)


def _rake(values, unknown, seed, county_margins, state_margins, measures) -> tuple[np.ndarray, int, float]:
    """Iterative proportional fitting of the unknown leaves to the county block and the state block of margins."""
    x = np.where(unknown, seed, values)
    county = _residuals(values, unknown, county_margins, measures)
    state = _residuals(values, unknown, state_margins, measures)
    sweeps, worst = 0, 0.0
    for j in range(len(measures)):
        unk = unknown[:, j]
        blocks = []
        for margins in (county, state):
            if not margins:
                continue
            near, free = _free_groups([(g, r[:, j]) for g, r in margins])
            near = near[unk]
            ok = near >= 0
            blocks.append((np.flatnonzero(ok), near[ok], free))
        col = x[unk, j].copy()
        k, gap = 0, 0.0
        for k in range(1, MAX_SWEEPS + 1):  # noqa: B007 - the count is reported
            for pos, grp, free in blocks:
                cur = np.bincount(grp, weights=col[pos], minlength=len(free))
                factor = np.where(cur > 0, free / np.where(cur > 0, cur, 1.0), 1.0)
                col[pos] *= factor[grp]
            gap = _gap(col, blocks)
            if gap <= TOLERANCE or len(blocks) == 1:
                break
        # IPF creeps when the fit must drive some cells to zero: finish with the smallest weighted correction.
        for _ in range(10):
            if gap <= TOLERANCE:
                break
            col = _project(col, blocks)
            gap = _gap(col, blocks)
        sweeps, worst = max(sweeps, k), max(worst, gap)
        x[unk, j] = col
    return x, sweeps, worst


def _estimate_period(
    store, state_fips: str, year: int, qtr: str, measures: tuple[str, ...]
) -> EstimateResult:
    rows = _read(store, state_fips, year, qtr, measures)
    state_area = f"{state_fips}000"
    county = rows[rows.area_fips != state_area]
    state_rows = rows[rows.area_fips == state_area]
    if county.empty:
        raise EstimateError(f"no county data loaded for state {state_fips}, {year} period {qtr}")
    leaves = _leaf_keys(county[county.agglvl_code == "78"].reset_index(drop=True))
    state_rows = state_rows.copy()
    notes = []
    # The state's margins bind only when every county is loaded: the county totals then add to the state's.
    use_state = False
    if not state_rows.empty:
        ctot = county[county.agglvl_code == "70"][list(measures)].sum()
        stot = state_rows[state_rows.agglvl_code == "50"][list(measures)].sum()
        use_state = bool(np.allclose(ctot.to_numpy(float), stot.to_numpy(float)))
    if not use_state:
        notes.append(
            f"State totals ({state_area}) not used: its counties are not all loaded; estimates respect the "
            "county totals and industry hierarchy only."
        )
    county_margins = _margins(leaves, county[county.agglvl_code != "78"], state=False)
    state_margins = _margins(leaves, state_rows, state=True) if use_state else []
    values = leaves[list(measures)].to_numpy(float)
    unknown = np.isnan(values)
    seed = _seed(leaves, state_rows, measures)
    x, sweeps, worst = _rake(values, unknown, seed, county_margins, state_margins, measures)
    cells = _assemble(rows, leaves, x, unknown, measures, use_state)
    return EstimateResult(state_fips, int(year), qtr, measures, cells, sweeps, worst, use_state, notes)


def _assemble(rows, leaves, x, unknown, measures, use_state) -> pd.DataFrame:
    """Published cells keep their values; every cell gets ``<m>_estimate`` (the leaf sums where suppressed)."""
    est = pd.DataFrame(x, columns=[f"{m}_estimate" for m in measures])
    lk = pd.concat([leaves, est], axis=1)
    lk["leaf_estimated"] = unknown.any(axis=1)
    parts = []
    state_area = rows.area_fips[rows.area_fips.str.endswith("000")]
    for county_lvl, col in (*_LEVELS, ("78", "industry_code")):
        for state in (False, True):
            if state and not use_state:
                continue
            keys = (["own_code"] if county_lvl != "70" else []) + ([col] if col else [])
            if not state:
                keys = ["area_fips", *keys]
            keys = keys or ["_all"]
            g = (
                lk.assign(_all=0)
                .groupby(keys, sort=False)
                .agg(
                    **{f"{m}_estimate": (f"{m}_estimate", "sum") for m in measures},
                    any_estimated=("leaf_estimated", "any"),
                )
            )
            g = g.reset_index().drop(columns="_all", errors="ignore")
            g = g.rename(columns={col: "industry_code"} if col else {})
            if col is None:
                g["industry_code"] = "10"
            if county_lvl == "70":
                g["own_code"] = "0"
            g["agglvl_code"] = str(int(county_lvl) - 20) if state else county_lvl
            if state:
                g["area_fips"] = state_area.iloc[0]
            parts.append(g)
    sums = pd.concat(parts, ignore_index=True)
    key = ["area_fips", "own_code", "industry_code", "agglvl_code"]
    out = rows.merge(sums, on=key, how="left")
    published = out[list(measures)].notna().all(axis=1)
    for m in measures:
        out[f"{m}_estimate"] = out[m].where(out[m].notna(), out[f"{m}_estimate"])
    out["estimated"] = ~published
    return out.drop(columns=["any_estimated"])


_CACHE: dict[tuple, EstimateResult] = {}
_LOCK = threading.Lock()


def _cache_key(store, state_fips, year, period):
    version = store.sql("SELECT coalesce(max(file_id), 0), count(*) FROM ledger").fetchone()
    return (str(store.path) if store.path else id(store.con), tuple(version), state_fips, int(year), period)


def estimate_state(store, state_fips: str, year: int, period: str) -> EstimateResult:
    """Published values and estimates for every county and state cell of one state and period (cached).

    A quarter estimates the three months; ``"A"`` estimates ``emplvl`` from a published annual file, or from the
    four quarters (the mean of the twelve monthly estimates) where the year is loaded only as quarters.
    """
    period = str(period).upper()
    key = _cache_key(store, state_fips, year, period)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
    if period != "A":
        result = _estimate_period(store, state_fips, year, period, QUARTER_MONTHS)
    else:
        published = store.sql(
            "SELECT count(*) FROM qcew WHERE year = ? AND qtr = 'A' AND area_fips LIKE ?",
            [int(year), f"{state_fips}%"],
        ).fetchone()[0]
        if published:
            result = _estimate_period(store, state_fips, year, "A", ANNUAL_MEASURES)
        else:
            result = _annual_from_quarters(store, state_fips, year)
    with _LOCK:
        _CACHE[key] = result
    return result


def _annual_from_quarters(store, state_fips: str, year: int) -> EstimateResult:
    key = ["area_fips", "own_code", "industry_code", "agglvl_code"]
    quarters = [estimate_state(store, state_fips, year, q) for q in ("1", "2", "3", "4")]
    parts = []
    for q in quarters:
        c = q.cells
        parts.append(
            c[key].assign(
                emp_sum=c[list(QUARTER_MONTHS)].sum(axis=1, min_count=3),
                est_sum=c[[f"{m}_estimate" for m in QUARTER_MONTHS]].sum(axis=1),
                estimated=c["estimated"],
                estabs=c["estabs"],
            )
        )
    allq = pd.concat(parts)
    g = allq.groupby(key).agg(
        n=("estimated", "size"),
        estabs=("estabs", "mean"),
        emp_sum=("emp_sum", lambda s: s.sum() if s.notna().all() else np.nan),
        est_sum=("est_sum", "sum"),
        estimated=("estimated", "any"),
    )
    g = g[g.n == 4].reset_index()
    cells = g[key].assign(
        estabs=g.estabs.round(0),
        emplvl=g.emp_sum / 12.0,
        emplvl_estimate=g.est_sum / 12.0,
        estimated=g.estimated,
    )
    return EstimateResult(
        state_fips,
        int(year),
        "A",
        ANNUAL_MEASURES,
        cells,
        sum(q.sweeps for q in quarters),
        max(q.max_violation for q in quarters),
        all(q.used_state_totals for q in quarters),
        sorted({n for q in quarters for n in q.notes})
        + ["Annual averages are the mean of the twelve monthly estimates of the four quarters."],
    )


def county_estimates(store, counties: Sequence[str], year: int, period: str) -> pd.DataFrame:
    """The estimated cells of some counties (any states), one row per county cell."""
    period = str(period).upper()
    frames = []
    for state in sorted({c[:2] for c in counties}):
        cells = estimate_state(store, state, year, period).cells
        frames.append(cells[cells.area_fips.isin(list(counties))])
    return pd.concat(frames, ignore_index=True)


def region_estimates(
    store, *, counties: Sequence[str], year: int, period: str, ownership: str = "5", level: int | str = 2
) -> pd.DataFrame:
    """Per industry of a region: ``employment_estimate`` (and months for a quarter) and ``estimated``.

    ``employment_estimate`` equals the published sum where no county cell was suppressed.
    """
    from sectorhub.lmi.custom_regions import level_agglvl, parse_counties

    counties = parse_counties(list(counties))
    period = str(period).upper()
    agglvl = level_agglvl(level)
    cells = county_estimates(store, counties, year, period)
    cells = cells[(cells.own_code == str(ownership)) & (cells.agglvl_code == agglvl)]
    measures = ANNUAL_MEASURES if period == "A" and "emplvl_estimate" in cells else QUARTER_MONTHS
    g = cells.groupby("industry_code").agg(
        **{f"{m}_estimate": (f"{m}_estimate", "sum") for m in measures}, estimated=("estimated", "any")
    )
    g = g.reset_index()
    if measures == QUARTER_MONTHS:
        out = pd.DataFrame({"industry_code": g.industry_code})
        out["employment_estimate"] = g[[f"{m}_estimate" for m in QUARTER_MONTHS]].mean(axis=1)
        for i, m in enumerate(QUARTER_MONTHS, start=1):
            out[f"employment_m{i}_estimate"] = g[f"{m}_estimate"]
    else:
        out = pd.DataFrame({"industry_code": g.industry_code, "employment_estimate": g["emplvl_estimate"]})
    out["estimated"] = g["estimated"].astype(bool)
    return out


def add_region_estimates(store, df: pd.DataFrame, **request) -> pd.DataFrame:
    """``region_industries`` output with the estimate columns appended (the ``--estimates`` option)."""
    est = region_estimates(store, **request)
    out = df.merge(est, on="industry_code", how="left")
    est_cols = [c for c in est.columns if c.endswith("_estimate")]
    out[est_cols] = out[est_cols].round(1)
    out["estimated"] = out["estimated"].fillna(False).astype(bool)
    return out
