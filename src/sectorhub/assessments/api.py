"""Self-assessment endpoints: the cycles a user may see, and a cycle's results per capability."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Router, Schema

from sectorhub.assessments import selectors
from sectorhub.assessments.models import Cycle
from sectorhub.assessments.permissions import can_see_cycle, can_see_results

router = Router(tags=["assessments"])


class CycleOut(Schema):
    """A cycle as the API returns it."""

    id: int
    name: str
    instrument: str
    version: int
    status: str
    opens_on: dt.date
    closes_on: dt.date | None
    respondents: int
    submitted: int


class ItemResultOut(Schema):
    """One item's results."""

    key: str
    rated: int
    dont_know: int
    mean: float | None
    spread: float | None
    disputed: bool
    importance: float | None
    gap: float | None
    priority: float | None


class CapabilityResultOut(Schema):
    """One capability's results with its items."""

    key: str
    name: str
    respondents: int
    mean: float | None
    spread: float | None
    disputed: bool
    importance: float | None
    gap: float | None
    priority: float | None
    items: list[ItemResultOut]


@router.get("/cycles", response=list[CycleOut], url_name="assessment_cycle_list")
def cycle_list(request):
    """Cycles the signed-in user may see."""
    return [
        CycleOut(
            id=c.pk,
            name=c.name,
            instrument=c.version.instrument.slug,
            version=c.version.number,
            status=c.status,
            opens_on=c.opens_on,
            closes_on=c.closes_on,
            respondents=c.respondent_count,
            submitted=c.submitted_count,
        )
        for c in selectors.cycles_for(request.user)
    ]


@router.get(
    "/cycles/{int:pk}/results", response=list[CapabilityResultOut], url_name="assessment_cycle_results"
)
def cycle_results(request, pk: int):
    """Results per capability (state staff any time; others once the cycle is closed)."""
    try:
        cycle = selectors.cycle(pk)
    except Cycle.DoesNotExist as exc:
        raise Http404("No such cycle") from exc
    if not can_see_cycle(request.user, cycle):
        raise Http404("No such cycle")
    if not can_see_results(request.user, cycle):
        raise PermissionDenied("Results are shown to respondents once the cycle closes.")
    return selectors.score(cycle, selectors.capabilities_of(cycle))
