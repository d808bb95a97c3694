"""High-demand occupations of a target sector, ranked by a documented score.

``score[o] = 100 · Σ_k w_k · r_k[o] / Σ_k w_k`` over the components k with a value for ``o``: employment, growth and
median wage; ``r_k`` is the percentile rank of ``o`` among the candidates (pandas ``rank(pct=True)``, ties
averaged), so the score is unit-free and not dominated by one very large occupation. A wage OEWS top-codes (footnote
5: at or above $239,200) ranks at the top (1.0); a wage that is not published leaves that component out for that
occupation. Default weights are equal; the weights used are returned with the result.
"""

from __future__ import annotations

import pandas as pd

from sectorhub.lmi.sources import oews

DEFAULT_WEIGHTS = {"employment": 1.0, "growth": 1.0, "median_wage": 1.0}
COMPONENT_LABELS = {"employment": "jobs", "growth": "growth", "median_wage": "median wage"}


def describe_weights(weights: dict[str, float]) -> str:
    """The score's weights in words, for a note a reader sees.

    >>> describe_weights(DEFAULT_WEIGHTS)
    'Score: jobs, growth and median wage weighted equally.'
    >>> describe_weights({"employment": 2.0, "growth": 1.0, "median_wage": 0.0})
    'Score weights: jobs 2, growth 1 (median wage not counted).'
    """
    used = {k: w for k, w in weights.items() if w}
    names = [COMPONENT_LABELS.get(k, k) for k in used]
    if len(set(used.values())) <= 1:
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        text = f"Score: {listed} weighted equally"
    else:
        text = "Score weights: " + ", ".join(f"{COMPONENT_LABELS.get(k, k)} {w:g}" for k, w in used.items())
    dropped = [COMPONENT_LABELS.get(k, k) for k, w in weights.items() if not w]
    return text + (f" ({', '.join(dropped)} not counted)." if dropped else ".")


def high_demand(
    occupations: pd.DataFrame, *, weights: dict[str, float] | None = None, min_employment: float = 0.0
) -> pd.DataFrame:
    """Rank occupations (soc_code, employment, growth, median_wage[, wage_flag]) by the score; adds score and rank."""
    weights = dict(weights or DEFAULT_WEIGHTS)
    unknown = set(weights) - set(DEFAULT_WEIGHTS)
    if unknown:
        raise ValueError(f"unknown score component(s) {sorted(unknown)}; known: {sorted(DEFAULT_WEIGHTS)}")
    df = occupations[occupations["employment"].fillna(0) > min_employment].copy()
    num = pd.Series(0.0, index=df.index)
    den = pd.Series(0.0, index=df.index)
    for column, weight in weights.items():
        if column not in df.columns or weight == 0:
            continue
        values = pd.to_numeric(df[column], errors="coerce")
        r = values.rank(pct=True, method="average")
        if column == "median_wage" and "wage_flag" in df.columns:
            r = r.where(df["wage_flag"] != oews.FLAG_TOP_CODED, 1.0)
        present = r.notna()
        num = num + r.fillna(0.0) * weight
        den = den + present.astype(float) * weight
    df["score"] = (100.0 * num / den.where(den > 0)).round(2)
    df = df.sort_values(["score", "employment"], ascending=[False, False]).reset_index(drop=True)
    df["rank"] = range(1, len(df) + 1)
    df.attrs["score_weights"] = weights
    return df
