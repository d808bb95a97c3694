"""Skills and knowledge profiles (O*NET 29.0), occupation similarity, career pathways and workforce skill supply.

Profile vector of an occupation: for each O*NET Skills (35) and Knowledge (33) element ``e``,
``x[o,e] = I[o,e] · L[o,e]`` with O*NET's standardized scores rescaled to 0-1, ``I = (IM - 1) / 4`` and
``L = LV / 7`` (onetcenter.org/questions/20.html): the level of an element, weighted by how important it is.
Similarity of two occupations is the cosine of their vectors, ``sim(a, b) = x_a · x_b / (|x_a| |x_b|)``; it is
symmetric, 1 for an occupation with itself, and in [0, 1] because every entry is non-negative. An element missing
for an occupation (every detail code suppressed) counts as 0.

OEWS codes that aggregate SOC detail (e.g. ``31-1120`` = 31-1121 + 31-1122) get the mean profile of the SOC detail
codes they cover.

Example::

    >>> p = profiles()                                            # doctest: +SKIP
    >>> similarity(p, "29-1141", "29-1141")                       # doctest: +SKIP
    1.0
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from sectorhub.lmi.sources import onet
from sectorhub.lmi.sources.cip_soc import CodeError, normalize_soc

GAP_MIN_IMPORTANCE = 3.0  # only elements at least "Important" (IM >= 3) to the target count as skill gaps
GAP_MIN_LEVEL = 0.5  # a gap is a level shortfall of at least half a point on O*NET's 0-7 level scale


class Profiles:
    """O*NET skill and knowledge profiles by SOC: long table plus the matrix of importance-weighted levels."""

    def __init__(self, scores: pd.DataFrame, titles: dict[str, str] | None = None):
        self.titles = titles or {}  # every O*NET SOC (rated or not) -> title
        self.scores = scores  # soc_code, domain, element_id, element_name, importance, level
        self.importance = scores.pivot_table(index="soc_code", columns="element_id", values="importance")
        self.level = scores.pivot_table(index="soc_code", columns="element_id", values="level")
        self.level = self.level.reindex(index=self.importance.index.union(self.level.index))
        self.importance = self.importance.reindex(index=self.level.index, columns=self.level.columns)
        weight = ((self.importance - 1.0) / 4.0) * (self.level / 7.0)
        self.matrix = weight.fillna(0.0)
        norms = np.linalg.norm(self.matrix.to_numpy(), axis=1)
        self._unit = pd.DataFrame(
            self.matrix.to_numpy() / np.where(norms > 0, norms, 1.0)[:, None],
            index=self.matrix.index,
            columns=self.matrix.columns,
        )
        meta = scores.drop_duplicates("element_id").set_index("element_id")
        self.element_names = meta["element_name"]
        self.element_domains = meta["domain"]

    def members(self, soc_code: str) -> list[str]:
        """The profiled SOC codes behind a code: itself, or the SOC detail codes an OEWS aggregate covers."""
        code = self.resolve(soc_code)
        if code in self.matrix.index:
            return [code]
        return [c for c in self.matrix.index if c.startswith(code[:6])]

    @property
    def soc_codes(self) -> list[str]:
        """The SOC codes that have a profile."""
        return list(self.matrix.index)

    def resolve(self, soc_code: str) -> str:
        """The profiled code for a SOC or OEWS code; raises CodeError naming an unknown code."""
        code = normalize_soc(soc_code)
        if code in self.matrix.index:
            return code
        if code.endswith("0") and any(c.startswith(code[:6]) for c in self.matrix.index):
            return code
        if code in self.titles:
            raise CodeError(
                f"SOC {code} ({self.titles[code]}) has no skills or knowledge ratings in O*NET {onet.VERSION}"
            )
        raise CodeError(f"unknown SOC code {code}: not an occupation in O*NET {onet.VERSION} or OEWS")

    def vector(self, soc_code: str) -> pd.Series:
        """Importance-weighted level vector of one occupation (an OEWS aggregate gets its members' mean)."""
        return self.matrix.loc[self.members(soc_code)].mean()

    def unit(self, soc_code: str) -> np.ndarray:
        """The vector scaled to length 1."""
        v = self.vector(soc_code).to_numpy()
        n = np.linalg.norm(v)
        return v / n if n > 0 else v

    def element_table(self, soc_code: str) -> pd.DataFrame:
        """Importance and level per element for one occupation (members' mean for an OEWS aggregate)."""
        members = self.members(soc_code)
        out = pd.DataFrame(
            {
                "importance": self.importance.loc[members].mean(),
                "level": self.level.loc[members].mean(),
            }
        )
        out = out[out["importance"].notna() | out["level"].notna()]
        out.insert(0, "element_name", self.element_names.reindex(out.index))
        out.insert(0, "domain", self.element_domains.reindex(out.index))
        return out.rename_axis("element_id").reset_index()

    def stacked(self, soc_codes: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Importance and level matrices (one row per given code, aggregates averaged over their members)."""
        direct = [c for c in soc_codes if c in self.matrix.index]
        imp = self.importance.reindex(direct)
        lvl = self.level.reindex(direct)
        extra_imp, extra_lvl = {}, {}
        for code in soc_codes:
            if code not in self.matrix.index:
                members = self.members(code)
                extra_imp[code] = self.importance.loc[members].mean()
                extra_lvl[code] = self.level.loc[members].mean()
        if extra_imp:
            imp = pd.concat([imp, pd.DataFrame(extra_imp).T])
            lvl = pd.concat([lvl, pd.DataFrame(extra_lvl).T])
        return imp.reindex(soc_codes), lvl.reindex(soc_codes)


def profiles(base: Path | None = None) -> Profiles:
    """Load Skills and Knowledge profiles from the O*NET files (see ``sources.onet``)."""
    scores = pd.concat(
        [onet.element_scores("skills", base), onet.element_scores("knowledge", base)], ignore_index=True
    )
    titles = onet.occupation_titles(base)
    return Profiles(scores, dict(zip(titles["soc_code"], titles["title"], strict=True)))


def similarity(p: Profiles, a: str, b: str) -> float:
    """Cosine similarity of two occupations' importance-weighted level vectors."""
    return float(np.dot(p.unit(a), p.unit(b)))


def similarities(p: Profiles, target: str, candidates: list[str] | None = None) -> pd.Series:
    """Similarity of every candidate (default: every profiled SOC) to the target, highest first."""
    t = p.unit(target)
    if candidates is None:
        values = p._unit.to_numpy() @ t
        out = pd.Series(values, index=p._unit.index)
    else:
        # Profiled codes in one matrix product; only OEWS aggregates (members' mean) need their own vector.
        direct = [c for c in dict.fromkeys(candidates) if c in p._unit.index]
        out = pd.Series(p._unit.loc[direct].to_numpy() @ t, index=direct, dtype=float)
        rest = {c: float(np.dot(p.unit(c), t)) for c in dict.fromkeys(candidates) if c not in p._unit.index}
        if rest:
            out = pd.concat([out, pd.Series(rest, dtype=float)])
    return out.sort_values(ascending=False)


def skill_gaps(p: Profiles, origin: str, target: str, top: int = 5) -> pd.DataFrame:
    """Elements important to the target (IM >= 3) whose target level exceeds the origin's by >= 0.5, largest first."""
    o = p.element_table(origin).set_index("element_id")
    t = p.element_table(target).set_index("element_id")
    origin = o[["importance", "level"]].rename(
        columns={"importance": "importance_origin", "level": "level_origin"}
    )
    j = t.join(origin, how="left")
    j["level_origin"] = j["level_origin"].fillna(0.0)
    j["gap"] = j["level"] - j["level_origin"]
    j = j[(j["importance"] >= GAP_MIN_IMPORTANCE) & (j["gap"] >= GAP_MIN_LEVEL)]
    j = j.sort_values(["gap", "element_name"], ascending=[False, True]).head(top).reset_index()
    return j.rename(columns={"level": "level_target", "importance": "importance_target"})[
        ["element_id", "element_name", "domain", "importance_target", "level_target", "level_origin", "gap"]
    ]


def pathways(
    p: Profiles,
    target: str,
    *,
    candidates: list[str] | None = None,
    titles: dict[str, str] | None = None,
    top: int = 10,
    gaps: int = 5,
) -> pd.DataFrame:
    """Occupations whose workers could move into the target: most similar first, with the skills they would need.

    Columns: soc_code, title, similarity, skill_gaps (list of "Element (+gap)" strings). ``candidates`` limits the
    origins (e.g. occupations employed in the region); the target itself is excluded.
    """
    code = p.resolve(target)
    pool = [c for c in (candidates if candidates is not None else p.soc_codes) if c != code]
    pool = [c for c in pool if _has_profile(p, c)]
    sims = similarities(p, code, pool).head(top)
    rows = []
    for origin, sim in sims.items():
        g = skill_gaps(p, origin, code, top=gaps)
        rows.append(
            {
                "soc_code": origin,
                "title": (titles or {}).get(origin, ""),
                "similarity": round(float(sim), 4),
                "skill_gaps": [f"{n} (+{v:.1f})" for n, v in zip(g["element_name"], g["gap"], strict=True)],
            }
        )
    return pd.DataFrame(rows, columns=["soc_code", "title", "similarity", "skill_gaps"])


def _has_profile(p: Profiles, code: str) -> bool:
    try:
        p.resolve(code)
    except CodeError:
        return False
    return True


def weighted_profile(p: Profiles, employment: pd.DataFrame) -> pd.DataFrame:
    """Employment-weighted mean importance and level per element over occupations (soc_code, employment).

    Occupations without an O*NET profile are left out; ``coverage`` is the share of employment that had one.
    An element missing for an occupation is left out of that element's mean (its weight is not counted).
    """
    rows = employment[employment["employment"].notna() & (employment["employment"] > 0)]
    rows = rows.groupby("soc_code", as_index=False)["employment"].sum()
    known = rows[[_has_profile(p, c) for c in rows["soc_code"]]]
    columns = ["domain", "element_id", "element_name", "importance", "level", "coverage"]
    if known.empty:
        return pd.DataFrame(columns=columns)
    imp, lvl = p.stacked(list(known["soc_code"]))
    w = known.set_index("soc_code")["employment"].astype(float)

    def _mean(m: pd.DataFrame) -> pd.Series:
        weights = m.notna().mul(w, axis=0)
        return m.fillna(0.0).mul(w, axis=0).sum() / weights.sum().replace(0.0, np.nan)

    out = (
        pd.DataFrame({"importance": _mean(imp), "level": _mean(lvl)}).rename_axis("element_id").reset_index()
    )
    out.insert(0, "domain", out["element_id"].map(p.element_domains))
    out.insert(2, "element_name", out["element_id"].map(p.element_names))
    out["coverage"] = float(w.sum()) / float(rows["employment"].sum())
    return out[columns]


def skill_supply_vs_demand(p: Profiles, workforce: pd.DataFrame, sector_demand: pd.DataFrame) -> pd.DataFrame:
    """Compare the region's workforce skill profile with the profile the target sector's occupations need.

    ``workforce``: the region's current occupational mix (soc_code, employment), e.g. OEWS area cells.
    ``sector_demand``: the sector's estimated occupation employment. Per element: supply_level, demand_level,
    demand_importance and difference = supply_level - demand_level (negative: the sector needs more than the
    workforce typically has), sorted with the largest shortfalls of important elements first.
    """
    supply = weighted_profile(p, workforce).set_index("element_id")
    need = weighted_profile(p, sector_demand).set_index("element_id")
    out = need[["domain", "element_name", "importance", "level"]].rename(
        columns={"importance": "demand_importance", "level": "demand_level"}
    )
    out["supply_level"] = supply["level"].reindex(out.index)
    out["difference"] = out["supply_level"] - out["demand_level"]
    out = out.sort_values(["difference", "demand_importance"], ascending=[True, False]).reset_index()
    return out[
        [
            "element_id",
            "element_name",
            "domain",
            "demand_importance",
            "demand_level",
            "supply_level",
            "difference",
        ]
    ]
