"""Measures for many regions at once: every county (or any set of areas) in one expression.

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

from collections.abc import Sequence

import ibis
import ibis.expr.types as ir

TOTAL_INDUSTRY = "10"


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
