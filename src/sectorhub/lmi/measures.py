"""Labor-market measures as pure functions over Ibis tables.

Every function takes Ibis tables in the store's canonical QCEW shape (see :mod:`sectorhub.lmi.store`) and returns
an Ibis expression, so the same code runs on DuckDB, PostgreSQL or Spark. Formulas and sources are in
``docs/methods.md``; the names below are the ones used there.

Example::

    >>> import ibis                                           # doctest: +SKIP
    >>> q = store.table("qcew")
    >>> ref = national_reference(q, QUARTERLY)
    >>> lq = location_quotients(q.filter(q.area_fips == "39049"), area_totals(q, QUARTERLY), ref, QUARTERLY)
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from sectorhub.lmi.notes import reference_note  # noqa: F401 (re-exported: the note lives without Ibis)
from sectorhub.lmi.panel import shift_share_by
from sectorhub.lmi.sources.qcew import MEASURES

QUARTERLY = (
    "estabs",
    "emp_m1",
    "emp_m2",
    "emp_m3",
    "total_wages",
    "taxable_wages",
    "contributions",
    "avg_wkly_wage",
)
ANNUAL = (
    "estabs",
    "emplvl",
    "total_wages",
    "taxable_wages",
    "contributions",
    "avg_wkly_wage",
    "avg_annual_pay",
)
PERIOD_KEYS = ("year", "qtr")
CELL_KEYS = ("area_fips", "own_code", "industry_code", "agglvl_code", "size_code", "year", "qtr")

# Half the last published digit of an LQ: BLS rounds LQs to hundredths.
LQ_HALF_UNIT = 0.005


def measures_for(period: str) -> tuple[str, ...]:
    """The QCEW measures published for a period: ``"A"`` for annual, ``"1"``..``"4"`` for quarters."""
    return ANNUAL if str(period).upper() == "A" else QUARTERLY


def _is_us(col: ir.StringValue) -> ir.BooleanValue:
    return col.startswith("US")


def _is_state(col: ir.StringValue) -> ir.BooleanValue:
    return col.re_search(r"^[0-9]{2}000$")


def area_totals(qcew: ir.Table, measures: tuple[str, ...]) -> ir.Table:
    """Each area's total covered, all-industry values (own 0, industry 10): the BLS LQ denominator."""
    t = qcew.filter((qcew.own_code == "0") & (qcew.industry_code == "10") & (qcew.size_code == "0"))
    return t.select("area_fips", *PERIOD_KEYS, **{f"tot_{m}": t[m].cast("float64") for m in measures})


def national_reference(qcew: ir.Table, measures: tuple[str, ...], estimate: bool = True) -> ir.Table:
    """National industry shares ``N_i/N`` per period, ownership and industry, with their provenance.

    From the U.S. file (area ``US000``) where it is loaded: ``share = X[US000,i,o] / X[US000,10,0]``. Otherwise
    estimated from the published LQs of the loaded statewide files: each state's published, rounded LQ bounds
    the share to ``[x/(E·(LQ+0.005)), x/(E·(LQ−0.005))]``; the estimate is the geometric midpoint of the
    intersection of those intervals over the states, or ``Σx / Σ E·LQ`` where they do not intersect. Periods with
    no statewide rows fall back to every loaded area with published LQs. Column ``reference`` says which.
    ``estimate=False`` skips the estimate (the caller knows every period has the U.S. file).
    """
    tots = area_totals(qcew, measures)
    base = qcew.filter(qcew.size_code == "0")

    us = base.filter(base.area_fips == "US000").join(tots, ["area_fips", *PERIOD_KEYS])
    direct = us.select(
        *PERIOD_KEYS,
        "own_code",
        "industry_code",
        reference=ibis.literal("U.S. file (US000)"),
        **_exact({f"share_{m}": us[m].cast("float64") / us[f"tot_{m}"].nullif(0) for m in measures}),
    )

    if not estimate:
        return direct

    # Which periods have statewide rows with published LQs; other periods use every area.
    has_lq = base.pub_lq_disclosure_code.notnull()
    state_periods = (
        base.filter(_is_state(base.area_fips) & has_lq)
        .select(*PERIOD_KEYS)
        .distinct()
        .mutate(from_states=ibis.literal(True))
    )
    cand = base.filter(has_lq & ~_is_us(base.area_fips)).left_join(state_periods, list(PERIOD_KEYS))
    cand = cand.filter(cand.from_states.isnull() | _is_state(cand.area_fips))
    cand = cand.join(tots, ["area_fips", *PERIOD_KEYS])
    aggs = {}
    for m in measures:
        x, e, lq = cand[m].cast("float64"), cand[f"tot_{m}"], cand[f"pub_lq_{m}"]
        ok = x.notnull() & (lq > 0) & (e > 0)
        aggs[f"num_{m}"] = ok.ifelse(x, None).sum()
        aggs[f"den_{m}"] = ok.ifelse(e * lq, None).sum()
        low, high = (
            ok.ifelse(x / (e * (lq + LQ_HALF_UNIT)), None),
            (ok & (lq > LQ_HALF_UNIT)).ifelse(x / (e * (lq - LQ_HALF_UNIT)), None),
        )
        aggs[f"lo_{m}"], aggs[f"hi_{m}"] = low.max(), high.min()  # the intersection of the intervals
        aggs[f"lo_hull_{m}"], aggs[f"hi_hull_{m}"] = (
            low.min(),
            high.max(),
        )  # their hull, where they do not meet
    aggs["n_areas"] = cand.area_fips.nunique()
    aggs["n_states"] = cand.from_states.max()
    est = cand.group_by([*PERIOD_KEYS, "own_code", "industry_code"]).aggregate(**aggs)
    shares = {}
    for m in measures:
        lo, hi, ratio = est[f"lo_{m}"], est[f"hi_{m}"], est[f"num_{m}"] / est[f"den_{m}"].nullif(0)
        meet = lo.notnull() & hi.notnull() & (lo <= hi)
        shares[f"share_{m}"] = meet.ifelse((lo * hi).sqrt(), ratio)
        shares[f"share_lo_{m}"] = meet.ifelse(lo, est[f"lo_hull_{m}"])
        shares[f"share_hi_{m}"] = meet.ifelse(hi, est[f"hi_hull_{m}"])
    provenance = est.n_states.notnull().ifelse(
        "estimated from the published LQs of " + est.n_areas.cast("string") + " statewide files",
        "estimated from the published LQs of " + est.n_areas.cast("string") + " loaded areas",
    )
    estimated = est.select(*PERIOD_KEYS, "own_code", "industry_code", reference=provenance, **shares)
    us_periods = direct.select(*PERIOD_KEYS).distinct()
    estimated = estimated.anti_join(us_periods, list(PERIOD_KEYS))
    return direct.union(estimated)


def state_reference(qcew: ir.Table, state_fips: str, measures: tuple[str, ...]) -> ir.Table:
    """Industry shares of one state (``SS000``), for LQs against the state instead of the nation."""
    area = f"{state_fips[:2]}000"
    tots = area_totals(qcew, measures).filter(lambda t: t.area_fips == area)
    st = qcew.filter((qcew.area_fips == area) & (qcew.size_code == "0")).join(
        tots, ["area_fips", *PERIOD_KEYS]
    )
    return st.select(
        *PERIOD_KEYS,
        "own_code",
        "industry_code",
        reference=ibis.literal(f"state file ({area})"),
        **_exact({f"share_{m}": st[m].cast("float64") / st[f"tot_{m}"].nullif(0) for m in measures}),
    )


def _exact(shares: dict) -> dict:
    """Shares computed from a file's own values: the interval is the share itself (``share_lo = share_hi``)."""
    out = dict(shares)
    for name, value in shares.items():
        m = name.removeprefix("share_")
        out[f"share_lo_{m}"] = value
        out[f"share_hi_{m}"] = value
    return out


def widen_lq_interval(low, high):
    """An LQ interval (NumPy arrays or pandas Series) widened to hundredths, low down and high up, so it holds
    the LQ's value rounded as BLS rounds it.

    >>> [float(v) for v in widen_lq_interval(1.9512, 4.0701)]
    [1.95, 4.08]
    """
    import numpy as np

    eps = 1e-9  # a bound that is a hundredth in exact arithmetic stays that hundredth
    return np.floor(low * 100 + eps) / 100, np.ceil(high * 100 - eps) / 100


def lq_pinned(low: ir.NumericValue, high: ir.NumericValue) -> ir.BooleanValue:
    """Whether an LQ known to lie in ``[low, high]`` has one published value: both ends round to the same hundredth."""
    return low.notnull() & high.notnull() & (low.round(2) == high.round(2))


def location_quotients(
    cells: ir.Table,
    totals: ir.Table,
    reference: ir.Table,
    measures: tuple[str, ...],
    prefix: str = "lq_",
    one_period: bool = False,
    intervals: bool = False,
) -> ir.Table:
    """Add ``lq_<measure>`` to each cell: ``(x[a,i,o]/x[a,10,0]) / (N[i,o]/N[10,0])``, the BLS definition.

    The area's denominator is its total covered, all-ownership employment (own 0, industry 10), whatever the
    cell's ownership: so a private total has an LQ below 1 where government is large. NULL where the cell is
    suppressed or the reference share is unknown. ``one_period=True`` says that all three inputs hold one and
    the same period (the caller filtered them), so the joins need not compare the period keys.

    A reference share may be an interval (``share_lo_*``/``share_hi_*``, estimated from published LQs; a
    reference without them, or a share from a U.S. or state file where both ends are equal, is exact).
    ``lq_<measure>`` is NULL unless the LQ's interval has both ends rounding to the same hundredth
    (:func:`lq_pinned`): an LQ the engine cannot pin to BLS's rounding is never a plain number. A share known
    exactly pins its LQ without computing the interval. ``intervals=True`` also returns each LQ's interval,
    ``lq_<measure>_low`` and ``lq_<measure>_high`` (one point where the share is exact): what an export, a
    region or a data package shows for a withheld LQ. Without it the two columns are not computed at all, which
    saves two columns of every cell for a caller that only wants the LQs (a panel of 30 M cells).
    """
    period = [] if one_period else list(PERIOD_KEYS)
    has_bounds = all(f"share_lo_{m}" in reference.columns for m in measures)
    bounds = [f"share_{b}_{m}" for m in measures for b in ("lo", "hi")] if has_bounds else []
    ref = reference.select(
        *period, "own_code", "industry_code", "reference", *[f"share_{m}" for m in measures], *bounds
    )
    totals = totals.select("area_fips", *period, *[f"tot_{m}" for m in measures])
    j = cells.join(totals, ["area_fips", *period], how="left").join(
        ref, [*period, "own_code", "industry_code"], how="left"
    )
    lqs = {}
    for m in measures:
        local = j[m].cast("float64") / j[f"tot_{m}"].nullif(0)
        value = local / j[f"share_{m}"].nullif(0)
        if not has_bounds:
            lqs[f"{prefix}{m}"] = value
            if intervals:
                lqs[f"{prefix}{m}_low"], lqs[f"{prefix}{m}_high"] = value, value
            continue
        lo_share, hi_share = j[f"share_lo_{m}"], j[f"share_hi_{m}"]
        low, high = local / hi_share.nullif(0), local / lo_share.nullif(0)
        # An exact share (both ends equal) pins the LQ: the interval's rounding is tested only where it is not.
        lqs[f"{prefix}{m}"] = ibis.cases(
            (lo_share == hi_share, value), (lq_pinned(low, high), value), else_=None
        )
        if intervals:
            lqs[f"{prefix}{m}_low"], lqs[f"{prefix}{m}_high"] = low, high
    keep = [c for c in cells.columns]
    return j.select(*keep, lq_reference=j.reference, **lqs)


def over_the_year(cells: ir.Table, history: ir.Table, measures: tuple[str, ...]) -> ir.Table:
    """Add BLS's over-the-year changes: ``oty_<m>_chg = x[t] − x[t−1]`` and ``oty_<m>_pct_chg``.

    The percent change is ``(x[t] − x[t−1]) / x[t−1] × 100`` rounded to tenths, computed from the published
    (rounded) values, as BLS does; NULL where either year is suppressed or the prior value is 0. Ties round half
    to even, as BLS's published files do (6.25 % is published as 6.2, 18.75 % as 18.8).
    """
    prev = history.select(
        *[k for k in CELL_KEYS if k != "year"],
        year=history.year + 1,
        **{f"prev_{m}": history[m] for m in measures},
    )
    j = cells.join(prev, list(CELL_KEYS), how="left")
    out = {}
    for m in measures:
        cur, old = j[m].cast("float64"), j[f"prev_{m}"].cast("float64")
        out[f"oty_{m}_chg"] = cur - old
        out[f"oty_{m}_pct_chg"] = round_half_even_ratio(cur - old, old, 100, 1)
    return j.select(*cells.columns, **out)


def round_half_even_ratio(
    num: ir.NumericValue, den: ir.NumericValue, scale: int, digits: int
) -> ir.NumericValue:
    """``num / den × scale`` rounded to ``digits`` decimals, ties to even, exact for integer inputs.

    A tie is detected in exact arithmetic (``2·num·scale·10^digits`` is an odd multiple of ``den``), so a
    float quotient such as 6.2499999 cannot turn a tie into a non-tie.
    """
    factor = scale * 10**digits
    scaled = num * factor
    t = scaled / den.nullif(0)
    twice = scaled * 2
    tie = ((twice % den) == 0) & (((twice / den) % 2) != 0)
    even = ((t.floor() % 2) == 0).ifelse(t.floor(), t.ceil())
    return tie.ifelse(even, t.round(0)) / 10**digits


def growth(e0: ir.NumericValue, e1: ir.NumericValue, years: float | ir.NumericValue) -> dict[str, ir.Value]:
    """Absolute change, percent change and compound annual growth rate between two levels.

    ``CAGR = (e1/e0) ** (1/years) − 1``; NULL where ``e0 ≤ 0``; −100 % where ``e1 = 0``.
    """
    e0f, e1f = e0.cast("float64"), e1.cast("float64")
    valid = e0f > 0
    return {
        "abs_change": e1f - e0f,
        "pct_change": valid.ifelse((e1f - e0f) / e0f * 100, None),
        "cagr": valid.ifelse((e1f / e0f) ** (1.0 / years) - 1, None),
    }


def shift_share(
    region0: ir.Table,
    region1: ir.Table,
    nation0: ir.Table,
    nation1: ir.Table,
    keys: tuple[str, ...] = ("industry_code",),
) -> ir.Table:
    """Classic (Dunn 1960) shift-share of regional employment between two periods.

    Inputs have ``keys`` and ``emp`` columns; ``nation*`` also hold the row ``industry_code == "10"`` as the
    national total of the same universe. Per industry ``i``:
    ``NS = e0·G``, ``IM = e0·(G_i − G)``, ``CS = e1 − e0·(1 + G_i)`` so that ``NS + IM + CS = e1 − e0`` exactly,
    with ``CS`` defined for industries that enter the region (``e0 = 0``).
    """
    return shift_share_by(region0, region1, nation0, nation1, by=(), keys=keys)


def annualize(qcew: ir.Table) -> ir.Table:
    """Annual averages derived from four quarters: employment the mean of the 12 months, wages summed.

    Establishments are the mean of the four quarterly counts. A cell suppressed in any quarter is suppressed in
    the year. Rows get ``qtr = "A"``; these are SectorHub derivations, not BLS-published annual figures.
    """
    q = qcew.filter(qcew.qtr.isin(["1", "2", "3", "4"]))
    keys = [k for k in CELL_KEYS if k != "qtr"]
    agg = q.group_by(keys).aggregate(
        n_qtrs=q.qtr.nunique(),
        n_disclosed=(q.emp_m1.notnull() & q.total_wages.notnull()).ifelse(1, 0).sum(),
        estabs=q.estabs.mean(),
        emp_sum=(q.emp_m1 + q.emp_m2 + q.emp_m3).sum(),
        total_wages=q.total_wages.sum(),
        taxable_wages=q.taxable_wages.sum(),
        contributions=q.contributions.sum(),
        suppressed=(q.disclosure_code != "").ifelse(1, 0).sum(),
    )
    agg = agg.filter(agg.n_qtrs == 4)
    disclosed = agg.n_disclosed == 4
    emplvl = disclosed.ifelse(agg.emp_sum / 12.0, None)
    return agg.select(
        *keys,
        qtr=ibis.literal("A"),
        disclosure_code=disclosed.ifelse("", "N"),
        estabs=agg.estabs.round(0),
        emplvl=emplvl,
        total_wages=disclosed.ifelse(agg.total_wages, None),
        taxable_wages=disclosed.ifelse(agg.taxable_wages, None),
        contributions=disclosed.ifelse(agg.contributions, None),
        avg_wkly_wage=(agg.total_wages / emplvl.nullif(0) / 52).round(0),
        avg_annual_pay=(agg.total_wages / emplvl.nullif(0)).round(0),
    )


def annual_reference_from_quarters(
    qcew: ir.Table, estimate: bool = True, reference: ir.Table | None = None
) -> ir.Table:
    """National annual shares for a year published only as quarters.

    The annual share of employment is the average of the twelve monthly shares weighted by the monthly
    national totals, ``Σ_m s_m·N_m / Σ_m N_m``; the totals are proxied by the sum of the loaded statewide
    totals (U.S. totals where ``US000`` is loaded). Wages likewise by quarter; establishments by quarter.
    ``reference``: the quarterly shares when the caller has them already (:func:`national_reference` of the same
    rows; periods other than these quarters are ignored).
    """
    ref = reference if reference is not None else national_reference(qcew, QUARTERLY, estimate)
    tots = area_totals(qcew, QUARTERLY)
    # Weights: the U.S. totals in periods where US000 is loaded, otherwise the sum of the statewide totals.
    us_periods = tots.filter(tots.area_fips == "US000").select(*PERIOD_KEYS).distinct()
    us = tots.filter(tots.area_fips == "US000")
    states = tots.filter(_is_state(tots.area_fips)).anti_join(us_periods, list(PERIOD_KEYS))
    w = (
        us.union(states)
        .group_by(PERIOD_KEYS)
        .aggregate(
            w_m1=lambda t: t.tot_emp_m1.sum(),
            w_m2=lambda t: t.tot_emp_m2.sum(),
            w_m3=lambda t: t.tot_emp_m3.sum(),
            w_wages=lambda t: t.tot_total_wages.sum(),
            w_taxable=lambda t: t.tot_taxable_wages.sum(),
            w_contrib=lambda t: t.tot_contributions.sum(),
            w_estabs=lambda t: t.tot_estabs.sum(),
        )
    )
    j = ref.join(w, list(PERIOD_KEYS))
    if "share_lo_emp_m1" not in j.columns:  # a reference without intervals is exact
        j = j.mutate(**_exact({c: j[c] for c in j.columns if c.startswith("share_")}))
    aggs = {}
    # The weighted mean of each end of the quarterly intervals bounds the weighted mean of the shares.
    for kind in ("", "lo_", "hi_"):
        s = lambda m, kind=kind: j[f"share_{kind}{m}"]  # noqa: E731
        aggs[f"share_{kind}emplvl"] = (
            s("emp_m1") * j.w_m1 + s("emp_m2") * j.w_m2 + s("emp_m3") * j.w_m3
        ).sum() / (j.w_m1 + j.w_m2 + j.w_m3).sum()
        for m, w_col in (
            ("total_wages", "w_wages"),
            ("taxable_wages", "w_taxable"),
            ("contributions", "w_contrib"),
            ("estabs", "w_estabs"),
        ):
            aggs[f"share_{kind}{m}"] = (s(m) * j[w_col]).sum() / j[w_col].sum()
    agg = j.group_by(["year", "own_code", "industry_code"]).aggregate(
        n_qtrs=j.qtr.nunique(), reference=j.reference.max(), **aggs
    )
    agg = agg.filter(agg.n_qtrs == 4)
    return agg.select(
        "year",
        "own_code",
        "industry_code",
        *aggs,
        qtr=ibis.literal("A"),
        reference=agg.reference + ", averaged over the four quarters",
    )


ALL_MEASURES = MEASURES  # every canonical measure, in the store's column order


def all_references(qcew: ir.Table, estimate: bool = True) -> ir.Table:
    """National reference shares for every loaded period, one column per measure (NULL where not published).

    One expression for all periods: published periods from :func:`national_reference`, and annual shares
    derived from the quarters (:func:`annual_reference_from_quarters`) for years with no annual rows.
    """
    cols = ["year", "qtr", "own_code", "industry_code", "reference"]
    shares = [f"share_{kind}{m}" for kind in ("", "lo_", "hi_") for m in ALL_MEASURES]
    published = national_reference(qcew, ALL_MEASURES, estimate)
    annual_years = qcew.filter(qcew.qtr == "A").select("year").distinct()
    # The quarterly shares are the published ones computed above (computed once: the estimate is costly).
    derived = annual_reference_from_quarters(qcew.anti_join(annual_years, "year"), estimate, published)
    derived = derived.select(
        *cols, **{c: derived[c] if c in derived.columns else ibis.null("float64") for c in shares}
    )
    return published.select(*cols, *shares).union(derived)


@dataclass(frozen=True)
class Setting:
    """An engine parameter, declared once with its default and help text (a test checks each is documented)."""

    name: str
    default: object
    help: str


SETTINGS = (
    Setting(
        "lq_half_unit", LQ_HALF_UNIT, "Half the last digit BLS publishes LQs to; bounds each state's LQ."
    ),
    Setting("lq_reference_area", "US000", "Reference area for LQs: the nation, or a state file (SS000)."),
    Setting("default_ownership", "5", "Ownership used when none is given: 5 = private."),
    Setting(
        "default_level",
        2,
        "NAICS digits shown when none is given: 2 = sectors (31-33, 44-45, 48-49 combined).",
    ),
)
