"""The supply side of a region: occupations, skills, career pathways and training supply against demand.

Public API (what pages, packages and the CLI call):

- ``occupations_for_region(industry_employment, counties=..., base_industry_employment=..., industries=...)``
  -> SupplyReport with soc_code, title, employment, growth, median_wage, wage_source, typical_education, ...
- ``high_demand_for_region(report)`` -> the same rows ranked by the documented high-demand score.
- ``pathways_to(soc_code, counties=..., top=...)`` -> soc_code, title, similarity, skill_gaps.
- ``occupation_profile(soc_code, counties=...)`` -> one occupation's skills and knowledge, education, wage.
- ``workforce_skills(counties, sector_report)`` -> the region's skill supply against a sector's needs.
- ``training_gaps(completions, occupations, separation_rate=...)`` -> openings, supply and gap by occupation.
- ``skill_profiles()`` -> O*NET profiles; ``skills.similarity`` and the pure functions in each module.

Every result that uses O*NET must show ``ONET_ATTRIBUTION`` (CC BY 4.0). Formulas: docs/methods-supply.md.
"""

from sectorhub.lmi.measures import Setting
from sectorhub.lmi.sources.onet import ATTRIBUTION as ONET_ATTRIBUTION
from sectorhub.lmi.supply import ranking, skills, training
from sectorhub.lmi.supply.careers import (
    occupation_profile,
    pathways_to,
    regional_occupations,
    skill_profiles,
    workforce_skills,
)
from sectorhub.lmi.supply.report import (
    SupplyReport,
    high_demand_for_region,
    national_patterns,
    occupation_facts,
    occupations_for_region,
    training_gaps,
)

# Engine parameters of the supply side, declared once (docs/methods-supply.md documents each; a test checks it).
SETTINGS = (
    Setting(
        "supply_naics_level", 3, "NAICS digits of the regional industry employment the CLI multiplies out."
    ),
    Setting("gap_min_importance", skills.GAP_MIN_IMPORTANCE, "Least O*NET importance (1-5) of a skill gap."),
    Setting(
        "gap_min_level", skills.GAP_MIN_LEVEL, "Least level shortfall (O*NET 0-7 scale) listed as a gap."
    ),
    Setting("high_demand_weights", ranking.DEFAULT_WEIGHTS, "Weights of the high-demand score's components."),
    Setting("allocation_rule", "equal", f"How completers of a CIP split over its SOCs: {training.RULES}."),
)

__all__ = [
    "ONET_ATTRIBUTION",
    "SETTINGS",
    "SupplyReport",
    "high_demand_for_region",
    "national_patterns",
    "occupation_facts",
    "occupation_profile",
    "occupations_for_region",
    "pathways_to",
    "regional_occupations",
    "skill_profiles",
    "training_gaps",
    "workforce_skills",
]
