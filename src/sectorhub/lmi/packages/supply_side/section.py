"""The supply side of a data package: high-demand occupations, workforce skills and training gaps as sections.

``add_supply_sections(store, pkg, options)`` is a build hook (``build.SECTION_HOOKS``): it appends three
:class:`Section` objects to a built package, so every renderer (page, PDF, Excel, JSON) shows them:

- ``supply_occupations``: the high-demand occupations of the region's target sectors (the package's industries
  classed strong or emerging, or the sectors given), from regional industry employment times national staffing
  patterns, ranked by the documented high-demand score (docs/methods-supply.md);
- ``supply_skills``: the region's workforce skill profile (its OEWS occupational mix) against the skills the target
  sectors' occupations need, for the elements the sectors rate at least "Important";
- ``supply_training``: training supply (completers by CIP) against annual openings, only when completions and a
  separation rate are given; otherwise the section says which input is missing and shows no figures.

Example::

    >>> pkg = build_package(store, ["39041", "39159"], 2016, "1",
    ...                     section_options={"supply": SupplyInputs(sectors=["31-33"])})   # doctest: +SKIP
    >>> pkg.section("supply_occupations").rows[0]["soc_code"]                              # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sectorhub.lmi.packages.building.model import Column, DataPackage, Section, Source
from sectorhub.lmi.packages.supply_side.training import TITLE as TRAINING_TITLE
from sectorhub.lmi.packages.supply_side.training import training_section
from sectorhub.lmi.sources import onet
from sectorhub.lmi.sources.onet import ATTRIBUTION as ONET_ATTRIBUTION
from sectorhub.lmi.supply.ranking import describe_weights
from sectorhub.lmi.supply.wages import FLAG_TEXT

TOP_OCCUPATIONS = 25  # rows of the high-demand table
MIN_EMPLOYMENT = 10.0  # occupations with fewer estimated jobs in the target sectors are not ranked
TARGET_CLASSES = (
    "strong",
    "emerging",
)  # the package's classes whose industries are the default target sectors
SUPPLY_LEVEL = "3"  # NAICS digits multiplied out when the package shows sectors (as `supply_naics_level`)
GOVERNMENT_AND_PRIVATE = ("5", "1", "2", "3")  # a total-covered package uses each ownership's own staffing
SECTION_KEYS = ("supply_occupations", "supply_skills", "supply_training")


@dataclass
class SupplyInputs:
    """What the supply sections need beyond the package: target sectors, and the training-gap inputs if any.

    ``completions``: completers by CIP (cip_code, completers), e.g. ``ipeds.read_completions(path).table``.
    ``separation_rate``: annual occupational separation rate, one fraction or a Series by soc_code (BLS EP).
    Without both, the training section names what is missing and shows no figures.
    """

    sectors: list[str] | None = None
    completions: pd.DataFrame | None = None
    completions_source: str = ""
    separation_rate: float | pd.Series | None = None
    separation_source: str = ""
    top: int = TOP_OCCUPATIONS
    enabled: bool = True


def add_supply_sections(store, pkg: DataPackage, options: dict) -> None:
    """Build hook: append the supply sections, the O*NET and OEWS sources and the O*NET attribution to ``pkg``."""
    inputs = options.get("supply") or SupplyInputs()
    if not inputs.enabled:
        return
    from sectorhub.lmi.sources.oews import OewsError
    from sectorhub.lmi.sources.onet import OnetError

    try:
        pkg.sections += supply_sections(store, pkg, inputs)
    except (OewsError, OnetError, FileNotFoundError) as exc:
        # A deployment without the OEWS or O*NET files still gets its demand-side package, told what is missing.
        problem = f"The supply side needs the OEWS and O*NET files: {exc}"
        pkg.sections += [_empty(key, title, problem) for key, title in _TITLES.items()]
    pkg.sources += supply_sources(inputs)
    pkg.notes.append(ONET_ATTRIBUTION)


def supply_sources(inputs: SupplyInputs) -> list[Source]:
    """The sources of the supply sections (the O*NET attribution is a package note, once)."""
    from sectorhub.lmi.sources import cip_soc, ipeds

    out = [
        Source(
            "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (BLS OEWS)",
            "National industry-by-occupation employment (staffing patterns); metro, state and national "
            "occupational employment and wages.",
            "May 2025",
        ),
        # The CC BY 4.0 attribution is one of the package's notes, once per output (add_supply_sections).
        Source(
            onet.SOURCE,
            "Typical education, job zones, and the importance and level of skills and knowledge by occupation.",
            onet.VERSION,
        ),
    ]
    if inputs.completions is not None:
        out.append(Source(ipeds.SOURCE, inputs.completions_source or "as supplied", ""))
        out.append(Source(cip_soc.SOURCE, "CIP 2020 to SOC 2018 links", "2020"))
    if inputs.separation_rate is not None:
        out.append(Source("Occupational separation rates", inputs.separation_source or "as supplied", ""))
    return out


def target_sectors(pkg: DataPackage, sectors: list[str] | None = None) -> list[dict]:
    """The target sectors (industry_code, industry_title, target_class): those given, else strong and emerging."""
    titles = {r["industry_code"]: r for r in pkg.industries}
    if sectors:
        return [
            {
                "industry_code": code,
                "industry_title": titles.get(code, {}).get("industry_title", f"NAICS {code}"),
                "target_class": titles.get(code, {}).get("target_class") or "given",
            }
            for code in (s.strip() for s in sectors)
            if code
        ]
    return [
        {k: r[k] for k in ("industry_code", "industry_title", "target_class")}
        for r in pkg.industries
        if r.get("target_class") in TARGET_CLASSES
    ]


def _ownerships(pkg: DataPackage) -> tuple[str, ...]:
    return GOVERNMENT_AND_PRIVATE if pkg.ownership == "0" else (pkg.ownership,)


def _supply_level(pkg: DataPackage) -> str:
    return SUPPLY_LEVEL if pkg.level == "2" else pkg.level


def industry_employment(store, pkg: DataPackage) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The region's industry employment now and a year earlier (industry_code, own_code, employment, lower_bound).

    The year-earlier level is BLS's own over-the-year change (``x - oty_x_chg``), known where every county cell is
    published in both periods; other industries are left out of growth (never counted as entry or exit).
    """
    from sectorhub.lmi.custom_regions import region_industries

    counties = [c["fips"] for c in pkg.counties]
    level = _supply_level(pkg)
    now, before = [], []
    for own in _ownerships(pkg):
        df = region_industries(
            store, counties=counties, year=pkg.year, period=pkg.period, ownership=own, level=level
        )
        if len(df) and pkg.estimates_included:
            df = _with_estimates(store, df, counties, pkg, own, level)
        if len(df):
            now.append(df.assign(own_code=own)[["industry_code", "own_code", "employment", "lower_bound"]])
            e0 = year_earlier(store, counties, pkg.year, pkg.period, own, level)
            before.append(e0[e0["industry_code"].isin(set(df["industry_code"]))].assign(own_code=own))
    columns = ["industry_code", "own_code", "employment", "lower_bound"]
    current = pd.concat(now, ignore_index=True) if now else pd.DataFrame(columns=columns)
    base = pd.concat(before, ignore_index=True) if before else pd.DataFrame(columns=columns[:3])
    return current, base


def _with_estimates(
    store, df: pd.DataFrame, counties, pkg: DataPackage, own: str, level: str
) -> pd.DataFrame:
    """Suppressed and lower-bound industry employment replaced by the SectorHub estimate (estimates on)."""
    from sectorhub.lmi.estimates import region_estimates

    est = region_estimates(
        store, counties=counties, year=pkg.year, period=pkg.period, ownership=own, level=level
    ).set_index("industry_code")["employment_estimate"]
    blocked = df["lower_bound"] | df["employment"].isna()
    filled = df["industry_code"].map(est)
    use = blocked & filled.notna()
    out = df.copy()
    out.loc[use, "employment"] = filled[use]
    out.loc[use, "lower_bound"] = False
    out.attrs["estimated_industries"] = int(use.sum())
    return out


_YEAR_EARLIER = """
WITH r AS (
  SELECT area_fips, industry_code,
    CASE WHEN qtr = 'A' THEN emplvl - pub_oty_emplvl_chg
      ELSE ((emp_m1 - pub_oty_emp_m1_chg) + (emp_m2 - pub_oty_emp_m2_chg) + (emp_m3 - pub_oty_emp_m3_chg)) / 3.0
    END AS e0
  FROM qcew WHERE size_code = '0' AND year = ? AND own_code = ? AND agglvl_code = ?
    AND area_fips IN (SELECT unnest(?::VARCHAR[])) AND qtr IN (SELECT unnest(?::VARCHAR[]))
), c AS (
  SELECT area_fips, industry_code, CASE WHEN count(e0) = ? THEN avg(e0) END AS e0 FROM r GROUP BY 1, 2
)
SELECT industry_code, sum(e0) AS employment FROM c GROUP BY 1 HAVING count(e0) = count(*)
"""


def year_earlier(store, counties: list[str], year: int, period: str, own: str, level: str) -> pd.DataFrame:
    """industry_code, employment a year earlier: county levels less BLS's over-the-year change, summed.

    A quarter is the mean of its three months; an annual period uses the annual file where loaded, else the mean
    of the four quarters. An industry with any county cell unpublished (now or a year earlier) is left out.
    """
    from sectorhub.lmi.custom_regions import level_agglvl

    agglvl = level_agglvl(level)
    qtrs, need = [period], 1
    if period == "A":
        has_annual = store.sql(
            "SELECT count(*) FROM qcew WHERE year = ? AND qtr = 'A' AND area_fips IN (SELECT unnest(?::VARCHAR[]))",
            [int(year), counties],
        ).fetchone()[0]
        if not has_annual:
            qtrs, need = ["1", "2", "3", "4"], 4
    return store.sql(_YEAR_EARLIER, [int(year), str(own), str(agglvl), counties, qtrs, need]).df()


def _r(x, digits: int = 0):
    """Round for storage and display (None for missing); whole numbers become int."""
    if x is None or pd.isna(x):
        return None
    v = round(float(x), digits)
    return int(v) if digits == 0 else v


def _sector_of(codes: pd.Series, sectors: list[dict]) -> pd.Series:
    """The target sector (its code) each industry code lies in."""
    from sectorhub.lmi.supply.industries import SECTOR_RANGES

    prefixes = []
    for s in sectors:
        code = s["industry_code"]
        if code in SECTOR_RANGES:
            low, high = (int(x) for x in code.split("-"))
            prefixes += [(str(n), code) for n in range(low, high + 1)]
        else:
            prefixes.append((code, code))

    def find(c: str):
        return next((sector for p, sector in prefixes if c.startswith(p)), None)

    return codes.astype(str).map(find)


def main_sector(demand, sectors: list[dict]) -> pd.Series:
    """For each occupation (soc_code index), the target sector that employs most of it (its title)."""
    by = demand.by_industry.copy()
    by["sector"] = _sector_of(by["industry_code"], sectors)
    totals = by.groupby(["soc_code", "sector"])["employment"].sum().reset_index()
    top = totals.sort_values(["employment", "sector"], ascending=[False, True]).drop_duplicates("soc_code")
    names = {s["industry_code"]: s["industry_title"] for s in sectors}
    return top.set_index("soc_code")["sector"].map(lambda c: f"{names.get(c, c)} ({c})")


def supply_sections(store, pkg: DataPackage, inputs: SupplyInputs) -> list[Section]:
    """The three supply sections for a built package (see the module notes)."""
    from sectorhub.lmi.supply import occupations_for_region
    from sectorhub.lmi.supply.ranking import high_demand

    sectors = target_sectors(pkg, inputs.sectors)
    counties = [c["fips"] for c in pkg.counties]
    label = ", ".join(f"{s['industry_title']} ({s['industry_code']})" for s in sectors)
    why = (
        "the sectors given"
        if inputs.sectors
        else "the industries this package classes " + " or ".join(TARGET_CLASSES)
    )
    problem = None
    if pkg.level == "supersector":
        problem = "Occupations are estimated from NAICS industries; choose a NAICS level (not supersectors)."
    elif not sectors:
        problem = (
            f"No industry of this package is classed {' or '.join(TARGET_CLASSES)}; give target sectors."
        )
    report = None
    if problem is None:
        current, before = industry_employment(store, pkg)
        try:
            report = occupations_for_region(
                current,
                counties=counties,
                base_industry_employment=before,
                industries=[s["industry_code"] for s in sectors],
                growth_label=f"over the year to {pkg.period_label}",
            )
        except ValueError as exc:
            problem = f"No occupation estimate: {exc}."
    if report is None:
        return [_empty(key, title, problem) for key, title in _TITLES.items()]
    ranked = high_demand(report.table, min_employment=MIN_EMPLOYMENT)
    weights = ranked.attrs["score_weights"]
    ranked = ranked.head(inputs.top)
    ranked.attrs["score_weights"] = describe_weights(weights)
    sector_names = main_sector(report.demand, sectors)
    occupations = _occupation_section(ranked, sector_names, report, label, why, pkg.estimates_included)
    skills = _skills_section(counties, report)
    training = training_section(report, ranked, inputs)
    return [occupations, skills, training]


_TITLES = {
    "supply_occupations": "Occupations: high-demand occupations of the target sectors",
    "supply_skills": "Skills: the workforce against the target sectors' needs",
    "supply_training": TRAINING_TITLE,
}


def _empty(key: str, title: str, problem: str) -> Section:
    return Section(key, _TITLES[key], [Column("note", "Note")], [], intro=problem)


def _occupation_section(
    ranked, sector_names, report, label: str, why: str, estimated: bool = False
) -> Section:
    rows = []
    for r in ranked.itertuples(index=False):
        flag = FLAG_TEXT.get(r.wage_flag, "") if r.wage_flag else ""
        source = r.wage_source or "no OEWS area"
        rows.append(
            {
                "rank": int(r.rank),
                "soc_code": r.soc_code,
                "title": r.title,
                "sector": sector_names.get(r.soc_code),
                "employment": _r(r.employment),
                "growth_pct": _r(r.growth * 100 if pd.notna(r.growth) else None, 1),
                "median_wage": _r(r.median_wage),
                "wage_source": f"{source}: {flag}" if flag else source,
                "typical_education": r.typical_education if isinstance(r.typical_education, str) else None,
                "job_zone": None if pd.isna(r.job_zone) else int(r.job_zone),
                "score": _r(r.score, 2),
            }
        )
    notes = [*report.notes, ranked.attrs["score_weights"], *report.sources]
    return Section(
        "supply_occupations",
        _TITLES["supply_occupations"],
        [
            Column("rank", "Rank", "int"),
            Column("soc_code", "SOC"),
            Column("title", "Occupation"),
            Column("sector", "Main target sector"),
            Column("employment", "Estimated jobs", "int"),
            Column("growth_pct", "Growth (%)", "pct"),
            Column("median_wage", "Median annual wage ($)", "int"),
            Column("wage_source", "Wage source"),
            Column("typical_education", "Typical education (O*NET)"),
            Column("job_zone", "Job zone", "int"),
            Column("score", "Score", "float2"),
        ],
        rows,
        intro=(
            f"Target sectors ({why}): {label}. Jobs are SectorHub estimates: the region's QCEW industry "
            "employment times OEWS national staffing patterns, summed by occupation; growth is the change implied "
            "by the sectors' industry growth over the year. Ranked by the high-demand score (percentile ranks of "
            f"jobs, growth and wage, equally weighted) among occupations with at least {MIN_EMPLOYMENT:.0f} jobs."
            + (
                " Industry employment BLS suppressed (or summed only in part) is the SectorHub estimate."
                if estimated
                else ""
            )
        ),
        notes=notes,
    )


def _skills_section(counties: list[str], report) -> Section:
    from sectorhub.lmi.supply import workforce_skills
    from sectorhub.lmi.supply.skills import GAP_MIN_IMPORTANCE

    skills = workforce_skills(counties, report)
    table = skills.table[skills.table["demand_importance"] >= GAP_MIN_IMPORTANCE]
    rows = [
        {
            "element_name": r.element_name,
            "domain": str(r.domain).capitalize(),
            "demand_importance": _r(r.demand_importance, 2),
            "demand_level": _r(r.demand_level, 2),
            "supply_level": _r(r.supply_level, 2),
            "difference": _r(r.difference, 2),
        }
        for r in table.itertuples(index=False)
    ]
    return Section(
        "supply_skills",
        _TITLES["supply_skills"],
        [
            Column("element_name", "Skill or knowledge"),
            Column("domain", "Domain"),
            Column("demand_importance", "Importance to the sectors (1-5)", "float2"),
            Column("demand_level", "Level the sectors need (0-7)", "float2"),
            Column("supply_level", "Level of the workforce (0-7)", "float2"),
            Column("difference", "Difference", "float2"),
        ],
        rows,
        intro=(
            "O*NET skills and knowledge rated at least 'Important' (3) on average by the target sectors' "
            "occupations, weighted by their estimated jobs, against the same profile weighted by the region's "
            "current occupational mix (OEWS). Negative difference: the sectors need a higher level than the "
            "workforce typically has. Largest shortfalls first."
        ),
        notes=[*skills.notes, *skills.sources[:2]],
    )
