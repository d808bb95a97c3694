"""Measures for many regions at once: every county (or any set of areas) in one expression, and dense panels.

:func:`sectorhub.lmi.measures.shift_share` decomposes one region; asking it for 3,000 counties means 3,000 queries.
:func:`shift_share_by` computes the same classic (Dunn 1960) decomposition for every region of a long table in a
single Ibis expression: the region tables carry ``by`` columns (e.g. ``area_fips``), the national tables do not.

Example::

    >>> q = store.ibis.table("qcew")                                   # doctest: +SKIP
    >>> counties = q.filter((q.agglvl_code == "74") & (q.own_code == "5"))
    >>> us = q.filter((q.area_fips == "US000") & (q.own_code.isin(["0", "5"])))
    >>> ss = shift_share_by(
    ...     counties.filter(counties.year == 2022).mutate(emp=counties.emplvl),
    ...     counties.filter(counties.year == 2023).mutate(emp=counties.emplvl),
    ...     us.filter(us.year == 2022).mutate(emp=us.emplvl),
    ...     us.filter(us.year == 2023).mutate(emp=us.emplvl),
    ... )
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import numpy as np

TOTAL_INDUSTRY = "10"
# The dense LQ kernel works on blocks of about this many cells (two float64 blocks fit one core's L2 cache),
# and uses threads only for panels of at least this many cells.
BLOCK_CELLS = 1 << 15
PARALLEL_CELLS = 1 << 20


def shift_share_by(
    region0: ir.Table,
    region1: ir.Table,
    nation0: ir.Table,
    nation1: ir.Table,
    by: Sequence[str] = ("area_fips",),
    keys: Sequence[str] = ("industry_code",),
    total_industry: str = TOTAL_INDUSTRY,
) -> ir.Table:
    """Classic shift-share of every region between two periods, one row per region and industry.

    Inputs have ``keys`` and ``emp`` columns; the region tables also have the ``by`` columns. The national tables
    hold the row ``industry_code == total_industry`` as the national total of the same universe (matched on the
    other ``keys``, e.g. ``own_code``). Per region ``r`` and industry ``i``, with ``G`` national and ``G_i``
    national industry growth: ``NS = e0·G``, ``IM = e0·(G_i − G)``, ``CS = e1 − e0·(1 + G_i)``, so
    ``NS + IM + CS = e1 − e0`` exactly and ``CS`` stays defined for industries entering a region (``e0 = 0``).
    A cell absent from one period counts as 0 there; a suppressed cell (``emp`` NULL) gives NULL components.
    """
    by, keys = list(by), list(keys)
    other = [k for k in keys if k != "industry_code"]
    n0 = nation0.select(*keys, n0=nation0.emp.cast("float64"))
    n1 = nation1.select(*keys, n1=nation1.emp.cast("float64"))
    nat = n0.join(n1, keys)
    tot = nat.filter(nat.industry_code == total_industry)
    tot = tot.select(*other, big_g=(tot.n1 / tot.n0.nullif(0)) - 1)
    r0 = region0.select(*by, *keys, e0=region0.emp.cast("float64"))
    r1 = region1.select(*by, *keys, e1=region1.emp.cast("float64"))
    r = r0.outer_join(r1, by + keys)
    r = r.select(
        **{k: ibis.coalesce(r[k], r[f"{k}_right"]) for k in by + keys},
        # Absent in a period (no row) counts as 0; present but suppressed (NULL) stays NULL, never 0.
        e0=r[by[0] if by else keys[0]].isnull().ifelse(0.0, r.e0),
        e1=r[f"{by[0] if by else keys[0]}_right"].isnull().ifelse(0.0, r.e1),
    )
    # Both periods are usually filters of one table: without a view Ibis 12 takes the next join for a
    # self-reference and raises IntegrityError (measures.shift_share has the same problem).
    r = r.view().join(nat, keys, how="left")
    r = r.join(tot, other, how="left") if other else r.cross_join(tot)
    g_i = (r.n1 / r.n0.nullif(0)) - 1
    return r.select(
        *by,
        *keys,
        "e0",
        "e1",
        national_growth=r.big_g,
        industry_growth=g_i,
        national_share=r.e0 * r.big_g,
        industry_mix=r.e0 * (g_i - r.big_g),
        competitive_effect=r.e1 - r.e0 * (1 + g_i),
    )


@dataclass(frozen=True)
class DensePanel:
    """A long table pivoted to a dense ``values[period, area, industry]`` cube (NaN where a cell is absent or NULL)."""

    periods: np.ndarray
    areas: np.ndarray
    industries: np.ndarray
    values: np.ndarray


def dense_panel(
    cells: ir.Table,
    value: str = "emplvl",
    area: str = "area_fips",
    industry: str = "industry_code",
    period: str = "year",
    labels: tuple[Sequence, Sequence, Sequence] | None = None,
) -> DensePanel:
    """Pivot a long table of cells into a :class:`DensePanel`.

    ``labels`` (periods, areas, industries) fixes the cube's axes, and cells outside them are left out; without
    it the axes are the distinct codes of ``cells`` (three more scans). The codes become integer positions
    inside the database (joins on three small dimension tables), so only integers and values cross into NumPy:
    fetching 30 M text keys would cost more than the measure itself.
    """
    t = cells.select(p=cells[period], a=cells[area], i=cells[industry], v=cells[value].cast("float64"))
    if labels is None:
        labels = tuple(
            t.select(c).distinct().order_by(c).to_pyarrow()[c].to_numpy(zero_copy_only=False) for c in "pai"
        )
    dims = dict(zip("pai", (np.asarray(x) for x in labels), strict=True))
    idx = t
    for col in "pai":
        dim = ibis.memtable({col: dims[col], f"{col}_ix": np.arange(len(dims[col]), dtype=np.int64)})
        idx = idx.join(dim, col).drop(col)
    shape = (len(dims["p"]), len(dims["a"]), len(dims["i"]))
    # One flat position per cell, computed in the database: a single scatter instead of three index arrays.
    flat = idx.select(k=(idx.p_ix * shape[1] + idx.a_ix) * shape[2] + idx.i_ix, v=idx.v).to_pyarrow()
    cube = np.full(shape, np.nan)
    cube.reshape(-1)[flat["k"].to_numpy(zero_copy_only=False)] = flat["v"].to_numpy(zero_copy_only=False)
    return DensePanel(dims["p"], dims["a"], dims["i"], cube)


def location_quotients_dense(
    cells: DensePanel, area_total: np.ndarray, industry_share: np.ndarray, *, threads: int | None = None
) -> np.ndarray:
    """BLS location quotients of a dense panel: ``(x[p,a,i] / X[p,a]) / s[p,i]``.

    ``area_total[p, a]`` is each area's all-industry, all-ownership total (the BLS denominator, not the sum of
    the cube's cells); ``industry_share[p, i]`` is the national share ``N_i / N``. NaN where a cell is missing,
    suppressed, or a denominator is 0 or unknown.

    The kernel multiplies by the reciprocals of the two small denominators (a division costs several
    multiplications), block by block of area rows so that each block is read, multiplied twice and written while
    it sits in one core's cache, on ``threads`` threads (NumPy releases the GIL inside its loops; default: two,
    or one on a one-core machine). The result equals the two divisions to a few units in the last place.
    """
    x = np.asarray(cells.values)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        tot = np.where(area_total > 0, area_total, np.nan).astype("float64")
        share = np.where(industry_share > 0, industry_share, np.nan).astype("float64")
        inv_tot, inv_share = 1.0 / tot, 1.0 / share
    if np.isinf(inv_tot).any() or np.isinf(inv_share).any():
        # A subnormal denominator has no finite reciprocal: divide as the definition says.
        with np.errstate(divide="ignore", invalid="ignore"):
            return (x / tot[:, :, None]) / share[:, None, :]
    out = np.empty(x.shape, dtype="float64")
    n_periods, n_areas, n_industries = x.shape
    rows = max(1, BLOCK_CELLS // max(1, n_industries))
    blocks = [(p, a, min(n_areas, a + rows)) for p in range(n_periods) for a in range(0, n_areas, rows)]

    def work(chunk: list[tuple[int, int, int]]) -> None:
        for p, a0, a1 in chunk:
            o = out[p, a0:a1]
            np.multiply(x[p, a0:a1], inv_tot[p, a0:a1, None], out=o)
            np.multiply(o, inv_share[p], out=o)

    if threads is None:
        threads = min(2, os.cpu_count() or 1)
    if threads <= 1 or x.size < PARALLEL_CELLS:
        work(blocks)
        return out
    # Groups of blocks handed out as threads free up, so a thread slowed by a busy machine takes fewer.
    step = max(1, len(blocks) // (8 * threads))
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(work, [blocks[k : k + step] for k in range(0, len(blocks), step)]))
    return out


def location_quotients_panel(
    cells: ir.Table, totals: ir.Table, reference: ir.Table, measure: str = "emplvl", ownership: str = "5"
) -> DensePanel:
    """The BLS LQs of :func:`sectorhub.lmi.measures.location_quotients`, as a dense year × area × industry cube.

    Takes the same inputs (cells, ``area_totals``, a national reference) for one measure and one ownership of
    annual cells; the fast path for all-county, all-industry, many-year panels, where writing a 30 M-row keyed
    table costs several times the arithmetic.
    """
    tot = (
        totals.select("year", "area_fips", v=totals[f"tot_{measure}"].cast("float64"))
        .to_pandas()
        .pivot_table(index="year", columns="area_fips", values="v", aggfunc="first")
    )
    ref = reference.filter(reference.own_code == ownership)
    share = (
        ref.select("year", "industry_code", v=ref[f"share_{measure}"].cast("float64"))
        .to_pandas()
        .pivot_table(index="year", columns="industry_code", values="v", aggfunc="first")
    )
    # Axes from the small tables: a cell without an area total or a national share has no LQ anyway.
    periods = np.array(sorted(set(tot.index) & set(share.index)))
    cells = cells.filter(cells.own_code == ownership)
    cube = dense_panel(cells, measure, labels=(periods, np.array(tot.columns), np.array(share.columns)))
    tot = tot.reindex(index=cube.periods, columns=cube.areas).to_numpy(dtype="float64", na_value=np.nan)
    share = share.reindex(index=cube.periods, columns=cube.industries).to_numpy(
        dtype="float64", na_value=np.nan
    )
    return DensePanel(cube.periods, cube.areas, cube.industries, location_quotients_dense(cube, tot, share))
