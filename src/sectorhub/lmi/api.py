"""The engine's one public door: everything the web apps and notebooks may call from `sectorhub.lmi`.

Web apps import from here and nowhere else in `sectorhub.lmi` (an import-linter contract checks it). Names load
lazily, so importing this module costs nothing until a name is used: `from sectorhub.lmi.api import build_package`
imports the package builder then, not the whole engine.

>>> from sectorhub.lmi import api
>>> sorted(api.__all__)[:3]  # doctest: +SKIP
['CodeError', 'ONET_ATTRIBUTION', 'STORE_FILE']

To add a name: one line in `_EXPORTS` ("public name": "module:attribute") and a line in docs/api.md.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, str] = {
    # The store: loaded data, read-only handles.
    "Store": "sectorhub.lmi.store:Store",
    "STORE_FILE": "sectorhub.lmi.store:STORE_FILE",
    # Backup and restore of the store (sectorhub backup / restore).
    "BackupError": "sectorhub.lmi.backup:BackupError",
    "backup_store": "sectorhub.lmi.backup:backup_store",
    "restore_store": "sectorhub.lmi.backup:restore_store",
    "sha256": "sectorhub.lmi.backup:sha256",
    "LoadError": "sectorhub.lmi.store:LoadError",
    "NotLoadedError": "sectorhub.lmi.store:NotLoadedError",
    "shared_store": "sectorhub.lmi.catalog:shared_store",
    "SharedStore": "sectorhub.lmi.catalog:SharedStore",
    # What is loaded: periods, titles.
    "loaded_periods": "sectorhub.lmi.catalog:loaded_periods",
    "titles": "sectorhub.lmi.catalog:titles",
    # Regions and cells: profiles, LQs, exports.
    "region_industries": "sectorhub.lmi.custom_regions:region_industries",
    "region_profile": "sectorhub.lmi.custom_regions:region_profile",
    "parse_counties": "sectorhub.lmi.custom_regions:parse_counties",
    "RegionError": "sectorhub.lmi.custom_regions:RegionError",
    "cell_lqs": "sectorhub.lmi.cells:cell_lqs",
    "export_frame": "sectorhub.lmi.export:export_frame",
    "reference_note": "sectorhub.lmi.measures:reference_note",
    "SETTINGS": "sectorhub.lmi.measures:SETTINGS",
    # Data packages and their renderers.
    "build_package": "sectorhub.lmi.packages:build_package",
    "render_package": "sectorhub.lmi.packages:render",
    "package_fragment": "sectorhub.lmi.packages.rendering.html:fragment",
    "SupplyInputs": "sectorhub.lmi.packages.supply_side.section:SupplyInputs",
    "industry_titles": "sectorhub.lmi.packages.building.figures:industry_titles",
    "data_version": "sectorhub.lmi.packages.building.warm:data_version",
    "warm_imports": "sectorhub.lmi.packages.building.warm:warm_imports",
    "warm_store": "sectorhub.lmi.packages.building.warm:warm_store",
    # Occupations and training supply.
    "occupation_page": "sectorhub.lmi.packages.supply_side.occupation:occupation_page",
    "search_occupations": "sectorhub.lmi.packages.supply_side.occupation:search_occupations",
    "ONET_ATTRIBUTION": "sectorhub.lmi.packages.supply_side.occupation:ONET_ATTRIBUTION",
    "read_separation_rate": "sectorhub.lmi.packages.cli.supply:read_separation_rate",
    "read_ipeds_completions": "sectorhub.lmi.sources.ipeds:read_completions",
    "IpedsFormatError": "sectorhub.lmi.sources.ipeds:IpedsFormatError",
    "cip_soc_links": "sectorhub.lmi.sources.cip_soc:cip_soc_links",
    "normalize_cip": "sectorhub.lmi.sources.cip_soc:normalize_cip",
    "normalize_soc": "sectorhub.lmi.sources.cip_soc:normalize_soc",
    "CodeError": "sectorhub.lmi.sources.cip_soc:CodeError",
    # Eligible Training Provider List alignment (the funding app).
    "etpl_alignment": "sectorhub.lmi.etpl:etpl_alignment",
    "target_occupations": "sectorhub.lmi.etpl:target_occupations",
    # County outlines (the data folder's geo/ or the us-atlas package).
    "county_topology_bytes": "sectorhub.lmi.packages.building.geo:county_topology_bytes",
    "county_source": "sectorhub.lmi.packages.building.geo:county_source",
    # Outcomes from participant and UI wage records (docs/methods-outcomes.md), on any backend.
    "compute_outcomes": "sectorhub.lmi.outcomes:compute_outcomes",
    "cells_from_counts": "sectorhub.lmi.outcomes:cells_from_counts",
    "program_year_window": "sectorhub.lmi.outcomes:program_year_window",
    "OutcomesError": "sectorhub.lmi.outcomes:OutcomesError",
    "OUTCOME_INDICATORS": "sectorhub.lmi.outcomes:INDICATORS",
    "read_participants": "sectorhub.lmi.sources.records:read_participants",
    "read_wages": "sectorhub.lmi.sources.records:read_wages",
    "RecordsError": "sectorhub.lmi.sources.records:RecordsError",
    "connect_backend": "sectorhub.lmi.backends:connect",
    "put_table": "sectorhub.lmi.backends:put_table",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import a public name on first use."""
    try:
        target = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"sectorhub.lmi.api has no public name {name!r}") from None
    module, _, attribute = target.partition(":")
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
