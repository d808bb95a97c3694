"""Figures a package needs beyond ``region_industries``: totals over every period, over-the-year levels, map values.

Over-the-year levels come from BLS's own published changes: a year-earlier level is ``x − oty_x_chg`` of the
same cell, so growth is known for every loaded period without loading the prior year. The nation is the U.S.
file (``US000``) where loaded, otherwise the sum of the loaded statewide files (50 states and DC), named as such.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MONTHS = ("emp_m1", "emp_m2", "emp_m3")
STATES = [f"{i:02d}" for i in range(1, 57) if i not in (3, 7, 14, 43, 52)]  # 50 states and DC


def area_titles(store, areas: list[str]) -> dict[str, str]:
    """Area titles by FIPS (``"Franklin County, Ohio"``)."""
    rows = store.sql(
        "SELECT area_fips, area_title FROM area_titles WHERE area_fips IN (SELECT unnest(?::VARCHAR[]))",
        [areas],
    ).fetchall()
    return dict(rows)


def loaded_periods(store, counties: list[str]) -> list[tuple[int, str]]:
    """Every (year, period) loaded for all of ``counties``, newest first ("A" for an annual average).

    >>> loaded_periods(store, ["39041", "39159"])[:2]      # doctest: +SKIP
    [(2020, 'A'), (2020, '4')]
    """
    from sectorhub.lmi.catalog import loaded_periods as catalog_periods

    return catalog_periods(store, counties)


def industry_titles(store, codes: list[str]) -> dict[str, str]:
    """BLS's title of each industry code loaded (``NAICS 11 Agriculture, ...``); codes not loaded are left out."""
    rows = store.sql(
        "SELECT industry_code, industry_title FROM industry_titles WHERE industry_code IN (SELECT unnest(?::VARCHAR[]))",
        [list(codes)],
    ).fetchall()
    return dict(rows)


def ownership_title(store, own: str) -> str:
    """``Private``, ``Total Covered``…"""
    row = store.sql("SELECT own_title FROM ownership_titles WHERE own_code = ?", [str(own)]).fetchone()
    return row[0] if row else f"ownership {own}"


def _cell_levels(df: pd.DataFrame) -> pd.DataFrame:
    """Each row's level ``e1`` and year-earlier level ``e0`` (NaN where suppressed)."""
    quarter = df.qtr != "A"
    months = df[list(MONTHS)].astype(float).to_numpy()
    chg = df[[f"pub_oty_{m}_chg" for m in MONTHS]].astype(float).to_numpy()
    with np.errstate(invalid="ignore"):
        e1_q = months.mean(axis=1)
        e0_q = (months - chg).mean(axis=1)
    e1_a = df.emplvl.astype(float).to_numpy()
    e0_a = e1_a - df.pub_oty_emplvl_chg.astype(float).to_numpy()
    return df.assign(e1=np.where(quarter, e1_q, e1_a), e0=np.where(quarter, e0_q, e0_a))


def _annualize(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Annual rows from four quarters for years without a published annual file (mean levels, summed wages)."""
    q = df[df.qtr != "A"]
    published = set(df[df.qtr == "A"].year)
    q = q[~q.year.isin(published)]
    if q.empty:
        return df.iloc[0:0]
    g = q.groupby([*keys, "year"], dropna=False)
    size = g.size()
    # Vectorised "mean/sum only where all four quarters are published" (no Python lambdas: this is a hot path).
    e1 = g.e1.mean().where(g.e1.count() == size)
    e0 = g.e0.mean().where(g.e0.count() == size)
    wages = g.total_wages.sum().where(g.total_wages.count() == size)
    out = pd.DataFrame(
        {"n": g.qtr.nunique(), "estabs": g.estabs.mean(), "e1": e1, "e0": e0, "total_wages": wages}
    ).reset_index()
    return out[out.n == 4].drop(columns="n").assign(qtr="A")


def _levels(store, where: str, params: list, keys: list[str], annual: bool = True) -> pd.DataFrame:
    cols = ", ".join(
        [
            "area_fips",
            "industry_code",
            "year",
            "qtr",
            "estabs::DOUBLE AS estabs",
            "emplvl",
            "total_wages::DOUBLE AS total_wages",
        ]
        + [f"{m}::DOUBLE AS {m}" for m in MONTHS]
        + [f"pub_oty_{m}_chg" for m in MONTHS]
        + ["pub_oty_emplvl_chg"]
    )
    df = store.sql(f"SELECT {cols} FROM qcew WHERE size_code = '0' AND {where}", params).df()
    df = _cell_levels(df)
    base = df[["area_fips", "industry_code", "year", "qtr", "estabs", "e1", "e0", "total_wages"]]
    if not annual:
        return base
    return pd.concat([base, _annualize(base, keys)], ignore_index=True)


def summary_rows(store, counties: list[str], state_fips: str) -> tuple[list[dict], str]:
    """All-industry totals of the region, its state and the nation for every period loaded for all counties."""
    state = f"{state_fips}000"
    areas = [*counties, state, "US000", *[f"{s}000" for s in STATES]]
    df = _levels(
        store,
        "own_code = '0' AND industry_code = '10' AND area_fips IN (SELECT unnest(?::VARCHAR[]))",
        [areas],
        ["area_fips", "industry_code"],
    )
    rows, nation_note = [], ""
    for (year, qtr), g in sorted(
        df.groupby(["year", "qtr"]), key=lambda kv: (kv[0][0], kv[0][1] == "A", kv[0][1])
    ):
        reg = g[g.area_fips.isin(counties)]
        if reg.area_fips.nunique() != len(counties):
            continue
        weeks = 52 if qtr == "A" else 13
        st = g[g.area_fips == state]
        us = g[g.area_fips == "US000"]
        if us.empty:
            us = g[g.area_fips.isin([f"{s}000" for s in STATES])]
            have = {a[:2] for a in us.area_fips}
            missing = [s for s in STATES if s not in have]
            nation_note = nation_basis(_label(int(year), qtr), len(have), _state_names(store, missing))
        else:
            nation_note = nation_basis(_label(int(year), qtr), None, [])

        def tot(frame, weeks=weeks):
            if frame.empty:
                return {}
            e1, e0 = frame.e1.sum(min_count=1), frame.e0.sum(min_count=len(frame))
            wages = frame.total_wages.sum(min_count=1)
            return {
                "establishments": frame.estabs.sum(),
                "employment": e1,
                "avg_weekly_wage": wages / e1 / weeks if e1 else np.nan,
                "growth_pct": (e1 - e0) / e0 * 100 if e0 and not np.isnan(e0) else np.nan,
            }

        row = {
            "year": int(year),
            "period": qtr,
            "period_label": _label(int(year), qtr),
            "nation_basis": nation_note,
        }
        for prefix, frame in (("region", reg), ("state", st), ("nation", us)):
            t = tot(frame)
            row[f"{prefix}_establishments"] = _int(t.get("establishments"))
            row[f"{prefix}_employment"] = _int(t.get("employment"))
            row[f"{prefix}_avg_weekly_wage"] = _int(t.get("avg_weekly_wage"))
            row[f"{prefix}_growth_pct"] = _round(t.get("growth_pct"), 1)
            row[f"{prefix}_employment_exact"] = t.get("employment")
        rows.append(row)
    return rows, nation_note


def nation_basis(label: str, states_loaded: int | None, missing: list[str]) -> str:
    """Where the package's national figures come from, in plain words (``states_loaded`` None: the U.S. file).

    >>> nation_basis("2016 Q4", 48, ["California", "Texas", "Utah"]).split("; ")[1]
    'California, Texas and Utah are not loaded, so national totals leave them out.'
    """
    if states_loaded is None:
        return f"National figures for {label} are BLS's own U.S. totals."
    if states_loaded == 0:
        return (
            f"No national figures for {label}: neither BLS's U.S. file nor any statewide file is loaded for "
            "this period, so the summary's nation columns are empty."
        )
    text = (
        f"National figures for {label} add up {states_loaded} of the 51 statewide files (50 states and DC), "
        "as BLS's U.S. file is not loaded"
    )
    if not missing:
        return text + "."
    if len(missing) > 10:
        return text + f"; the other {len(missing)} are not loaded, so national totals leave those states out."
    names = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    return (
        text
        + f"; {names} {'is' if len(missing) == 1 else 'are'} not loaded, so national totals leave them out."
    )


def _state_names(store, fips: list[str]) -> list[str]:
    names = area_titles(store, [f"{s}000" for s in fips])
    return [names.get(f"{s}000", s).replace(" -- Statewide", "") for s in fips]


def _label(year: int, qtr: str) -> str:
    return f"{year} annual average" if qtr == "A" else f"{year} Q{qtr}"


def _int(x):
    return None if x is None or pd.isna(x) else int(round(float(x)))


def _round(x, digits):
    return None if x is None or pd.isna(x) else round(float(x), digits)


def industry_growth(store, counties, state_fips, year, period, ownership, level) -> pd.DataFrame:
    """Per industry: the region's year-earlier level, and the state's and nation's levels now and a year earlier.

    ``region_e0`` is known only where every county cell is published now and a year earlier. ``attrs`` holds
    ``nation_total_growth`` (all industries of the ownership, the shift-share ``G``) and ``nation_source``.
    """
    from sectorhub.lmi.custom_regions import level_agglvl

    agglvl = int(level_agglvl(level))
    own_total = 70 if str(ownership) == "0" else 71
    qtrs = ["1", "2", "3", "4", "A"] if period == "A" else [period]
    state = f"{state_fips}000"
    states = [f"{s}000" for s in STATES]
    df = _levels(
        store,
        "year = ? AND qtr IN (SELECT unnest(?::VARCHAR[])) AND own_code = ? AND ("
        "(area_fips IN (SELECT unnest(?::VARCHAR[])) AND agglvl_code = ?) OR "
        "(area_fips IN (SELECT unnest(?::VARCHAR[])) AND agglvl_code IN (?, ?)) OR "
        "(area_fips = 'US000' AND agglvl_code IN (?, ?)))",
        [
            int(year),
            qtrs,
            str(ownership),
            counties,
            str(agglvl),
            [state, *states],
            str(agglvl - 20),
            str(own_total - 20),
            str(agglvl - 60),
            str(own_total - 60),
        ],
        ["area_fips", "industry_code"],
        annual=period == "A",
    )
    df = df[df.qtr == period]
    reg = df[df.area_fips.isin(counties)]
    region = reg.groupby("industry_code").agg(
        region_e0=("e0", lambda s: s.sum() if s.notna().all() else np.nan)
    )
    # The counties published now and a year earlier: the known part an estimate of the year-earlier level adds to.
    pair = reg[reg.e1.notna() & reg.e0.notna()].groupby("industry_code")
    region = region.join(pair.e1.sum().rename("region_e1_known")).join(
        pair.e0.sum().rename("region_e0_known")
    )
    st = (
        df[df.area_fips == state]
        .set_index("industry_code")[["e1", "e0", "total_wages"]]
        .rename(columns={"total_wages": "wages"})
        .add_prefix("state_")
    )
    us = df[df.area_fips == "US000"]
    if not us.empty:
        nat = us.set_index("industry_code")[["e1", "e0"]]
        source = "the BLS U.S. file (US000)"
    else:
        s = df[df.area_fips.isin(states) & df.e1.notna() & df.e0.notna()]
        nat = s.groupby("industry_code").agg(e1=("e1", "sum"), e0=("e0", "sum"), n=("area_fips", "nunique"))
        source = (
            "the sum of the loaded statewide files where the industry is published now and a year earlier "
            "(BLS's U.S. file is not loaded)"
            if not s.empty
            else "not available (neither BLS's U.S. file nor any statewide file is loaded for both periods)"
        )
    nat = nat.assign(nation_growth=nat.e1 / nat.e0.replace(0, np.nan) - 1)
    out = region.join(st, how="outer").join(
        nat[["e1", "e0", "nation_growth"]]
        .add_prefix("nation_")
        .rename(columns={"nation_nation_growth": "nation_growth"}),
        how="outer",
    )
    out = out.reset_index().rename(columns={"index": "industry_code"})
    total = out[out.industry_code == "10"]
    out.attrs["nation_total_growth"] = (
        float(total.nation_growth.iloc[0])
        if not total.empty and pd.notna(total.nation_growth.iloc[0])
        else None
    )
    out.attrs["nation_source"] = source
    return out


def county_values(store, counties, state_fips, year, period, measure: str = "employment") -> list[dict]:
    """Every county of the state with a map value (total covered employment or average weekly wage)."""
    df = _levels(
        store,
        "year = ? AND own_code = '0' AND industry_code = '10' AND area_fips LIKE ? AND area_fips <> ? "
        "AND area_fips NOT LIKE '%999'",
        [int(year), f"{state_fips}%", f"{state_fips}000"],
        ["area_fips", "industry_code"],
        annual=period == "A",
    )
    df = df[df.qtr == period]
    titles = area_titles(store, list(df.area_fips))
    weeks = 52 if period == "A" else 13
    out = []
    for r in df.itertuples(index=False):
        value = r.e1 if measure == "employment" else r.total_wages / r.e1 / weeks if r.e1 else None
        out.append(
            {
                "fips": r.area_fips,
                "name": titles.get(r.area_fips, r.area_fips),
                "value": _int(value),
                "in_region": r.area_fips in counties,
            }
        )
    return out


def area_industries(store, area: str, year: int, period: str, ownership: str, agglvl: str) -> pd.DataFrame:
    """BLS's own published cells of one area (a metro file such as ``C1814``) in ``region_industries``' shape.

    Columns: ``industry_code, industry_title, establishments, employment, total_wages, avg_weekly_wage, lq,
    lower_bound`` (always False: nothing is summed) and ``region_e0`` (the level a year earlier, from BLS's
    over-the-year change). ``lq`` is BLS's published LQ (the mean of the three monthly LQs for a quarter; for an
    annual average derived from quarters, the mean of the twelve). Empty when the area has no cells at ``agglvl``
    for the period (not loaded, or a file of totals only such as a MicroSA or CSA file).
    """
    period = str(period).upper()
    qtrs = ["1", "2", "3", "4", "A"] if period == "A" else [period]
    params = [area, int(year), qtrs, str(ownership), str(agglvl)]
    where = "area_fips = ? AND year = ? AND qtr IN (SELECT unnest(?::VARCHAR[])) AND own_code = ? AND agglvl_code = ?"
    df = _levels(store, where, params, ["area_fips", "industry_code"], annual=period == "A")
    df = df[df.qtr == period]
    if df.empty:
        return pd.DataFrame()
    lq = store.sql(
        "SELECT industry_code, qtr, (pub_lq_emp_m1 + pub_lq_emp_m2 + pub_lq_emp_m3) / 3 AS lq_q, "
        f"pub_lq_emplvl AS lq_a FROM qcew WHERE size_code = '0' AND {where}",
        params,
    ).df()
    if period == "A" and (lq.qtr == "A").any():
        lqs = lq[lq.qtr == "A"].set_index("industry_code").lq_a
    elif period == "A":
        q = lq[lq.qtr != "A"].groupby("industry_code").lq_q
        lqs = q.mean().where(q.count() == 4)
    else:
        lqs = lq[lq.qtr == period].set_index("industry_code").lq_q
    titles = industry_titles(store, list(df.industry_code))
    weeks = 52 if period == "A" else 13
    out = pd.DataFrame(
        {
            "industry_code": df.industry_code.to_numpy(),
            "industry_title": [titles.get(c, c) for c in df.industry_code],
            "establishments": df.estabs.round().to_numpy(),
            "employment": df.e1.to_numpy(),
            "total_wages": df.total_wages.to_numpy(),
            "avg_weekly_wage": (df.total_wages / df.e1.replace(0, np.nan) / weeks).round().to_numpy(),
            "lq": lqs.reindex(df.industry_code).round(2).to_numpy(),
            "lower_bound": False,
            "region_e0": df.e0.to_numpy(),
        }
    )
    order = np.argsort([c[:2] + c for c in out.industry_code], kind="stable")
    return out.iloc[order].reset_index(drop=True)


def reference_shares(
    store, year: int, period: str, ownership: str, codes: list[str]
) -> dict[str, tuple[float, float, float]]:
    """The nation's share of all-industry employment of each industry (the LQ denominator ``N[i,o]/N[10,0]``),
    as ``(share, low, high)``: ``low`` and ``high`` bound an estimated share (both equal ``share`` from a U.S. file).

    A quarter's share is the mean of its three monthly shares; an annual average uses the annual share, or the
    mean of the four quarters' where only quarters are loaded (each bound likewise).
    """
    cols = ", ".join(
        f"share{k}emplvl, (share{k}emp_m1 + share{k}emp_m2 + share{k}emp_m3) / 3"
        for k in ("_", "_lo_", "_hi_")
    )
    rows = store.sql(
        f"SELECT industry_code, qtr, {cols} FROM reference_shares "
        "WHERE year = ? AND own_code = ? AND industry_code IN (SELECT unnest(?::VARCHAR[]))",
        [int(year), str(ownership), list(codes)],
    ).fetchall()
    out: dict[str, tuple[float, float, float]] = {}
    quarters: dict[str, list[tuple[float, float, float]]] = {}
    for code, qtr, annual, quarter, annual_lo, quarter_lo, annual_hi, quarter_hi in rows:
        a, q = (annual, annual_lo, annual_hi), (quarter, quarter_lo, quarter_hi)
        if period == "A" and qtr == "A" and None not in a:
            out[code] = tuple(float(v) for v in a)
        elif period != "A" and qtr == period and None not in q:
            out[code] = tuple(float(v) for v in q)
        elif period == "A" and qtr != "A" and None not in q:
            quarters.setdefault(code, []).append(tuple(float(v) for v in q))
    for code, values in quarters.items():
        if code not in out and len(values) == 4:
            out[code] = tuple(sum(v[k] for v in values) / 4 for k in range(3))
    return out
