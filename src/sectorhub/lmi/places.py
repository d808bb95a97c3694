"""Places: the one resolver of place names (OMB metro and micro areas by title or CBSA code), county codes, and
the OEWS areas a region falls in. Every command that takes ``--region`` resolves it here.

>>> find_region("Columbus, OH").counties[:2]        # doctest: +SKIP
('39041', '39045')

Metro names resolve through ``reference/cbsa2fipsxw_2015.csv.gz`` (NBER layout of the OMB July 2015 delineation):
a CBSA title (e.g. "Columbus, OH") gives its counties. A region's OEWS wage areas are, in order, the OEWS metro area
of the CBSA that contains every county of the region (matched on the CBSA code, or, because OEWS May 2025 uses the
2023 delineation, on the first principal city and state when the code changed, e.g. Dayton 19380 -> 19430), then
the state when every county lies in one state, then the nation.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from sectorhub.lmi.sources import oews
from sectorhub.paths import require_data

CBSA_FILE = Path("reference") / "cbsa2fipsxw_2015.csv.gz"
SOURCE = "U.S. Office of Management and Budget, metropolitan and micropolitan delineations, July 2015"
METRO = "Metropolitan Statistical Area"


class PlaceError(ValueError):
    """A region name or county code that cannot be resolved."""


@dataclass(frozen=True)
class WageArea:
    """One OEWS area in a region's wage fallback chain."""

    area_code: str
    area_name: str
    kind: str  # "metro", "state" or "nation"


@dataclass(frozen=True)
class NamedRegion:
    """A region with a name and its counties (an OMB CBSA, or a region of the web app's registry)."""

    name: str
    counties: tuple[str, ...]
    code: str = ""
    kind: str = "custom"
    source: str = ""


def cbsa_counties(path: Path | None = None) -> pd.DataFrame:
    """County -> CBSA table: county_fips (5 digits), cbsa_code, cbsa_title, kind (metropolitan/micropolitan), state."""
    return _cbsa_counties(str(Path(path) if path else require_data(CBSA_FILE) / CBSA_FILE)).copy()


@lru_cache(maxsize=2)
def _cbsa_counties(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    need = [
        "cbsacode",
        "cbsatitle",
        "metropolitanmicropolitanstatis",
        "fipsstatecode",
        "fipscountycode",
        "statename",
    ]
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise PlaceError(f"{path}: line 1: missing column(s) {missing}")
    df = df[df["cbsacode"].str.strip() != ""]
    return pd.DataFrame(
        {
            "county_fips": df["fipsstatecode"].str.zfill(2) + df["fipscountycode"].str.zfill(3),
            "cbsa_code": df["cbsacode"].str.strip(),
            "cbsa_title": df["cbsatitle"].str.strip(),
            "kind": df["metropolitanmicropolitanstatis"].str.strip(),
            "state": df["statename"].str.strip(),
            "csa_code": df["csacode"].str.strip() if "csacode" in df.columns else "",
            "csa_title": df["csatitle"].str.strip() if "csatitle" in df.columns else "",
        }
    ).reset_index(drop=True)


def find_region(name: str, path: Path | None = None) -> NamedRegion:
    """A metro or micro area by title or CBSA code (the rule of :func:`metro_counties`); PlaceError if unknown."""
    code, title, counties = metro_counties(name, path)
    table = cbsa_counties(path)
    kind = table.loc[table["cbsa_code"] == code, "kind"].iloc[0]
    return NamedRegion(title, tuple(counties), code, "metro" if kind == METRO else "micro", SOURCE)


def cbsa_regions(state_fips: str | None = None, kind: str = METRO) -> list[NamedRegion]:
    """Every CBSA of a kind with all its counties (those of any state), optionally only CBSAs touching a state."""
    table = cbsa_counties()
    table = table[table["kind"] == kind]
    if state_fips:
        codes = set(table.loc[table["county_fips"].str[:2] == state_fips, "cbsa_code"])
        table = table[table["cbsa_code"].isin(codes)]
    label = "metro" if kind == METRO else "micro"
    return [
        NamedRegion(title, tuple(sorted(g["county_fips"])), code, label, SOURCE)
        for (code, title), g in table.groupby(["cbsa_code", "cbsa_title"], sort=True)
    ]


def qcew_metro_code(cbsa_code: str) -> str:
    """The QCEW area code of a metro: ``C`` and the first four digits of the CBSA code (18140 → C1814)."""
    return "C" + cbsa_code[:4]


def qcew_csa_code(csa_code: str) -> str:
    """The QCEW area code of a combined statistical area: ``CS`` and the 3-digit CSA code (198 → CS198)."""
    return "CS" + csa_code.zfill(3)


def bls_areas(counties: list[str], path: Path | None = None) -> list[NamedRegion]:
    """The BLS QCEW areas whose counties are exactly ``counties``: the CBSA (metro or micro) and the CSA, if any.

    ``code`` is the QCEW area code (``C1814``, ``CS198``); an empty list when the counties are not exactly one area.

    >>> [a.code for a in bls_areas(["39041", "39045", "39049", "39073", "39089", "39097", "39117", "39127",
    ...                              "39129", "39159"])]        # doctest: +SKIP
    ['C1814']
    """
    wanted = set(check_counties(list(counties)))
    table = cbsa_counties(path)
    hits = table[table["county_fips"].isin(wanted)]
    out: list[NamedRegion] = []
    if len(hits) != len(wanted):
        return out
    for key, title, kind, coder in (
        ("cbsa_code", "cbsa_title", None, qcew_metro_code),
        ("csa_code", "csa_title", "csa", qcew_csa_code),
    ):
        codes = set(hits[key])
        if len(codes) != 1 or "" in codes:
            continue
        code = codes.pop()
        members = set(table.loc[table[key] == code, "county_fips"])
        if members != wanted:
            continue
        row = hits.iloc[0]
        label = kind or ("metro" if row["kind"] == METRO else "micro")
        out.append(NamedRegion(row[title], tuple(sorted(members)), coder(code), label, SOURCE))
    return out


def metro_counties(name: str, path: Path | None = None) -> tuple[str, str, list[str]]:
    """Resolve a metro or micro area name to (cbsa_code, title, county FIPS list).

    Matches the CBSA code ("18140") or the full title case-insensitively ("Columbus, OH"), then a unique title that
    starts with the name ("Columbus" if only one CBSA starts so); otherwise raises PlaceError listing the
    candidates.
    """
    table = cbsa_counties(path)
    titles = table.drop_duplicates("cbsa_code")[["cbsa_code", "cbsa_title"]]
    wanted = name.strip().lower()
    exact = titles[(titles["cbsa_title"].str.lower() == wanted) | (titles["cbsa_code"] == wanted)]
    if exact.empty:
        exact = titles[titles["cbsa_title"].str.lower().str.startswith(wanted)]
    if exact.empty:
        raise PlaceError(f"no metropolitan or micropolitan area named {name!r} in the OMB 2015 delineation")
    if len(exact) > 1:
        shown = "; ".join(exact["cbsa_title"].head(8))
        raise PlaceError(f"{name!r} matches {len(exact)} areas ({shown}): give the full title")
    code, title = exact.iloc[0]["cbsa_code"], exact.iloc[0]["cbsa_title"]
    counties = sorted(table.loc[table["cbsa_code"] == code, "county_fips"])
    return code, title, counties


def check_counties(counties: list[str]) -> list[str]:
    """Normalize county FIPS codes to 5 digits; raises PlaceError for anything else."""
    out = []
    for c in counties:
        text = str(c).strip()
        if not (text.isdigit() and len(text) in (4, 5)):
            raise PlaceError(f"not a county FIPS code: {c!r} (expected 5 digits such as 39049)")
        out.append(text.zfill(5))
    if not out:
        raise PlaceError("no counties given")
    return out


def wage_areas(conn: sqlite3.Connection, counties: list[str], path: Path | None = None) -> list[WageArea]:
    """The OEWS areas to take wages from for a region, most local first, ending with the nation."""
    counties = check_counties(counties)
    known = oews.areas(conn).set_index("area_code")
    chain: list[WageArea] = []
    table = cbsa_counties(path)
    hits = table[table["county_fips"].isin(counties)]
    if len(hits) == len(set(counties)) and hits["cbsa_code"].nunique() == 1:
        code, title = hits.iloc[0]["cbsa_code"], hits.iloc[0]["cbsa_title"]
        area = oews.metro_area_code(code)
        if area not in known.index:
            area = _metro_by_city(known, title)
        if area is not None and area in known.index:
            chain.append(WageArea(area, known.loc[area, "area_name"], "metro"))
    states = {c[:2] for c in counties}
    if len(states) == 1:
        area = oews.state_area_code(states.pop())
        if area in known.index:
            chain.append(WageArea(area, known.loc[area, "area_name"], "state"))
    chain.append(WageArea(oews.NATIONAL_AREA, known.loc[oews.NATIONAL_AREA, "area_name"], "nation"))
    return chain


def _metro_by_city(known: pd.DataFrame, cbsa_title: str) -> str | None:
    # "Dayton, OH" -> city "Dayton", states "OH"; OEWS "Dayton-Kettering-Beavercreek, OH" matches.
    city = cbsa_title.split(",")[0].split("-")[0].strip()
    states = cbsa_title.split(",")[-1].strip()
    metros = known[known["areatype"] == "M"]
    match = metros[
        metros["area_name"].str.split(",").str[0].str.split("-").str[0].str.strip().eq(city)
        & metros["area_name"].str.split(",").str[-1].str.strip().eq(states)
    ]
    return match.index[0] if len(match) == 1 else None
