"""The supply side's public entry points for occupations: demand tables, high-demand ranking and training gaps.

These functions combine the pure pieces (demand, wages, ranking, skills) with the publishers' files. Each result
carries its sources and the O*NET attribution, so whatever renders it (CLI, page, PDF, Excel) can show them.

Example::

    >>> import pandas as pd
    >>> inds = pd.DataFrame({"industry_code": ["622"], "employment": [10000.0]})
    >>> report = occupations_for_region(inds, counties=["39049"])          # doctest: +SKIP
    >>> report.table[["soc_code", "title", "employment"]].head(3)           # doctest: +SKIP
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sectorhub.lmi.places import wage_areas
from sectorhub.lmi.sources import cip_soc, oews, onet
from sectorhub.lmi.supply.demand import (
    OccupationDemand,
    StaffingPatterns,
    implied_growth,
    occupation_demand,
    staffing_patterns,
)
from sectorhub.lmi.supply.industries import SECTOR_RANGES, oews_groups
from sectorhub.lmi.supply.ranking import describe_weights, high_demand
from sectorhub.lmi.supply.training import annual_openings, gap_table, to_oews_code, training_supply
from sectorhub.lmi.supply.wages import occupation_wages

OCCUPATION_COLUMNS = [
    "soc_code",
    "title",
    "employment",
    "growth",
    "median_wage",
    "wage_source",
    "typical_education",
]
EXTRA_COLUMNS = ["wage_flag", "job_zone"]


@dataclass
class SupplyReport:
    """A table plus what a reader needs beside it: sources, notes, attribution and the intermediate results."""

    table: pd.DataFrame
    sources: list[str]
    attribution: str = onet.ATTRIBUTION
    notes: list[str] = field(default_factory=list)
    demand: OccupationDemand | None = None


@functools.lru_cache(maxsize=2)
def _patterns(db_path: str) -> tuple[StaffingPatterns, dict[str, str], dict[str, str]]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        patterns = staffing_patterns(
            oews.national_staffing_cells(conn), source=oews.SOURCE + ", national industry"
        )
        groups = oews_groups(oews.industries(conn))
        occ = oews.occupations(conn)
        titles = dict(zip(occ["soc_code"], occ["title"], strict=True))
    finally:
        conn.close()
    return patterns, groups, titles


def national_patterns() -> tuple[StaffingPatterns, dict[str, str], dict[str, str]]:
    """(staffing patterns, OEWS 4-digit groups, OEWS occupation titles), computed once per process."""
    return _patterns(str(oews.database_path()))


@functools.lru_cache(maxsize=2)
def _occupation_facts(onet_base: str) -> pd.DataFrame:
    edu = onet.typical_education(Path(onet_base))
    zones = onet.job_zones(Path(onet_base))
    return edu.merge(zones, on="soc_code", how="outer")


def occupation_facts() -> pd.DataFrame:
    """soc_code, typical_education (O*NET modal required education), education_category, job_zone."""
    return _occupation_facts(str(onet.onet_dir())).copy()


def facts_for(codes: pd.Series, facts: pd.DataFrame) -> pd.DataFrame:
    """Education and job zone for SOC or OEWS codes; an OEWS aggregate takes its members' lowest category/zone."""
    f = facts.set_index("soc_code")
    rows = []
    for code in codes:
        if code in f.index:
            r = f.loc[code]
        else:
            members = f[f.index.str.startswith(code[:6])] if code.endswith("0") else f.iloc[0:0]
            if members.empty:
                rows.append((code, None, None, None))
                continue
            # The typical entry requirement of an aggregate is the least demanding of its members'.
            r = members.sort_values(["education_category", "job_zone"]).iloc[0]
        zone = r["job_zone"]
        rows.append(
            (
                code,
                r["typical_education"],
                None if pd.isna(r["education_category"]) else int(r["education_category"]),
                None if pd.isna(zone) else int(zone),
            )
        )
    return pd.DataFrame(rows, columns=["soc_code", "typical_education", "education_category", "job_zone"])


def filter_industries(industry_employment: pd.DataFrame, industries: list[str] | None) -> pd.DataFrame:
    """Keep the rows whose NAICS code lies within one of the given codes (``336`` keeps 3361, 336411 ...)."""
    if not industries:
        return industry_employment
    wanted = [w.strip() for w in industries if w.strip()]
    prefixes: list[str] = []
    for w in wanted:
        if w in SECTOR_RANGES:
            low, high = (int(x) for x in w.split("-"))
            prefixes += [str(n) for n in range(low, high + 1)]
        prefixes.append(w)
    code = industry_employment["industry_code"].astype(str)
    keep = code.map(lambda c: any(c == p or (c.startswith(p) and "-" not in p) for p in prefixes))
    out = industry_employment[keep]
    if out.empty:
        raise ValueError(
            f"no industry of the region lies within {', '.join(wanted)}; the region's industries are at NAICS "
            f"level(s) {sorted(set(code.str.replace('-', '').str.len()))}"
        )
    return out


def _common_industries(base: pd.DataFrame, end: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows of both periods whose (industry, ownership) has employment in both."""

    def _keyed(df: pd.DataFrame) -> pd.DataFrame:
        df = df.copy()
        if "own_code" not in df.columns:
            df["own_code"] = "5"
        df["_key"] = df["industry_code"].astype(str) + "/" + df["own_code"].astype(str)
        return df[df["employment"].notna()]

    b, e = _keyed(base), _keyed(end)
    common = set(b["_key"]) & set(e["_key"])
    return (
        b[b["_key"].isin(common)].drop(columns="_key"),
        e[e["_key"].isin(common)].drop(columns="_key"),
    )


def occupations_for_region(
    industry_employment: pd.DataFrame,
    *,
    counties: list[str],
    base_industry_employment: pd.DataFrame | None = None,
    industries: list[str] | None = None,
    top: int | None = None,
    growth_label: str = "",
) -> SupplyReport:
    """Occupation demand of a region's industries with growth, wages and education: the ``occupations`` table.

    ``industry_employment`` has industry_code, employment (and own_code, lower_bound when known), one NAICS level.
    ``base_industry_employment`` is the same for an earlier period: growth is then the occupation growth implied
    by industry growth over the industries published in both periods (an industry suppressed in either period
    would otherwise show as entry or exit); without it growth is empty. ``growth_label`` (e.g. "2016 to 2020")
    is repeated in the notes. ``industries`` restricts to NAICS codes (a target sector).
    Columns: soc_code, title, employment, growth, median_wage, wage_source, typical_education, wage_flag, job_zone.
    """
    patterns, groups, _titles = national_patterns()
    current = filter_industries(industry_employment, industries)
    demand = occupation_demand(current, patterns, groups)
    table = demand.table.copy()
    notes = list(demand.notes)
    if base_industry_employment is not None:
        before, after = _common_industries(filter_industries(base_industry_employment, industries), current)
        base = occupation_demand(before, patterns, groups)
        end = occupation_demand(after, patterns, groups)
        growth = implied_growth(base, end).set_index("soc_code")["growth"]
        table["growth"] = table["soc_code"].map(growth)
        label = f" ({growth_label})" if growth_label else ""
        notes.append(
            f"growth{label}: change in employment implied by the growth of the {len(after)} industries published "
            "in both periods, with national staffing patterns held fixed"
        )
    else:
        table["growth"] = float("nan")
        notes.append("growth not computed: no earlier period of industry employment was given")
    with oews.connect() as conn:
        chain = wage_areas(conn, counties)
        wages = occupation_wages(conn, list(table["soc_code"]), chain)
    table = table.merge(wages, on="soc_code", how="left")
    table = table.merge(facts_for(table["soc_code"], occupation_facts()), on="soc_code", how="left")
    table["job_zone"] = table["job_zone"].astype("Int64")
    table = table.sort_values(["employment", "soc_code"], ascending=[False, True]).reset_index(drop=True)
    if top:
        table = table.head(top)
    if demand.lower_bound:
        notes.append("some industry employment is a lower bound (suppressed county cells were not counted)")
    sources = [
        patterns.source + " staffing patterns and wages (" + ", ".join(a.area_name for a in chain) + ")",
        "U.S. Bureau of Labor Statistics, QCEW (regional industry employment)",
        onet.SOURCE + " (typical education, job zone)",
    ]
    return SupplyReport(
        table=table[OCCUPATION_COLUMNS + EXTRA_COLUMNS], sources=sources, notes=notes, demand=demand
    )


def high_demand_for_region(report: SupplyReport, *, weights: dict[str, float] | None = None) -> SupplyReport:
    """Rank a region's (or sector's) occupation table by the high-demand score (see ``ranking``)."""
    ranked = high_demand(report.table, weights=weights)
    notes = report.notes + [describe_weights(ranked.attrs["score_weights"])]
    return SupplyReport(table=ranked, sources=report.sources, notes=notes, demand=report.demand)


def training_gaps(
    completions: pd.DataFrame,
    occupations: pd.DataFrame,
    *,
    separation_rate: float | pd.Series,
    annual_change: pd.Series | None = None,
    rule: str = "equal",
) -> SupplyReport:
    """Training supply (completers by CIP, e.g. ``ipeds.read_completions(...).table``) against annual openings.

    ``occupations`` is an occupation table (soc_code, employment) such as ``occupations_for_region(...).table``.
    Openings = annual_change + separation_rate x employment (BLS EP separations method; the caller supplies the
    rates). CIP-SOC pairs come from the NCES crosswalk, with SOC detail codes written as OEWS publishes them.
    Raises CodeError for a CIP code that is not in CIP 2020.
    """
    links = cip_soc.cip_soc_links()
    _patterns_, _groups, titles = national_patterns()
    oews_codes = set(titles)
    links = links.assign(soc_code=links["soc_code"].map(lambda c: to_oews_code(c, oews_codes)))
    known = set(cip_soc.read_crosswalk()["cip_code"])
    openings = annual_openings(occupations[["soc_code", "employment"]], separation_rate, annual_change)
    supply = training_supply(
        completions,
        links,
        rule=rule,
        openings=openings.set_index("soc_code")["openings"],
        known_cips=known,
    )
    table = gap_table(openings, supply, titles)
    notes = [
        f"allocation rule: {rule}; {supply.completers:,.0f} completers, "
        f"{supply.unallocated['completers'].sum():,.0f} in programs with no linked occupation",
        "supply counts completers once (split across linked occupations); potential_supply counts each linked "
        "occupation's programs in full",
    ]
    return SupplyReport(
        table=table,
        sources=[cip_soc.SOURCE, "NCES IPEDS Completions (as supplied)", oews.SOURCE],
        notes=notes,
    )
