"""Scoring a cycle: pure functions over ratings, no database. The rules (docs/assessments.md, "How results are
worked out"):

- A level's score is its position on the scale: not started 0, emerging 1, developing 2, established 3.
  "Don't know" has no score; it is counted, never averaged.
- Item: mean and spread (population standard deviation) of the scores given to it; `low`/`high` are the lowest
  and highest scores.
- Capability: each respondent's score is the mean of the items they rated in it; the capability's mean and spread
  are taken over those respondent scores, so every respondent weighs the same whatever they left as don't know.
- Disagreement: an item is disputed when at least two respondents rated it and their scores are
  `disagreement_range` levels apart or more (default 2: "emerging" against "established" is a dispute,
  "developing" against "established" is not). A capability is disputed when any of its items is.
- Importance: the mean importance (low 1, medium 2, high 3) of every answer to the item or capability, don't-know
  answers included (someone can know an item matters without knowing where the state stands).
- Gap: the top score minus the mean. Priority: gap × importance. Priorities sort by priority, then gap, then the
  instrument's order.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rating:
    """One answer reduced to numbers: who, which capability and item, the score (None: don't know), importance."""

    respondent: object
    capability: str
    item: str
    score: int | None
    importance: int


@dataclass(frozen=True)
class ItemDef:
    """An item's key, text and order."""

    key: str
    text: str


@dataclass(frozen=True)
class CapabilityDef:
    """A capability's key, name and its items in order."""

    key: str
    name: str
    items: tuple[ItemDef, ...]


@dataclass
class Stats:
    """Summary of a list of scores."""

    n: int
    mean: float | None
    spread: float | None
    low: float | None
    high: float | None


@dataclass
class ItemResult:
    """One item's results."""

    key: str
    text: str
    capability: str
    rated: int
    dont_know: int
    mean: float | None
    spread: float | None
    low: float | None
    high: float | None
    disputed: bool
    importance: float | None
    gap: float | None
    priority: float | None
    order: int = 0


@dataclass
class CapabilityResult:
    """One capability's results, with its items."""

    key: str
    name: str
    respondents: int
    mean: float | None
    spread: float | None
    low: float | None
    high: float | None
    disputed: bool
    importance: float | None
    gap: float | None
    priority: float | None
    items: list[ItemResult] = field(default_factory=list)
    order: int = 0

    @property
    def disputed_items(self) -> list[ItemResult]:
        """The items respondents disagree on."""
        return [i for i in self.items if i.disputed]


def stats(values: Iterable[float]) -> Stats:
    """Count, mean, population standard deviation, lowest and highest of `values` (None where empty).

    >>> stats([1, 3]).spread
    1.0
    """
    values = list(values)
    if not values:
        return Stats(0, None, None, None, None)
    mean = sum(values) / len(values)
    spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    return Stats(len(values), mean, spread, min(values), max(values))


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def score_cycle(
    structure: Iterable[CapabilityDef], ratings: Iterable[Rating], *, top: int, disagreement_range: int
) -> list[CapabilityResult]:
    """Results per capability and item for one cycle's ratings, in the instrument's order."""
    by_item: dict[str, list[Rating]] = defaultdict(list)
    for r in ratings:
        by_item[r.item].append(r)
    results = []
    for c_order, cap in enumerate(structure):
        items = []
        per_respondent: dict[object, list[int]] = defaultdict(list)
        importances: list[int] = []
        for i_order, item in enumerate(cap.items):
            answers = by_item.get(item.key, [])
            scores = [a.score for a in answers if a.score is not None]
            for a in answers:
                importances.append(a.importance)
                if a.score is not None:
                    per_respondent[a.respondent].append(a.score)
            s = stats(scores)
            importance = _mean([a.importance for a in answers])
            gap = None if s.mean is None else top - s.mean
            items.append(
                ItemResult(
                    key=item.key,
                    text=item.text,
                    capability=cap.key,
                    rated=s.n,
                    dont_know=len(answers) - s.n,
                    mean=s.mean,
                    spread=s.spread,
                    low=s.low,
                    high=s.high,
                    disputed=s.n >= 2 and (s.high - s.low) >= disagreement_range,
                    importance=importance,
                    gap=gap,
                    priority=None if gap is None or importance is None else gap * importance,
                    order=i_order,
                )
            )
        s = stats(sum(v) / len(v) for v in per_respondent.values())
        importance = _mean(importances)
        gap = None if s.mean is None else top - s.mean
        results.append(
            CapabilityResult(
                key=cap.key,
                name=cap.name,
                respondents=s.n,
                mean=s.mean,
                spread=s.spread,
                low=s.low,
                high=s.high,
                disputed=any(i.disputed for i in items),
                importance=importance,
                gap=gap,
                priority=None if gap is None or importance is None else gap * importance,
                items=items,
                order=c_order,
            )
        )
    return results


def ranked_capabilities(capabilities: Iterable[CapabilityResult]) -> list[CapabilityResult]:
    """Capabilities with a priority, highest first (then the larger gap, then the instrument's order)."""
    rows = [c for c in capabilities if c.priority is not None]
    return sorted(rows, key=lambda c: (-c.priority, -c.gap, c.order))


def ranked_items(capabilities: Iterable[CapabilityResult]) -> list[ItemResult]:
    """Every item of every capability, ranked by priority; ties keep the instrument's order."""
    caps = list(capabilities)
    position = {c.key: c.order for c in caps}
    rows = [i for c in caps for i in c.items if i.priority is not None]
    return sorted(rows, key=lambda r: (-r.priority, -r.gap, position[r.capability], r.order))
