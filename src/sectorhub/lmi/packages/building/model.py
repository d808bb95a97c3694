"""The data package object every renderer reads: one region, one period, every figure with its status and source.

Numbers are stored already rounded to the precision every output shows (jobs and dollars whole, LQs to hundredths,
percents to tenths), so the page, the PDF, the workbook, the CSV and the JSON hold the same figures. A value that
BLS suppressed is ``None`` with status ``"suppressed"``, never 0; a region sum that leaves out suppressed county
cells carries status ``"lower bound"``.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

PUBLISHED, LOWER_BOUND, SUPPRESSED = "published", "lower bound", "suppressed"


@dataclass
class Source:
    """Where a figure comes from: publisher, dataset, vintage."""

    name: str
    detail: str
    vintage: str = ""

    @property
    def label(self) -> str:
        """``name (vintage)``, the vintage once: ``… OEWS (May 2025)``, never ``May 2025 (May 2025)``."""
        return (
            f"{self.name} ({self.vintage})" if self.vintage and self.vintage not in self.name else self.name
        )


@dataclass
class Column:
    """A table column: key in the rows, heading, and kind (``int``, ``float1``, ``float2``, ``pct``, ``text``)."""

    key: str
    label: str
    kind: str = "text"
    status_key: str | None = (
        None  # the row key holding this value's status (published, lower bound, suppressed)
    )


@dataclass
class Section:
    """A titled table (and optional chart) of a package; the supply side adds its own sections to ``sections``."""

    key: str
    title: str
    columns: list[Column]
    rows: list[dict]
    intro: str = ""
    notes: list[str] = field(default_factory=list)
    chart: str | None = None  # key into DataPackage.charts
    empty_reason: str = ""  # shown instead of an empty table: which period or file is missing


@dataclass
class DataPackage:
    """A regional data package (demand side; other sides append ``sections``)."""

    region_name: str
    counties: list[dict]  # {"fips", "name"}
    state_fips: str
    state_name: str
    year: int
    period: str
    period_label: str
    level: str
    level_label: str
    ownership: str
    ownership_label: str
    summary: list[dict]
    highlights: dict[str, list[dict]]
    industries: list[dict]
    charts: dict[str, dict]
    sources: list[Source]
    notes: list[str]
    settings: dict
    generated_at: str
    sections: list[Section] = field(default_factory=list)
    estimates_included: bool = False
    # Industries the target-industry view could not classify because BLS suppressed a county figure they need.
    unclassified_suppressed: int = 0
    warnings: list[str] = field(default_factory=list)  # shown first in every format (e.g. old data)
    # Industries whose measures use SectorHub estimates (estimates on; each such row has ``estimate`` True).
    estimated_industries: int = 0
    # The BLS area ({"code", "title", "kind"}) whose own published figures the package uses, when the region's
    # counties are exactly that area and its file is loaded; None when the package sums county cells.
    bls_area: dict | None = None

    def section(self, key: str) -> Section:
        """The section with this key."""
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def to_dict(self) -> dict:
        """Plain JSON-ready data (NaN becomes None)."""
        return _clean(asdict(self))


def _clean(value):
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        return _clean(value.item())
    return value
