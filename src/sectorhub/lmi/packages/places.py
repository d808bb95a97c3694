"""Named regions for packages: OMB metro and micro areas (by title or CBSA code) from the shared delineation file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from sectorhub.paths import require_data

DELINEATION = "reference/cbsa2fipsxw_2015.csv.gz"
SOURCE = "U.S. Office of Management and Budget, metropolitan and micropolitan delineations, July 2015"


@dataclass(frozen=True)
class NamedRegion:
    """A region with a name and its counties (an OMB CBSA, or a region from the web app)."""

    name: str
    counties: tuple[str, ...]
    code: str = ""
    kind: str = "custom"
    source: str = ""


@lru_cache(maxsize=1)
def delineation() -> pd.DataFrame:
    """The OMB county-to-CBSA table with five-digit county FIPS codes."""
    df = pd.read_csv(require_data(DELINEATION) / DELINEATION, dtype=str)
    df["fips"] = df.fipsstatecode.str.zfill(2) + df.fipscountycode.str.zfill(3)
    return df


def cbsa_regions(
    state_fips: str | None = None, kind: str = "Metropolitan Statistical Area"
) -> list[NamedRegion]:
    """Every CBSA of a kind with all its counties (those of any state), optionally only CBSAs touching a state."""
    df = delineation()
    df = df[df.metropolitanmicropolitanstatis == kind]
    if state_fips:
        codes = set(df[df.fipsstatecode.str.zfill(2) == state_fips].cbsacode)
        df = df[df.cbsacode.isin(codes)]
    out = []
    for (code, title), g in df.groupby(["cbsacode", "cbsatitle"], sort=True):
        out.append(NamedRegion(title, tuple(sorted(g.fips)), code, "metro", SOURCE))
    return out


def qcew_metro_code(cbsa_code: str) -> str:
    """The QCEW area code of a metro: ``C`` and the first four digits of the CBSA code (18140 → C1814)."""
    return "C" + cbsa_code[:4]


def find_region(name: str) -> NamedRegion | None:
    """A metro or micro area by exact title (``"Columbus, OH"``) or CBSA code; None when unknown."""
    df = delineation()
    hit = df[(df.cbsatitle.str.lower() == name.strip().lower()) | (df.cbsacode == name.strip())]
    if hit.empty:
        return None
    code, title = hit.cbsacode.iloc[0], hit.cbsatitle.iloc[0]
    counties = tuple(sorted(df[df.cbsacode == code].fips))
    return NamedRegion(title, counties, code, "metro", SOURCE)
