"""The supply side of a region: occupations, skills, career pathways and training supply against demand.

Public API (what pages, packages and the CLI call):

- ``occupations_for_region(industry_employment, counties=..., base_industry_employment=..., industries=...)``
  -> SupplyReport with soc_code, title, employment, growth, median_wage, wage_source, typical_education, ...
- ``high_demand_for_region(report)`` -> the same rows ranked by the documented high-demand score.
- ``pathways_to(soc_code, candidates=..., top=...)`` -> soc_code, title, similarity, skill_gaps.
- ``skill_profiles()`` -> O*NET profiles; ``skills.similarity``, ``skills.skill_supply_vs_demand``.
- ``training.training_supply``, ``training.annual_openings``, ``training.gap_table`` for the gap table.

Every result that uses O*NET must show ``ONET_ATTRIBUTION`` (CC BY 4.0). Formulas: docs/methods-supply.md.
"""

from sectorhub.lmi.sources.onet import ATTRIBUTION as ONET_ATTRIBUTION
from sectorhub.lmi.supply.report import (
    SupplyReport,
    high_demand_for_region,
    national_patterns,
    occupation_facts,
    occupations_for_region,
    pathways_to,
    skill_profiles,
)

__all__ = [
    "ONET_ATTRIBUTION",
    "SupplyReport",
    "high_demand_for_region",
    "national_patterns",
    "occupation_facts",
    "occupations_for_region",
    "pathways_to",
    "skill_profiles",
]
