"""Occupation demand from regional industry employment and national staffing patterns (OEWS May 2025).

``Ê[R,o] = Σ_i E[R,i] · s[i,o]`` with ``s[i,o] = N[i,o] / N[i,total]``: ``N`` is OEWS national employment of detailed
occupation ``o`` in OEWS industry ``i`` and ``N[i,total]`` the industry's all-occupations employment. Shares of an
industry sum to less than 1 where OEWS did not release a cell (footnote 8) or shows an occupation only inside the
total; that remainder is kept as ``unallocated`` so employment is conserved:
``Σ_o Ê[R,o] + unallocated + unmapped = Σ_i E[R,i]``.

Example::

    >>> import pandas as pd
    >>> patterns = staffing_patterns(pd.DataFrame({
    ...     "industry_code": ["A", "A", "A"], "soc_code": ["00-0000", "11-1011", "13-2011"],
    ...     "title": ["All", "Chief Executives", "Accountants"], "employment": [100.0, 60.0, 40.0]}))
    >>> patterns.shares["share"].tolist()
    [0.6, 0.4]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sectorhub.lmi.supply.industries import map_industries

TOTAL_SOC = "00-0000"


class DemandInputError(ValueError):
    """Industry employment that cannot be turned into occupation demand as given (e.g. overlapping NAICS levels)."""


@dataclass(frozen=True)
class StaffingPatterns:
    """Occupation shares per OEWS industry and the share of each industry OEWS left unallocated."""

    shares: pd.DataFrame  # industry_code, soc_code, title, share
    unallocated: pd.Series  # industry_code -> 1 - Σ_o share
    source: str = ""


@dataclass(frozen=True)
class OccupationDemand:
    """Estimated occupation employment for a region, with what could not be allocated and how industries mapped."""

    table: pd.DataFrame  # soc_code, title, employment (sorted by employment, descending)
    by_industry: pd.DataFrame  # industry_code, own_code, oews_industry, soc_code, employment
    mapping: pd.DataFrame  # the input industries with oews_industry and matched_on
    industry_employment: float  # Σ_i E[R,i] over rows with a number
    unallocated: float  # employment in mapped industries that OEWS did not assign to a detailed occupation
    unmapped: float  # employment in industries without an OEWS staffing pattern
    lower_bound: bool = False  # any input industry was a lower bound (suppressed county cells)
    notes: list[str] = field(default_factory=list)


def staffing_patterns(cells: pd.DataFrame, source: str = "") -> StaffingPatterns:
    """Shares ``N[i,o] / N[i,total]`` from cells (industry_code, soc_code, title, employment; totals at 00-0000).

    A cell whose employment is missing (not released) contributes no share; an industry without a published total
    gets no pattern at all (its shares cannot be computed without inventing a denominator).
    """
    totals = cells[cells["soc_code"] == TOTAL_SOC].set_index("industry_code")["employment"]
    totals = totals[totals.notna() & (totals > 0)]
    detail = cells[(cells["soc_code"] != TOTAL_SOC) & cells["employment"].notna()]
    detail = detail[detail["industry_code"].isin(totals.index)].copy()
    detail["share"] = detail["employment"] / detail["industry_code"].map(totals)
    shares = detail[["industry_code", "soc_code", "title", "share"]].reset_index(drop=True)
    allocated = shares.groupby("industry_code")["share"].sum().reindex(totals.index, fill_value=0.0)
    return StaffingPatterns(shares=shares, unallocated=(1.0 - allocated).clip(lower=0.0), source=source)


def _check_no_overlap(df: pd.DataFrame) -> None:
    for own, group in df.groupby("own_code"):
        codes = sorted(set(group["industry_code"].astype(str)))
        for a in codes:
            for b in codes:
                if a != b and "-" not in a and b.startswith(a):
                    raise DemandInputError(
                        f"industry {a} contains {b} (ownership {own}): give one NAICS level, or employment is "
                        "counted twice"
                    )


def occupation_demand(
    industry_employment: pd.DataFrame,
    patterns: StaffingPatterns,
    groups: dict[str, str] | None = None,
) -> OccupationDemand:
    """Region occupation employment from industry employment (industry_code, employment[, own_code, lower_bound]).

    Each row is mapped to an OEWS industry (see ``industries``) and multiplied by that industry's shares; rows with
    employment missing (suppressed) are left out and noted, never summed as zero.
    """
    if not {"industry_code", "employment"} <= set(industry_employment.columns):
        raise DemandInputError("industry employment needs the columns industry_code and employment")
    df = industry_employment.copy()
    df["industry_code"] = df["industry_code"].astype(str)
    if "own_code" not in df.columns:
        df["own_code"] = "5"
    df["own_code"] = df["own_code"].astype(str)
    _check_no_overlap(df)
    notes = []
    missing = df["employment"].isna()
    if missing.any():
        notes.append(
            f"{int(missing.sum())} industries without published employment were left out: "
            + _labels(df[missing])
        )
    df = df[~missing]
    available = set(patterns.unallocated.index)
    mapped = map_industries(df, available, groups or {})
    e_total = float(mapped["employment"].sum())
    unmapped_rows = mapped[mapped["oews_industry"].isna()]
    if len(unmapped_rows):
        notes.append("no OEWS staffing pattern for industries: " + _labels(unmapped_rows))
    ok = mapped[mapped["oews_industry"].notna()]
    joined = ok[["industry_code", "own_code", "oews_industry", "employment"]].merge(
        patterns.shares.rename(columns={"industry_code": "oews_industry"}), on="oews_industry", how="inner"
    )
    joined["employment"] = joined["employment"] * joined.pop("share")
    by_industry = joined[["industry_code", "own_code", "oews_industry", "soc_code", "title", "employment"]]
    table = (
        by_industry.groupby(["soc_code", "title"], as_index=False)["employment"]
        .sum()
        .sort_values(["employment", "soc_code"], ascending=[False, True])
        .reset_index(drop=True)
    )
    unallocated = float((ok["employment"] * ok["oews_industry"].map(patterns.unallocated)).sum())
    lower = bool(df["lower_bound"].fillna(False).astype(bool).any()) if "lower_bound" in df.columns else False
    return OccupationDemand(
        table=table,
        by_industry=by_industry.reset_index(drop=True),
        mapping=mapped.reset_index(drop=True),
        industry_employment=e_total,
        unallocated=unallocated,
        unmapped=float(unmapped_rows["employment"].sum()),
        lower_bound=lower,
        notes=notes,
    )


OWNERSHIP_LABELS = {"1": "federal", "2": "state", "3": "local", "5": "private", "0": "all owners"}


def _labels(rows: pd.DataFrame, limit: int = 12) -> str:
    """'622 (state), 611 (local) ...' for notes; private rows show the bare code."""
    items = [
        code if own == "5" else f"{code} ({OWNERSHIP_LABELS.get(own, own)})"
        for code, own in zip(rows["industry_code"], rows["own_code"], strict=True)
    ]
    return ", ".join(items[:limit]) + (f" and {len(items) - limit} more" if len(items) > limit else "")


def implied_growth(base: OccupationDemand, end: OccupationDemand) -> pd.DataFrame:
    """Occupation growth implied by industry growth: ``(Ê1 - Ê0) / Ê0`` with the same staffing patterns.

    Columns: soc_code, employment_base, employment_end, change, growth (fraction; NaN when Ê0 = 0).
    """
    b = base.table.set_index("soc_code")["employment"].rename("employment_base")
    e = end.table.set_index("soc_code")["employment"].rename("employment_end")
    out = pd.concat([b, e], axis=1).fillna(0.0)
    out["change"] = out["employment_end"] - out["employment_base"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["growth"] = np.where(out["employment_base"] > 0, out["change"] / out["employment_base"], np.nan)
    return out.reset_index(names="soc_code")


def shares_of_total(table: pd.DataFrame, column: str = "employment") -> pd.Series:
    """Each occupation's share of the table's total (soc_code index), for comparing estimated and OEWS mixes."""
    values = table.set_index("soc_code")[column].astype(float)
    return values / values.sum()
