"""Mapping QCEW industries (NAICS code + ownership) to the OEWS industries that carry a national staffing pattern.

OEWS May 2025 publishes national industry-by-occupation cells for NAICS 2022 sectors, 3-digit subsectors, 4-digit
industry groups, some 5- and 6-digit industries, a few OEWS-specific groups of 4-digit industries (``3250A1`` =
NAICS 3251, 3252, 3253 and 3259) and government by level. A QCEW row is mapped to the **most detailed OEWS industry
that contains it and has a staffing pattern**, trying in order:

1. the 6-digit code itself (e.g. ``221111``), 2. its 5-digit industry (``33271`` -> ``332710``), 3. its 4-digit group
(``3361`` -> ``336100``), 4. an OEWS group of 4-digit industries that names it (``3251`` -> ``3250A1``), 5. its
3-digit subsector (``336`` -> ``336000``), 6. its sector (``31-33`` -> ``31--34``).

Ownership matters where OEWS splits by owner: private (own_code 5) schools and hospitals (NAICS 611, 622) use the
"Privately Owned" variants (``611105``, ``622005`` ...); state (2) and local (3) government schools and hospitals use
the "State/Local Government Owned" variants; other government rows use OEWS's government designations (federal
executive branch ``999100``, or Postal Service ``491000`` for NAICS 491; state ``999200``; local ``999300``).
QCEW 2016 data use NAICS 2012 and 2020 data NAICS 2017, whose retail subsectors were renumbered in NAICS 2022: the
3-digit retail codes are mapped through ``RETAIL_2022`` (442, 443 -> 449; 446 -> 456; 447 -> 457; 448 -> 458;
451, 453 -> 459; 452 -> 455); NAICS 454 (nonstore retailers) was dissolved in 2022 and falls to the retail sector.
NAICS 99 (unclassified) has no pattern: OEWS codes beginning 99 are government designations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

RETAIL_2022 = {
    "442": "449",
    "443": "449",
    "446": "456",
    "447": "457",
    "448": "458",
    "451": "459",
    "452": "455",
    "453": "459",
}
OWNERSHIP_SUFFIX = {
    "5": "5",
    "2": "2",
    "3": "3",
}  # OEWS codes 6111x5 / x2 / x3 (private / state / local owned)
GOVERNMENT_DEFAULT = {"1": "999100", "2": "999200", "3": "999300"}
SECTOR_RANGES = {"31-33": "31--34", "44-45": "44--46", "48-49": "48--50"}


@dataclass(frozen=True)
class IndustryMap:
    """The mapping for one QCEW industry: which OEWS industry and at what NAICS depth it matched."""

    naics: str
    own_code: str
    oews_industry: str | None
    matched_on: (
        str  # "6-digit", "5-digit", "4-digit", "OEWS group", "3-digit", "sector", "government", "none"
    )


def _sector_code(naics: str) -> str:
    if naics in SECTOR_RANGES:
        return SECTOR_RANGES[naics]
    two = naics[:2]
    for key, code in SECTOR_RANGES.items():
        low, high = key.split("-")
        if low <= two <= high:
            return code
    return f"{two}--{int(two) + 1}"


def oews_groups(industry_names: pd.DataFrame) -> dict[str, str]:
    """4-digit NAICS -> OEWS group code, parsed from names like "Chemical Manufacturing (3251, 3252, ... only)"."""
    groups: dict[str, str] = {}
    for code, name in zip(industry_names["industry_code"], industry_names["industry_name"], strict=True):
        if "A" in code and "only)" in name:
            for naics in re.findall(r"\b(\d{4})\b", name.split("(", 1)[1]):
                groups[naics] = code
    return groups


def map_industry(naics: str, own_code: str, available: set[str], groups: dict[str, str]) -> IndustryMap:
    """Map one QCEW (NAICS, own_code) to the most detailed OEWS industry in ``available`` (see module notes)."""
    code = str(naics).strip()
    own = str(own_code).strip()
    digits = code.replace("-", "")
    if not digits.isdigit():
        return IndustryMap(code, own, None, "none")
    if own in ("1", "2", "3"):
        found = _government(code, own, available)
        if found:
            return found
    if digits.startswith("99"):
        # NAICS 99/999999 is "unclassified"; OEWS's 99x codes are government designations, not a match.
        return IndustryMap(code, own, None, "none")
    candidates: list[tuple[str, str]] = []
    if "-" not in code and len(code) >= 3:
        prefix3 = code[:3]
        if code.startswith(("611", "622")) and own in OWNERSHIP_SUFFIX:
            suffix = OWNERSHIP_SUFFIX[own]
            if len(code) >= 4:
                candidates.append((code[:4] + "0" + suffix, "4-digit"))
            candidates.append((prefix3 + "00" + suffix, "3-digit"))
        if len(code) == 6:
            candidates.append((code, "6-digit"))
        if len(code) >= 5:
            candidates.append((code[:5] + "0", "5-digit"))
        if len(code) >= 4:
            candidates.append((code[:4] + "00", "4-digit"))
            if code[:4] in groups:
                candidates.append((groups[code[:4]], "OEWS group"))
        candidates.append((RETAIL_2022.get(prefix3, prefix3) + "000", "3-digit"))
    if len(digits) >= 2:
        candidates.append((_sector_code(code if "-" in code else code[:2]), "sector"))
    for candidate, depth in candidates:
        if candidate in available:
            return IndustryMap(code, own, candidate, depth)
    return IndustryMap(code, own, None, "none")


def _government(code: str, own: str, available: set[str]) -> IndustryMap | None:
    if own == "1" and code.startswith("491"):
        for candidate in ("491100", "491000"):
            if candidate in available:
                return IndustryMap(code, own, candidate, "government")
    if own in ("2", "3") and code.startswith(("611", "622")) and len(code) >= 3:
        suffix = OWNERSHIP_SUFFIX[own]
        for candidate in ([code[:4] + "0" + suffix] if len(code) >= 4 else []) + [code[:3] + "00" + suffix]:
            if candidate in available:
                return IndustryMap(code, own, candidate, "government")
    default = GOVERNMENT_DEFAULT[own]
    if default in available:
        return IndustryMap(code, own, default, "government")
    return None


def map_industries(
    industry_employment: pd.DataFrame, available: Iterable[str], groups: dict[str, str]
) -> pd.DataFrame:
    """Add oews_industry and matched_on to a table of industry_code (+ own_code, default private '5')."""
    available = set(available)
    df = industry_employment.copy()
    if "own_code" not in df.columns:
        df["own_code"] = "5"
    maps = [
        map_industry(n, o, available, groups)
        for n, o in zip(df["industry_code"].astype(str), df["own_code"].astype(str), strict=True)
    ]
    df["oews_industry"] = [m.oews_industry for m in maps]
    df["matched_on"] = [m.matched_on for m in maps]
    return df
