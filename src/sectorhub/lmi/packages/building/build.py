"""Build a regional data package from the engine: summary, industries, target classes, shift-share, charts.

Example::

    >>> pkg = build_package(store, ["39049", "39041"], 2016, "1", level=2, ownership="5")   # doctest: +SKIP
    >>> render(pkg, "json")
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Sequence
from datetime import UTC, datetime

import numpy as np
import pandas as pd

from sectorhub.lmi import measures as M
from sectorhub.lmi.custom_regions import RegionError, level_agglvl, parse_counties, region_industries
from sectorhub.lmi.packages.building import classify, figures
from sectorhub.lmi.packages.building import settings as S
from sectorhub.lmi.packages.building.model import (
    LOWER_BOUND,
    PUBLISHED,
    SUPPRESSED,
    Column,
    DataPackage,
    Section,
    Source,
)
from sectorhub.lmi.packages.rendering import charts

LEVEL_LABELS = {"2": "NAICS sectors", "3": "NAICS 3-digit subsectors", "4": "NAICS 4-digit industry groups"}
LEVEL_LABELS |= {
    "5": "NAICS 5-digit industries",
    "6": "NAICS 6-digit industries",
    "supersector": "Supersectors",
}

UNCLASSIFIED = {"99", "999", "9999", "99999", "999999"}

# Other sides' sections, appended after the demand side's: "module:function", called as f(store, pkg, options).
SECTION_HOOKS = ["sectorhub.lmi.packages.supply_side.section:add_supply_sections"]


def period_label(year: int, period: str) -> str:
    """``2016 Q1`` or ``2016 annual average``."""
    return f"{year} annual average" if str(period).upper() == "A" else f"{year} Q{period}"


def _r(x, digits=0):
    """Round for display and storage (None for missing); whole numbers become int."""
    if x is None or (isinstance(x, float) and math.isnan(x)) or pd.isna(x):
        return None
    v = round(float(x), digits) + 0.0  # + 0.0 turns a rounded -0.0 into 0.0 (no "-0.0" in any output)
    return int(v) if digits == 0 else v


def build_package(
    store,
    counties: Sequence[str],
    year: int,
    period: str,
    level: int | str = 2,
    ownership: str = "5",
    *,
    name: str | None = None,
    settings: dict | None = None,
    estimates: bool = False,
    map_measure: str = "employment",
    section_options: dict | None = None,
    bls_area: bool = True,
) -> DataPackage:
    """A package for any region (a list of county FIPS) and any loaded period; see :mod:`.model` for the shape.

    When the counties are exactly a metro area whose BLS file is loaded, the industry figures are BLS's own for
    the area (``bls_area=False`` sums the counties anyway, e.g. to compare the two).

    ``section_options`` goes to each of ``SECTION_HOOKS`` (e.g. ``{"supply": SupplyInputs(...)}``).
    """
    cfg = S.resolve(settings)
    counties = parse_counties(list(counties))
    period = str(period).upper()
    level = str(level)
    level_agglvl(level)
    state_fips = counties[0][:2]
    titles = figures.area_titles(store, [*counties, f"{state_fips}000"])
    state_name = titles.get(f"{state_fips}000", f"State {state_fips}").replace(" -- Statewide", "")
    notes: list[str] = []

    summary, nation_note = figures.summary_rows(store, counties, state_fips)
    if not any(r["year"] == int(year) and r["period"] == period for r in summary):
        qtrs = ["1", "2", "3", "4", "A"] if period == "A" else [period]
        have = store.sql(
            "SELECT DISTINCT area_fips FROM qcew WHERE year = ? AND qtr IN (SELECT unnest(?::VARCHAR[])) "
            "AND area_fips IN (SELECT unnest(?::VARCHAR[]))",
            [int(year), qtrs, counties],
        ).fetchall()
        missing = sorted(set(counties) - {a for (a,) in have})
        raise RegionError(
            f"{period_label(year, period)} is not loaded for every county of the region"
            + (f"; missing: {', '.join(missing)}" if missing else "")
        )
    current = next(r for r in summary if r["year"] == int(year) and r["period"] == period)
    notes.append(current.get("nation_basis") or nation_note)

    df = region_industries(
        store, counties=counties, year=int(year), period=period, ownership=ownership, level=level
    )
    lq_reference = df.attrs.get("lq_reference", "")
    growth = figures.industry_growth(store, counties, state_fips, int(year), period, ownership, level)
    area = _bls_area(store, counties, int(year), period, ownership, level) if bls_area else None
    if area is not None:
        # The region is exactly a BLS area whose file is loaded: BLS's own cells replace the county sums.
        place, cells = area
        attrs = growth.attrs
        growth = growth.drop(columns="region_e0").merge(
            cells[["industry_code", "region_e0"]], on="industry_code", how="outer"
        )
        growth.attrs = attrs
        df = cells.drop(columns="region_e0")
        lq_reference = f"published by BLS in the {place.code} file (against the U.S.)"
    ind = _industry_rows(df, growth, current, cfg)
    if estimates:
        _add_estimates(store, ind, counties, int(year), period, ownership, level)
        _use_estimates(store, ind, growth, current, cfg, int(year), period, ownership)

    highlights = _highlights(ind, cfg)
    own_title = figures.ownership_title(store, ownership)
    lbl = period_label(int(year), period)
    region_name = name or (
        titles.get(counties[0], counties[0]) if len(counties) == 1 else f"{len(counties)}-county region"
    )
    county_list = [{"fips": c, "name": titles.get(c, c)} for c in counties]
    pkg = DataPackage(
        region_name=region_name,
        counties=county_list,
        state_fips=state_fips,
        state_name=state_name,
        year=int(year),
        period=period,
        period_label=lbl,
        level=level,
        level_label=LEVEL_LABELS.get(level, level),
        ownership=str(ownership),
        ownership_label=own_title,
        summary=summary,
        highlights=highlights,
        industries=ind,
        charts={},
        sources=[],
        notes=notes,
        settings=cfg,
        generated_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        estimates_included=estimates,
    )
    if area is not None:
        pkg.bls_area = {"code": place.code, "title": place.name, "kind": place.kind}
        notes.append(
            f"The region's counties are exactly the {place.name} {_AREA_KINDS[place.kind]} (QCEW area "
            f"{place.code}): its industry figures are BLS's own for the area (employment, wages, location "
            "quotients and over-the-year changes as published), not sums of county cells."
        )
    pkg.unclassified_suppressed = sum(1 for r in ind if _blocked_by_suppression(r))
    pkg.estimated_industries = sum(1 for r in ind if r.get("estimate"))
    if pkg.unclassified_suppressed:
        notes.append(
            f"{pkg.unclassified_suppressed} of {len(ind)} industries are not classified in the target-industry "
            f"view: BLS suppressed {'an area' if area is not None else 'a county'} figure they need (employment, "
            "or the change over the year)."
            + (
                ""
                if estimates
                else " With estimates on (--estimates), they are classified from SectorHub estimates."
            )
        )
    if pkg.estimated_industries:
        notes.append(
            f"{pkg.estimated_industries} of {len(ind)} industries have figures BLS suppressed: their growth, wage, "
            "LQs, shift-share and target class use SectorHub estimates, marked 'estimate' in the Basis column."
        )
    pkg.warnings = freshness_warnings(summary, int(year), period, datetime.now(UTC).year)
    pkg.notes += _standard_notes(pkg, growth.attrs.get("nation_source", ""))
    pkg.sources = _sources(store, pkg, lq_reference)
    county_values = figures.county_values(store, counties, state_fips, int(year), period, map_measure)
    pkg.charts = {
        "targets": charts.bubble_chart(pkg),
        "map": charts.county_map(pkg, county_values, map_measure),
    }
    pkg.sections = _sections(pkg)
    if not pkg.section("shift_share").rows:
        pkg.section("shift_share").empty_reason = _shift_share_reason(pkg, growth)
    for hook in SECTION_HOOKS:
        module, func = hook.split(":")
        getattr(importlib.import_module(module), func)(store, pkg, section_options or {})
    return pkg


def _status(value, lower_bound: bool) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return SUPPRESSED
    return LOWER_BOUND if lower_bound else PUBLISHED


def _industry_rows(df: pd.DataFrame, growth: pd.DataFrame, current: dict, cfg: dict) -> list[dict]:
    g = growth.set_index("industry_code") if not growth.empty else pd.DataFrame()
    rows = []
    for r in df.itertuples(index=False):
        emp = None if pd.isna(r.employment) else float(r.employment)
        status = _status(emp, bool(r.lower_bound))
        gi = g.loc[r.industry_code] if r.industry_code in g.index else None

        def gv(key, gi=gi):
            return None if gi is None or pd.isna(gi[key]) else float(gi[key])

        state_emp, state_total = gv("state_e1"), current.get("state_employment_exact")
        lq_state = None
        if emp is not None and state_emp and state_total and current.get("region_employment_exact"):
            lq_state = (emp / current["region_employment_exact"]) / (state_emp / state_total)
        e0 = gv("region_e0") if status == PUBLISHED else None
        growth_pct = (emp - e0) / e0 * 100 if e0 else None
        nat_g = gv("nation_growth")
        row = {
            "estimate": False,
            "basis": "BLS",
            "measure_status": status,
            "employment_used": _r(emp),
            "industry_code": r.industry_code,
            "industry_title": _short_title(r.industry_title, r.industry_code),
            "establishments": _r(r.establishments),
            "employment": _r(emp),
            "employment_status": status,
            "total_wages": _r(None if pd.isna(r.total_wages) else float(r.total_wages)),
            # The disclosed counties' average wage is not a bound on the region's, so it is not shown.
            "avg_weekly_wage": None
            if status != PUBLISHED or pd.isna(r.avg_weekly_wage)
            else _r(float(r.avg_weekly_wage)),
            "wage_status": {PUBLISHED: PUBLISHED, SUPPRESSED: SUPPRESSED}.get(status, "not shown"),
            "lq_nation": _r(None if pd.isna(r.lq) else float(r.lq), 2),
            # An LQ the estimated national shares cannot pin to hundredths: lq_nation is None, and this is
            # the interval it lies in (None wherever lq_nation is published or unknown).
            "lq_nation_low": _optional(getattr(r, "lq_low", None)),
            "lq_nation_high": _optional(getattr(r, "lq_high", None)),
            "lq_state": _r(lq_state, 2),
            "employment_year_earlier": _r(e0),
            "growth_pct": _r(growth_pct, 1),
            "state_growth_pct": _r(_pct(gv("state_e1"), gv("state_e0")), 1),
            "nation_growth_pct": _r(nat_g * 100 if nat_g is not None else None, 1),
        }
        # Classic shift-share over the year (Dunn): NS = e0·G, IM = e0·(G_i − G), CS = e1 − e0·(1 + G_i).
        big_g = growth.attrs.get("nation_total_growth")
        if e0 is not None and nat_g is not None and big_g is not None:
            row["national_share"] = _r(e0 * big_g)
            row["industry_mix"] = _r(e0 * (nat_g - big_g))
            row["competitive_effect"] = _r(emp - e0 * (1 + nat_g))
        else:
            row["national_share"] = row["industry_mix"] = row["competitive_effect"] = None
        cls, why = classify.classify(
            lq=row["lq_nation"],
            lq_interval=(row["lq_nation_low"], row["lq_nation_high"]),
            growth=row["growth_pct"],
            national_growth=row["nation_growth_pct"],
            employment=row["employment"],
            status=status,
            settings=cfg,
        )
        row["target_class"], row["target_reason"] = cls, why
        rows.append(row)
    return rows


_AREA_KINDS = {
    "metro": "Metropolitan Statistical Area",
    "micro": "Micropolitan Statistical Area",
    "csa": "Combined Statistical Area",
}


def _bls_area(store, counties, year, period, ownership, level):
    """``(place, cells)`` when the counties are exactly a BLS area with industry detail loaded for the period.

    BLS publishes industry detail for metropolitan areas (aggregation levels 40-48, the county level minus 30);
    MicroSA and CSA files hold totals only, so a region equal to one of those sums its counties.
    """
    from sectorhub.lmi.places import PlaceError, bls_areas

    try:
        places = bls_areas(list(counties))
    except (OSError, PlaceError):  # no delineation file: every region sums its counties
        return None
    agglvl = str(int(level_agglvl(level)) - 30)
    for place in places:
        if place.kind not in ("metro", "micro"):
            continue
        cells = figures.area_industries(store, place.code, year, period, ownership, agglvl)
        if not cells.empty:
            return place, cells
    return None


def _use_estimates(store, rows, growth, current, cfg, year, period, ownership) -> None:
    """Fill every measure a suppressed figure blocks with one computed from the employment estimate, flagged.

    An industry published now but not a year earlier keeps BLS's employment, wage and LQs; only its year-earlier
    level (so growth, shift-share and class) is estimated, ``basis = "estimate (growth)"``.

    For an industry whose region employment is not published (suppressed or a lower bound), with ``E`` its
    estimate, ``P`` the published part (the counties BLS published now), ``K1``/``K0`` the counties published now
    and a year earlier, and ``g`` the state's growth of the industry (the nation's where the state's is suppressed):

    * year-earlier level ``E0 = K0 + (E − K1) / (1 + g)`` (the estimated part grew as the industry in the state);
    * wages ``W = Wp + (E − P) · w_state`` (the estimated jobs are paid the state's average weekly wage);
    * LQ vs nation ``(E / region total) / national share``, LQ vs state likewise with the state's share;
    * growth, shift-share and the target class from ``E`` and ``E0``.
    """
    weeks = 52 if period == "A" else 13
    g = growth.set_index("industry_code") if not growth.empty else pd.DataFrame()
    # Blocked: employment not published, or published without a year-earlier level (suppressed then).
    todo = [
        r
        for r in rows
        if (r["employment_status"] != PUBLISHED or r["growth_pct"] is None)
        and (r["employment"] if r["employment_status"] == PUBLISHED else r.get("employment_estimate"))
        is not None
    ]
    shares = figures.reference_shares(store, year, period, ownership, [r["industry_code"] for r in todo])
    total = current.get("region_employment_exact")
    state_total = current.get("state_employment_exact")
    big_g = growth.attrs.get("nation_total_growth")
    for row in todo:
        code = row["industry_code"]
        only_growth = row["employment_status"] == PUBLISHED  # employment, wage and LQs stay BLS's
        e = float(row["employment"] if only_growth else row["employment_estimate"])
        gi = g.loc[code] if code in g.index else None

        def gv(key, gi=gi):
            return None if gi is None or key not in gi or pd.isna(gi[key]) else float(gi[key])

        published = float(row["employment"] or 0)
        s1, s0, sw = gv("state_e1"), gv("state_e0"), gv("state_wages")
        k1, k0 = gv("region_e1_known") or 0.0, gv("region_e0_known") or 0.0
        nat_g = gv("nation_growth")
        rate = s1 / s0 if s1 and s0 else (1 + nat_g if nat_g is not None and nat_g > -1 else None)
        e0 = k0 + (e - k1) / rate if rate else None
        wage = None
        if sw is not None and s1:
            wages = float(row["total_wages"] or 0) + (e - published) * sw / s1
            wage = wages / e / weeks if e else None
        share, share_lo, share_hi = shares.get(code, (None, None, None))
        lq = lq_low = lq_high = None
        if total and share and share_lo and share_hi:
            lq_low, lq_high = (e / total) / share_hi, (e / total) / share_lo
            if round(lq_low, 2) == round(lq_high, 2):
                lq, lq_low, lq_high = (e / total) / share, None, None
            else:
                lq_low, lq_high = (float(v) for v in M.widen_lq_interval(lq_low, lq_high))
        lq_state = (e / total) / (s1 / state_total) if total and s1 and state_total else None
        row.update(
            estimate=True,
            basis="estimate",
            employment_year_earlier=_r(e0),
            growth_pct=_r((e - e0) / e0 * 100 if e0 else None, 1),
        )
        if only_growth:
            row["basis"] = "estimate (growth)"
        else:
            row.update(
                employment_used=_r(e),
                measure_status="estimate",
                avg_weekly_wage=_r(wage),
                wage_status="estimate" if wage is not None else row["wage_status"],
                lq_nation=_r(lq, 2),
                lq_nation_low=lq_low,
                lq_nation_high=lq_high,
                lq_state=_r(lq_state, 2),
            )
        if e0 is not None and nat_g is not None and big_g is not None:
            row["national_share"] = _r(e0 * big_g)
            row["industry_mix"] = _r(e0 * (nat_g - big_g))
            row["competitive_effect"] = _r(e - e0 * (1 + nat_g))
        cls, why = classify.classify(
            lq=row["lq_nation"],
            lq_interval=(row["lq_nation_low"], row["lq_nation_high"]),
            growth=row["growth_pct"],
            national_growth=row["nation_growth_pct"],
            employment=_r(e),
            status=PUBLISHED,
            settings=cfg,
        )
        row["target_class"], row["target_reason"] = cls, f"{why} (estimate)"


def _blocked_by_suppression(row: dict) -> bool:
    """True when an industry has no target class because a figure it needs is suppressed (not because it is small)."""
    why = row.get("target_reason") or ""
    return row.get("target_class") is None and (
        why.startswith("employment ") or why.startswith("no over-the-year")
    )


def _optional(x) -> float | None:
    return None if x is None or pd.isna(x) else float(x)


def _pct(e1, e0):
    return (e1 - e0) / e0 * 100 if e1 is not None and e0 else None


def _short_title(title: str, code: str) -> str:
    prefix = f"NAICS {code} "
    return title[len(prefix) :] if title.startswith(prefix) else title


def _add_estimates(store, rows, counties, year, period, ownership, level) -> None:
    from sectorhub.lmi.estimates import region_estimates

    est = region_estimates(
        store, counties=counties, year=year, period=period, ownership=ownership, level=level
    ).set_index("industry_code")
    for row in rows:
        if row["industry_code"] in est.index:
            e = est.loc[row["industry_code"]]
            row["employment_estimate"] = _r(float(e["employment_estimate"]))
            row["estimated"] = bool(e["estimated"])
        else:
            row["employment_estimate"], row["estimated"] = None, False


def _highlights(rows: list[dict], cfg: dict) -> dict[str, list[dict]]:
    n, floor = cfg["highlight_count"], cfg["target_min_employment"]
    # NAICS 99 (Unclassified) is a BLS holding code for establishments not yet coded, not an industry.
    known = [r for r in rows if r["employment"] is not None and r["industry_code"] not in UNCLASSIFIED]
    solid = [r for r in known if r["employment_status"] == PUBLISHED and r["employment"] >= floor]

    def pick(items, key):
        items = [r for r in items if r[key] is not None]
        return [
            {k: r[k] for k in ("industry_code", "industry_title", key, "employment", "employment_status")}
            for r in sorted(items, key=lambda r: r[key], reverse=True)[:n]
        ]

    return {
        "largest": pick(known, "employment"),
        "most_concentrated": pick(solid, "lq_nation"),
        "fastest_growing": pick(solid, "growth_pct"),
    }


def _standard_notes(pkg: DataPackage, nation_source: str) -> list[str]:
    out = [
        "Suppressed: BLS withholds a county cell to protect the confidentiality of employers; such a value is "
        "shown as 'suppressed', never as zero.",
        "Lower bound (≥): a region figure that sums only the counties where BLS published the cell; the true "
        "value is at least this. The average weekly wage of such an industry is not shown ('–'): the "
        "published counties' average is not a bound on the region's.",
        "Growth is the over-the-year change from the same period a year earlier, from BLS's published "
        "over-the-year changes, for industries published in every county of the region.",
        "LQ against the nation uses BLS's definition (all-ownership, all-industry totals as denominators); LQ "
        f"against the state compares the region with {pkg.state_name}.",
        "Shift-share (Dunn 1960): national share = e0·G, industry mix = e0·(Gi − G), competitive effect = "
        "e1 − e0·(1 + Gi), with G the national growth of all industries of the same ownership and Gi that of "
        "the industry; the three add up to the change in jobs.",
    ]
    if nation_source:
        out.append(f"National industry growth: {nation_source}.")
    if pkg.estimates_included:
        out.append(
            "Estimates (the 'Estimate' column) fill suppressed county cells so that every published total holds; "
            "they are SectorHub estimates, not BLS figures (docs/methods-estimates.md)."
        )
    return out


def freshness_warnings(summary: list[dict], year: int, period: str, this_year: int) -> list[str]:
    """Warnings for the top of a package: the newest loaded data is old, or a newer period is loaded.

    BLS publishes a quarter of QCEW about five months after it ends, so data more than a year behind the calendar
    (older than ``this_year - 1``) is old.

    >>> freshness_warnings([{"year": 2020, "period": "A"}], 2020, "A", 2026)[0][:70]
    'Old data: the newest QCEW data loaded for this region is 2020 annual a'
    """
    newest = max(summary, key=lambda r: (r["year"], r["period"] == "A", r["period"]))
    newest_label = period_label(newest["year"], newest["period"])
    out = []
    if newest["year"] < this_year - 1:
        out.append(
            f"Old data: the newest QCEW data loaded for this region is {newest_label}, "
            f"{this_year - newest['year']} years before this package was made. BLS publishes each quarter about "
            "five months after it ends; load newer files (sectorhub lmi load) before relying on these figures."
        )
    if (newest["year"], newest["period"]) != (year, period) and newest["year"] > year:
        out.append(f"This package shows {period_label(year, period)}; newer data ({newest_label}) is loaded.")
    return out


def _shift_share_reason(pkg: DataPackage, growth: pd.DataFrame) -> str:
    """Why no industry has a shift-share row: which period or which national figure is not loaded."""
    earlier = period_label(pkg.year - 1, pkg.period)
    if growth.attrs.get("nation_total_growth") is None:
        return (
            f"No shift-share: it needs the nation's employment in {pkg.period_label} and in {earlier}, and "
            f"neither BLS's U.S. file nor the statewide files are loaded for both periods. Load them "
            f"(sectorhub lmi load) to fill this table."
        )
    if not any(r["employment_year_earlier"] is not None for r in pkg.industries):
        return (
            f"No shift-share: no industry is published in every county of the region both in {pkg.period_label} "
            f"and in {earlier} (or {earlier} is not loaded)."
        )
    return f"No shift-share: no industry has national growth published for {earlier} to {pkg.period_label}."


def _sources(store, pkg: DataPackage, lq_reference: str) -> list[Source]:
    files = store.sql(
        "SELECT count(*), min(loaded_at), max(loaded_at) FROM ledger WHERE years LIKE ?", [f"%{pkg.year}%"]
    ).fetchone()
    naics = "2012 NAICS" if pkg.year < 2017 else ("2017 NAICS" if pkg.year < 2022 else "2022 NAICS")
    out = [
        Source(
            "U.S. Bureau of Labor Statistics, Quarterly Census of Employment and Wages (QCEW)",
            f"County, state and national files; {files[0]} files of {pkg.year} loaded "
            f"(last loaded {str(files[2])[:16]}). {naics}.",
            pkg.period_label,
        ),
        Source("Location quotients against the nation", f"National shares {lq_reference}.", pkg.period_label),
        Source("County outlines", charts.GEO_SOURCE, "2015"),
    ]
    if pkg.bls_area:
        out.insert(
            1,
            Source(
                f"BLS QCEW, {pkg.bls_area['title']} {_AREA_KINDS[pkg.bls_area['kind']]} ({pkg.bls_area['code']})",
                "The region's industry figures, LQs and over-the-year changes as BLS publishes them for the area; "
                "county delineation: OMB, July 2015.",
                pkg.period_label,
            ),
        )
    return out


def _sections(pkg: DataPackage) -> list[Section]:
    """The demand-side tables in display order; other modules append their own sections."""
    st, ms = "employment_status", "measure_status"
    basis = [Column("basis", "Basis")] if pkg.estimates_included else []
    unclassified = (
        "are classified from SectorHub estimates (Basis: estimate)."
        if pkg.estimates_included
        else "are not classified."
    )
    return [
        Section(
            "summary",
            "Summary: all industries, every loaded period",
            [
                Column("period_label", "Period"),
                Column("region_establishments", "Region establishments", "int"),
                Column("region_employment", "Region employment", "int"),
                Column("region_avg_weekly_wage", "Region avg weekly wage ($)", "int"),
                Column("region_growth_pct", "Region growth (%)", "pct"),
                Column("state_employment", f"{pkg.state_name} employment", "int"),
                Column("state_avg_weekly_wage", "State avg weekly wage ($)", "int"),
                Column("state_growth_pct", "State growth (%)", "pct"),
                Column("nation_employment", "Nation employment", "int"),
                Column("nation_avg_weekly_wage", "Nation avg weekly wage ($)", "int"),
                Column("nation_growth_pct", "Nation growth (%)", "pct"),
            ],
            pkg.summary,
            intro="Total covered employment (all ownerships). Growth is over the year.",
        ),
        Section(
            "industries",
            f"Industries: {pkg.level_label}, {pkg.ownership_label.lower()}, {pkg.period_label}",
            [
                Column("industry_code", "NAICS"),
                Column("industry_title", "Industry"),
                Column("establishments", "Establishments", "int"),
                Column("employment", "Employment", "int", st),
                *(
                    [Column("employment_estimate", "Estimate (SectorHub)", "int")]
                    if pkg.estimates_included
                    else []
                ),
                Column("avg_weekly_wage", "Avg weekly wage ($)", "int", "wage_status"),
                Column("lq_nation", "LQ vs nation", "float2", ms),
                Column("lq_state", "LQ vs state", "float2", ms),
                Column("growth_pct", "Growth (%)", "pct", ms),
                Column("state_growth_pct", "State growth (%)", "pct"),
                Column("nation_growth_pct", "Nation growth (%)", "pct"),
                *basis,
            ],
            pkg.industries,
        ),
        Section(
            "targets",
            "Target industries",
            [
                Column("industry_code", "NAICS"),
                Column("industry_title", "Industry"),
                Column("target_class", "Class"),
                Column("lq_nation", "LQ vs nation", "float2", ms),
                Column("growth_pct", "Growth (%)", "pct", ms),
                Column("nation_growth_pct", "Nation growth (%)", "pct"),
                Column("employment_used", "Employment", "int", ms),
                Column("target_reason", "Why"),
                *basis,
            ],
            pkg.industries,
            intro=(
                f"Strong: LQ ≥ {pkg.settings['target_lq_threshold']} and growth > "
                f"{pkg.settings['target_growth_threshold']}%; mature: LQ ≥ {pkg.settings['target_lq_threshold']}, "
                "not growing; emerging: lower LQ, growing faster than the industry nationally; at risk: the rest. "
                f"Industries under {pkg.settings['target_min_employment']} jobs are not classified; those with "
                f"suppressed figures {unclassified}"
            ),
            chart="targets",
        ),
        Section(
            "shift_share",
            "Shift-share over the year",
            [
                Column("industry_code", "NAICS"),
                Column("industry_title", "Industry"),
                Column("employment_year_earlier", "Jobs a year earlier", "int", ms),
                Column("employment_used", "Jobs now", "int", ms),
                Column("national_share", "National share", "int", ms),
                Column("industry_mix", "Industry mix", "int", ms),
                Column("competitive_effect", "Competitive effect", "int", ms),
                *basis,
            ],
            [r for r in pkg.industries if r["national_share"] is not None],
        ),
        Section(
            "map",
            "The region in the state",
            [Column("fips", "County FIPS"), Column("name", "County")],
            pkg.counties,
            chart="map",
        ),
    ]


def as_frame(rows: list[dict]) -> pd.DataFrame:
    """A section's rows as a DataFrame (numbers stay None where suppressed)."""
    return pd.DataFrame(rows).replace({np.nan: None})
