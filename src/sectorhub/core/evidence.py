"""Live evidence for the self-assessment: the figure type every app's `evidence.py` returns.

An app adds evidence sources by shipping `<app>/evidence.py` with `EVIDENCE: dict[str, callable]`, each callable
taking `(*, user, region=None)` and returning an `Evidence`; `sectorhub.assessments.evidence` merges them with its
own. Instrument items name a source by its key (`evidence: <key>` in the instrument YAML).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    """One live figure: what it says, how it reads as a number (when it is one), and where it comes from."""

    source: str
    label: str
    summary: str
    available: bool = True
    value: float | None = None
