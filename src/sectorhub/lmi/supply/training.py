"""Training supply against demand: completers by CIP mapped to occupations, annual openings, and the gap table.

Allocation (the CIP-SOC crosswalk is many-to-many): ``supply[o] = Σ_c completers[c] · w[c,o]`` with
``Σ_o w[c,o] = 1`` for every CIP ``c`` that has at least one linked occupation, so every completer is counted once:

- ``equal``: ``w[c,o] = 1 / n_c`` (``n_c`` = number of occupations linked to ``c``);
- ``openings``: ``w[c,o] = openings[o] / Σ_{o' linked to c} openings[o']`` (more of a program's graduates go to the
  linked occupations with more openings); when every linked occupation has zero or unknown openings, the CIP falls
  back to the equal split.

``potential_supply[o] = Σ_c completers[c]`` over every CIP linked to ``o`` (the unsplit count, which double-counts
across occupations) is reported alongside. CIPs with no linked occupation (NCES "NO MATCH" or absent) are reported as
``unallocated`` and never spread.

Openings (BLS Employment Projections separations method, bls.gov/emp/documentation/separations.htm):
``openings[o] = growth[o] + separation_rate[o] · employment[o]``, where growth is the annual change (may be negative)
and the separation rate (labor-force exits + occupational transfers, per year) comes from BLS EP's occupational
separations table; the caller supplies it.

Gap: ``gap[o] = openings[o] - supply[o]``, ``ratio[o] = supply[o] / openings[o]``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sectorhub.lmi.sources.cip_soc import CodeError, normalize_cip

RULES = ("equal", "openings")


@dataclass(frozen=True)
class TrainingSupply:
    """Completers allocated to occupations, and what could not be allocated."""

    table: pd.DataFrame  # soc_code, supply, potential_supply
    allocation: pd.DataFrame  # cip_code, soc_code, weight, completers, supply
    unallocated: pd.DataFrame  # cip_code, completers (CIPs with no linked occupation)
    completers: float  # total completers given
    rule: str


def to_oews_code(soc_code: str, oews_codes: set[str]) -> str:
    """A SOC 2018 detail code as OEWS publishes it: itself, or its broad group when OEWS only shows the group."""
    if soc_code in oews_codes:
        return soc_code
    broad = soc_code[:6] + "0"
    return broad if broad in oews_codes else soc_code


def allocation_weights(
    links: pd.DataFrame, rule: str = "equal", openings: pd.Series | None = None
) -> pd.DataFrame:
    """Weights w[c,o] (cip_code, soc_code, weight) that sum to 1 over the occupations linked to each CIP."""
    if rule not in RULES:
        raise ValueError(f"unknown allocation rule {rule!r}; known: {', '.join(RULES)}")
    w = links[["cip_code", "soc_code"]].drop_duplicates().copy()
    w["n"] = w.groupby("cip_code")["soc_code"].transform("size")
    w["weight"] = 1.0 / w["n"]
    if rule == "openings":
        if openings is None:
            raise ValueError("the 'openings' allocation rule needs openings by soc_code")
        o = w["soc_code"].map(openings).fillna(0.0).clip(lower=0.0)
        total = o.groupby(w["cip_code"]).transform("sum")
        w["weight"] = np.where(total > 0, o / total.where(total > 0, 1.0), w["weight"])
    return w[["cip_code", "soc_code", "weight"]].reset_index(drop=True)


def training_supply(
    completions: pd.DataFrame,
    links: pd.DataFrame,
    *,
    rule: str = "equal",
    openings: pd.Series | None = None,
    known_cips: set[str] | None = None,
) -> TrainingSupply:
    """Allocate completers (cip_code, completers) to occupations through CIP-SOC links (cip_code, soc_code).

    ``known_cips`` (the CIP 2020 codes) makes an unknown CIP code an error instead of an unallocated row.
    """
    comp = completions[["cip_code", "completers"]].copy()
    comp["cip_code"] = comp["cip_code"].map(normalize_cip)
    if known_cips is not None:
        unknown = sorted(set(comp["cip_code"]) - set(known_cips))
        if unknown:
            raise CodeError(f"{len(unknown)} CIP code(s) not in CIP 2020: {', '.join(unknown[:10])}")
    comp = comp.groupby("cip_code", as_index=False)["completers"].sum()
    weights = allocation_weights(links, rule, openings)
    alloc = comp.merge(weights, on="cip_code", how="inner")
    alloc["supply"] = alloc["completers"] * alloc["weight"]
    linked = set(weights["cip_code"])
    unallocated = comp[~comp["cip_code"].isin(linked)].reset_index(drop=True)
    potential = alloc.groupby("soc_code")["completers"].sum().rename("potential_supply")
    supply = alloc.groupby("soc_code")["supply"].sum()
    table = pd.concat([supply, potential], axis=1).reset_index(names="soc_code")
    table = table.sort_values(["supply", "soc_code"], ascending=[False, True]).reset_index(drop=True)
    return TrainingSupply(
        table=table,
        allocation=alloc[["cip_code", "soc_code", "weight", "completers", "supply"]],
        unallocated=unallocated,
        completers=float(comp["completers"].sum()),
        rule=rule,
    )


def annual_openings(
    employment: pd.DataFrame, separation_rate: float | pd.Series, annual_change: pd.Series | None = None
) -> pd.DataFrame:
    """openings = annual_change + separation_rate · employment, per soc_code (employment: soc_code, employment).

    ``separation_rate`` is a fraction per year, one number or a Series by soc_code (BLS EP occupational
    separations rates); ``annual_change`` (by soc_code) defaults to 0 (no growth).
    """
    df = employment[["soc_code", "employment"]].copy()
    rate = (
        df["soc_code"].map(separation_rate)
        if isinstance(separation_rate, pd.Series)
        else pd.Series(float(separation_rate), index=df.index)
    )
    if rate.isna().any():
        missing = ", ".join(df.loc[rate.isna(), "soc_code"].head(10))
        raise ValueError(f"no separation rate for occupation(s): {missing}")
    change = df["soc_code"].map(annual_change).fillna(0.0) if annual_change is not None else 0.0
    df["separations"] = rate * df["employment"]
    df["growth"] = change
    df["openings"] = df["growth"] + df["separations"]
    return df


def gap_table(
    openings: pd.DataFrame, supply: TrainingSupply, titles: dict[str, str] | None = None
) -> pd.DataFrame:
    """soc_code, title, openings, supply, potential_supply, gap (openings - supply), ratio (supply / openings)."""
    o = openings.set_index("soc_code")["openings"]
    s = supply.table.set_index("soc_code")
    idx = o.index.union(s.index)
    out = pd.DataFrame(
        {
            "openings": o.reindex(idx).fillna(0.0),
            "supply": s["supply"].reindex(idx).fillna(0.0),
            "potential_supply": s["potential_supply"].reindex(idx).fillna(0.0),
        }
    )
    out["gap"] = out["openings"] - out["supply"]
    out["ratio"] = np.where(
        out["openings"] > 0, out["supply"] / out["openings"].where(out["openings"] > 0, 1), np.nan
    )
    out = out.reset_index(names="soc_code")
    out.insert(1, "title", out["soc_code"].map(titles or {}).fillna(""))
    return out.sort_values(["gap", "soc_code"], ascending=[False, True]).reset_index(drop=True)
