"""Public performance API: the published scorecard (selectors.public_scorecard only)."""

from __future__ import annotations

from decimal import Decimal

from ninja import Router, Schema

from sectorhub.performance import selectors

router = Router(tags=["performance"])


class ValueOut(Schema):
    """One published value (None when suppressed)."""

    indicator: str
    key: str
    unit: str
    value: Decimal | None
    suppressed: bool


class ReportOut(Schema):
    """A published quarterly report."""

    partnership: str
    partnership_id: int
    quarter: str
    values: list[ValueOut]


@router.get("/scorecard", response=list[ReportOut], url_name="performance_scorecard")
def scorecard(request):
    """Published, approved quarterly reports of public partnerships, small counts suppressed."""
    return selectors.public_scorecard()["reports"]
