"""Careers: skill profiles, career pathways into an occupation, one occupation's profile, and workforce skills.

Entry points for the CLI, the occupation page and the data packages; every result carries the O*NET attribution.

Example::

    >>> pathways_to("29-1141", top=3).table             # doctest: +SKIP
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

import pandas as pd

from sectorhub.lmi.places import WageArea, wage_areas
from sectorhub.lmi.sources import cip_soc, oews, onet
from sectorhub.lmi.sources.cip_soc import CodeError
from sectorhub.lmi.supply.report import SupplyReport, facts_for, national_patterns, occupation_facts
from sectorhub.lmi.supply.skills import Profiles, pathways, profiles, skill_supply_vs_demand, weighted_profile
from sectorhub.lmi.supply.wages import occupation_wages
from sectorhub.paths import home_dir

PATHWAY_COLUMNS = ["soc_code", "title", "similarity", "skill_gaps"]


# The files the profiles are computed from; the file cache is keyed by their SHA-256.
PROFILE_SOURCES = ("Skills", "Knowledge", "Occupation Data")
_CACHE_FORMAT = "1"  # bump when Profiles changes shape, so an old cache file is not read


@functools.lru_cache(maxsize=2)
def _profiles(onet_base: str) -> Profiles:
    base = Path(onet_base)
    key = _profiles_key(base)
    path = home_dir() / "cache" / f"onet-profiles-{key[:16]}.pickle"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own cache file, written below from the O*NET release
    p = profiles(base)
    # OEWS titles too, so an OEWS code without O*NET ratings is reported as such, not as unknown.
    p.titles = {**national_patterns()[2], **p.titles}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(p, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a worker reading at the same time sees the old file or the new one
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return p


def _profiles_key(base: Path) -> str:
    """SHA-256 of the O*NET files and the OEWS release the profiles come from (a new release, a new key)."""
    digest = hashlib.sha256(_CACHE_FORMAT.encode())
    for name in PROFILE_SOURCES:
        path = onet.onet_dir(base) / f"{name}.txt.gz"
        if not path.exists():
            raise onet.OnetError(f"O*NET file not found: {path}")
        digest.update(name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(oews.manifest()["database_sha256"].encode())
    return digest.hexdigest()


def oews_detailed_codes() -> list[str]:
    """The detailed occupations OEWS publishes (SOC detail and OEWS aggregates), e.g. for pathway origins."""
    patterns, _groups, _titles = national_patterns()
    return sorted(set(patterns.shares["soc_code"]))


def skill_profiles() -> Profiles:
    """The O*NET skill and knowledge profiles, loaded once per process.

    Computed once per O*NET release and kept in ``home_dir()/cache`` (keyed by the files' SHA-256), so a new
    process or gunicorn worker reads them in milliseconds instead of parsing the release (about 2 s).
    """
    return _profiles(str(onet.onet_dir()))


def regional_occupations(counties: list[str]) -> tuple[pd.DataFrame, str]:
    """The region's current occupational mix (soc_code, employment) from its most local OEWS area, and its name."""
    with oews.connect() as conn:
        area = wage_areas(conn, counties)[0]
        mix = oews.area_occupations(conn, area.area_code)
    mix = mix[mix["employment"].notna() & (mix["employment"] > 0)]
    return mix[["soc_code", "employment"]].reset_index(drop=True), area.area_name


def pathways_to(
    soc_code: str,
    *,
    counties: list[str] | None = None,
    candidates: list[str] | None = None,
    top: int = 10,
    gaps: int = 5,
) -> SupplyReport:
    """Career pathways into an occupation: the most similar occupations and the skills they would need.

    Origins are the occupations OEWS publishes, or, with ``counties``, those employed in the region's most local
    OEWS area (a ``regional_employment`` column is added), or an explicit ``candidates`` list. Raises
    ``CodeError`` for a malformed or unknown SOC code. Columns: soc_code, title, similarity, skill_gaps (list of
    "Element (+gap)").
    """
    p = skill_profiles()
    target = cip_soc.normalize_soc(soc_code)
    p.resolve(target)
    _patterns_, _groups, titles = national_patterns()
    names = {**p.titles, **titles}
    sources = [onet.SOURCE + " (skills and knowledge: importance and level)", oews.SOURCE + " (titles)"]
    notes = [f"target: {target} {names.get(target, '')}".rstrip()]
    employment = None
    if counties is not None:
        mix, area_name = regional_occupations(counties)
        employment = mix.set_index("soc_code")["employment"]
        candidates = list(mix["soc_code"])
        sources.append(f"{oews.SOURCE}, {area_name} (occupations employed in the region)")
    if candidates is None:
        candidates = oews_detailed_codes()
    # An OEWS aggregate target (e.g. 31-1120) does not list its own members as origins.
    candidates = [c for c in candidates if not (target.endswith("0") and c[:6] == target[:6])]
    table = pathways(p, target, candidates=candidates, titles=names, top=top, gaps=gaps)[PATHWAY_COLUMNS]
    if employment is not None:
        table["regional_employment"] = table["soc_code"].map(employment)
    return SupplyReport(table=table, sources=sources, notes=notes)


def occupation_profile(soc_code: str, *, counties: list[str] | None = None) -> SupplyReport:
    """One occupation's skills and knowledge (importance, level and O*NET standardized scores) and its facts.

    The table lists every element, most important first within each domain; the notes give title, typical
    education, job zone and median wage with its source (the region's OEWS areas with ``counties``, else the
    nation). Raises ``CodeError`` for an unknown SOC code.
    """
    p = skill_profiles()
    target = cip_soc.normalize_soc(soc_code)
    notes_extra = []
    try:
        p.resolve(target)
        table = p.element_table(target)
    except CodeError as exc:
        if target not in p.titles:
            raise
        # A real occupation that O*NET has not rated (e.g. 29-1212 Cardiologists): facts and wage, no elements.
        notes_extra.append(str(exc))
        table = pd.DataFrame(
            columns=["domain", "element_id", "element_name", "importance", "level"], dtype=float
        )
    table["importance_standardized"] = onet.standardize(table["importance"], onet.IMPORTANCE_RANGE).round(1)
    table["level_standardized"] = onet.standardize(table["level"], onet.LEVEL_RANGE).round(1)
    table = table.sort_values(["domain", "importance", "element_name"], ascending=[False, False, True])
    facts = facts_for(pd.Series([target]), occupation_facts()).iloc[0]
    with oews.connect() as conn:
        chain = (
            wage_areas(conn, counties) if counties else [WageArea(oews.NATIONAL_AREA, "National", "nation")]
        )
        wage = occupation_wages(conn, [target], chain).iloc[0]
    if pd.notna(wage["median_wage"]):
        wage_text = f"${wage['median_wage']:,.0f} ({wage['wage_source']})"
    else:
        wage_text = f"not shown: OEWS footnote {wage['wage_flag']} ({wage['wage_source'] or 'no OEWS area'})"
    notes = [
        f"{target} {p.titles.get(target, '')}".rstrip(),
        f"typical education: {facts['typical_education']}; job zone: {facts['job_zone']}",
        f"annual median wage: {wage_text}",
        *notes_extra,
    ]
    return SupplyReport(
        table=table.reset_index(drop=True),
        sources=[onet.SOURCE + " (skills, knowledge, education, job zones)", oews.SOURCE + " (wages)"],
        notes=notes,
    )


def workforce_skills(counties: list[str], sector: SupplyReport, *, top: int | None = None) -> SupplyReport:
    """The region's workforce skill supply against the skills a target sector's occupations need.

    Supply is the region's current occupational mix from OEWS: the cross-industry cells of the region's most
    local OEWS area (its metro when all counties lie in one, else its state). Need is the sector's estimated
    occupation employment (``sector.table`` from ``occupations_for_region(..., industries=...)``). Columns:
    element_id, element_name, domain, demand_importance, demand_level, supply_level, difference.
    """
    with oews.connect() as conn:
        area = wage_areas(conn, counties)[0]
        mix = oews.area_occupations(conn, area.area_code)[["soc_code", "employment"]]
    p = skill_profiles()
    table = skill_supply_vs_demand(p, mix, sector.table[["soc_code", "employment"]])
    if top:
        table = table.head(top)
    supply_cov = weighted_profile(p, mix)["coverage"].max()
    need_cov = weighted_profile(p, sector.table[["soc_code", "employment"]])["coverage"].max()
    return SupplyReport(
        table=table,
        sources=[
            f"{oews.SOURCE}, {area.area_name} (workforce occupational mix)",
            onet.SOURCE + " (skills and knowledge: importance and level)",
        ]
        + sector.sources,
        notes=[
            f"O*NET profiles cover {supply_cov:.0%} of the workforce's and {need_cov:.0%} of the sector's employment",
            "difference = workforce level - sector level, on O*NET's 0-7 level scale (negative: a shortfall)",
        ],
    )
