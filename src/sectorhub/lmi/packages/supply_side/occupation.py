"""One occupation for a page: profile, wages in the region's OEWS areas, skills and knowledge, career pathways.

``occupation_page(soc, counties=...)`` gathers what the occupation page shows from the supply engine; it raises
``CodeError`` for a malformed or unknown SOC code. ``search_occupations(text)`` finds occupations by code or title
for the pathways search. Everything that uses O*NET carries ``ONET_ATTRIBUTION``.

Example::

    >>> page = occupation_page("51-4041", counties=["39041", "39159"])      # doctest: +SKIP
    >>> page.wage["median_wage"], page.wage["source"]                      # doctest: +SKIP
    (57940.0, 'OEWS May 2025, Columbus, OH')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from sectorhub.lmi.sources import cip_soc, oews
from sectorhub.lmi.sources.cip_soc import CodeError
from sectorhub.lmi.sources.onet import ATTRIBUTION as ONET_ATTRIBUTION
from sectorhub.lmi.supply.wages import FLAG_TEXT

WAGE_FLAGS = FLAG_TEXT
WAGE_DATATYPES = ("01", "04", "11", "13", "15")  # employment, annual mean, 10th, median, 90th percentile


@dataclass
class OccupationPage:
    """What an occupation page shows; numbers as published (None where OEWS did not publish one)."""

    soc_code: str
    title: str
    typical_education: str | None
    job_zone: int | None
    wage: dict  # the region's median wage: median_wage, flag, source (the first OEWS area that has one)
    wages: list[dict]  # every OEWS area of the region: area, kind, employment, mean, p10, median, p90, flags
    skills: list[dict]  # element_name, importance, level, importance_standardized, level_standardized
    knowledge: list[dict]
    pathways: list[dict]  # soc_code, title, similarity, skill_gaps, regional_employment
    pathway_scope: str
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    attribution: str = ONET_ATTRIBUTION


def _num(x):
    return None if x is None or pd.isna(x) else float(x)


def area_wages(soc_code: str, counties: list[str] | None) -> tuple[list[dict], dict]:
    """The occupation's OEWS cells in each of the region's areas (metro, state, nation) and the wage walk's pick."""
    from sectorhub.lmi.places import WageArea, wage_areas
    from sectorhub.lmi.supply.wages import occupation_wages

    with oews.connect() as conn:
        chain = (
            wage_areas(conn, counties) if counties else [WageArea(oews.NATIONAL_AREA, "National", "nation")]
        )
        rows = []
        for area in chain:
            cells = oews.cells(
                conn,
                area_code=area.area_code,
                industry_code=oews.ALL_INDUSTRIES,
                soc_code=soc_code,
                datatypes=WAGE_DATATYPES,
            )
            if cells.empty:
                rows.append({"area": area.area_name, "kind": area.kind, "published": False})
                continue
            c = cells.iloc[0]
            rows.append(
                {
                    "area": area.area_name,
                    "kind": area.kind,
                    "published": True,
                    "employment": _num(c["employment"]),
                    "employment_flag": WAGE_FLAGS.get(c["employment_flag"], ""),
                    "mean_wage": _num(c["annual_mean_wage"]),
                    "p10_wage": _num(c["annual_p10_wage"]),
                    "median_wage": _num(c["annual_median_wage"]),
                    "median_flag": WAGE_FLAGS.get(c["annual_median_wage_flag"], ""),
                    "p90_wage": _num(c["annual_p90_wage"]),
                    "p90_flag": WAGE_FLAGS.get(c["annual_p90_wage_flag"], ""),
                }
            )
        pick = occupation_wages(conn, [soc_code], chain).iloc[0]
    wage = {
        "median_wage": _num(pick["median_wage"]),
        "flag": WAGE_FLAGS.get(pick["wage_flag"], "") if pick["wage_flag"] else "",
        "source": pick["wage_source"] or "no OEWS area publishes this occupation",
    }
    return rows, wage


def occupation_page(soc_code: str, *, counties: list[str] | None = None, top: int = 10) -> OccupationPage:
    """Gather an occupation page; ``counties`` (a region) picks the wage areas and the pathway origins."""
    from sectorhub.lmi.supply import occupation_profile, pathways_to
    from sectorhub.lmi.supply.careers import skill_profiles
    from sectorhub.lmi.supply.report import facts_for, national_patterns, occupation_facts

    code = cip_soc.normalize_soc(soc_code)
    profile = occupation_profile(code, counties=counties)  # raises CodeError for an unknown code
    titles = {**skill_profiles().titles, **national_patterns()[2]}
    facts = facts_for(pd.Series([code]), occupation_facts()).iloc[0]
    wages, wage = area_wages(code, counties)
    table = profile.table
    elements = [
        {
            "element_name": r.element_name,
            "importance": _num(r.importance),
            "level": _num(r.level),
            "importance_standardized": _num(r.importance_standardized),
            "level_standardized": _num(r.level_standardized),
            "domain": r.domain,
        }
        for r in table.itertuples(index=False)
    ]
    notes = list(profile.notes[3:])  # after title, facts and wage (shown as fields): e.g. "no O*NET ratings"
    sources = list(profile.sources)
    pathways: list[dict] = []
    scope = "occupations employed in the region" if counties else "every occupation OEWS publishes"
    try:
        report = pathways_to(code, counties=counties, top=top)
    except CodeError as exc:
        notes.append(f"No career pathways: {exc}.")
    else:
        sources += [s for s in report.sources if s not in sources]
        for r in report.table.to_dict("records"):
            pathways.append(
                {
                    "soc_code": r["soc_code"],
                    "title": r["title"],
                    "similarity": r["similarity"],
                    "skill_gaps": list(r["skill_gaps"]),
                    "regional_employment": _num(r.get("regional_employment")),
                }
            )
    return OccupationPage(
        soc_code=code,
        title=titles.get(code, ""),
        typical_education=facts["typical_education"] if isinstance(facts["typical_education"], str) else None,
        job_zone=None if pd.isna(facts["job_zone"]) else int(facts["job_zone"]),
        wage=wage,
        wages=wages,
        skills=[e for e in elements if e["domain"] == "skills"],
        knowledge=[e for e in elements if e["domain"] == "knowledge"],
        pathways=pathways,
        pathway_scope=scope,
        notes=notes,
        sources=sources,
    )


def search_occupations(text: str, limit: int = 30) -> list[dict]:
    """Occupations whose SOC code starts with ``text`` or whose title has every word of it (soc_code, title, rated).

    Detailed occupations only (SOC detail codes and OEWS aggregates of them); ``rated`` says whether O*NET rates
    its skills, i.e. whether it has pathways.
    """
    from sectorhub.lmi.supply.careers import oews_detailed_codes, skill_profiles

    p = skill_profiles()
    query = text.strip().lower()
    if not query:
        return []
    codes = sorted(set(oews_detailed_codes()) | set(p.soc_codes))
    words = re.findall(r"[a-z0-9*]+", query)
    out = []
    for code in codes:
        title = p.titles.get(code, "")
        if code.startswith(query) or (words and all(w in title.lower() for w in words)):
            try:
                p.resolve(code)
                rated = True
            except CodeError:
                rated = False
            out.append({"soc_code": code, "title": title, "rated": rated})
            if len(out) >= limit:
                break
    return out


__all__ = [
    "ONET_ATTRIBUTION",
    "OccupationPage",
    "area_wages",
    "occupation_page",
    "search_occupations",
]
