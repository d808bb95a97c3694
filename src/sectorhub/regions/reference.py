"""Read state and county names and FIPS codes from BLS's QCEW `area_titles.csv` (shared reference files)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sectorhub.paths import require_data

AREA_TITLES = Path("reference") / "qcew_area_titles.csv"
COUNTY_TOPOJSON = Path("geo") / "cb_2015_us_county_20m.topo.json"
CBSA_CROSSWALK = Path("reference") / "cbsa2fipsxw_2015.csv.gz"
PSEUDO_COUNTIES = {"996", "997", "998", "999"}


@dataclass(frozen=True)
class AreaTitles:
    """States (fips → name) and counties (fips → (name, state fips)) from one area-titles file."""

    states: dict[str, str]
    counties: dict[str, tuple[str, str]]


def read_area_titles(path: Path | None = None) -> AreaTitles:
    """Parse `area_titles.csv`; BLS drops leading zeros for states 01–09, so codes are padded to five digits.

    Statewide rows end in " -- Statewide" (DC has no suffix). BLS's pseudo-counties are skipped: xx996 overseas,
    xx997 multicounty, xx998 out-of-state and xx999 unknown or undefined.
    """
    path = path or require_data(AREA_TITLES) / AREA_TITLES
    states: dict[str, str] = {}
    counties: dict[str, tuple[str, str]] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code, title = row["area_fips"].strip(), row["area_title"].strip()
            if not code.isdigit() or len(code) > 5:
                continue
            code = code.zfill(5)
            state, county = code[:2], code[2:]
            if county == "000":
                states[state] = title.removesuffix(" -- Statewide")
            elif county not in PSEUDO_COUNTIES:
                name = title.rsplit(", ", 1)[0] if ", " in title else title
                counties[code] = (name, state)
    return AreaTitles(states=states, counties=counties)
