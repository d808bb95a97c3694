"""Funding endpoints: open solicitations and funded awards (public), stream balances, an application, scores.

A conflicted reviewer gets 404 for the application and 403 for scores, the same as on the pages.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from sectorhub.funding import services
from sectorhub.funding.models import Application, ReviewAssignment
from sectorhub.funding.permissions import application_access
from sectorhub.funding.selectors.budgets import stream_balances
from sectorhub.funding.selectors.grants import application_detail
from sectorhub.funding.selectors.public import public_funding
from sectorhub.funding.selectors.review import application_result, scores_visible_to
from sectorhub.partnerships.api import session

router = Router(tags=["funding"])


class SolicitationOut(Schema):
    """A published solicitation."""

    id: int
    title: str
    description: str
    amount: Decimal
    opens_at: dt.datetime
    closes_at: dt.datetime
    streams: list[str]

    @staticmethod
    def resolve_streams(obj) -> list[str]:
        """Stream names, from the prefetched streams."""
        return [s.name for s in obj.streams.all()]


class AwardOut(Schema):
    """A funded award."""

    id: int
    solicitation: str = Field(..., alias="application.solicitation.title")
    application: str = Field(..., alias="application.title")
    applicant: str = Field(..., alias="application.organization.name")
    partnership: str | None = None
    amount: Decimal
    decided_at: dt.datetime

    @staticmethod
    def resolve_partnership(obj) -> str | None:
        """The partnership's name, if any."""
        p = obj.application.partnership
        return p.name if p else None


class StreamOut(Schema):
    """A funding stream with its balance."""

    id: int
    name: str
    source: str
    amount: Decimal
    obligated: Decimal
    spent: Decimal
    available: Decimal


class CriterionScore(Schema):
    """Means per criterion, once visible."""

    criterion: str
    mean: Decimal | None
    spread: bool


class ApplicationOut(Schema):
    """An application as its reader may see it."""

    id: int
    title: str
    status: str
    solicitation: str
    applicant: str
    requested: Decimal
    submitted_at: dt.datetime | None
    answers: dict[str, str]
    weighted_mean: Decimal | None = None
    criteria: list[CriterionScore] | None = None


class ScoreIn(Schema):
    """A score and comment for one criterion."""

    criterion_id: int
    score: int
    comment: str = ""


@router.get("/solicitations", response=list[SolicitationOut], url_name="funding_solicitation_list")
@paginate(PageNumberPagination, page_size=50)
def solicitation_list(request):
    """Solicitations open now (the public selector)."""
    return public_funding("open")


@router.get("/awards", response=list[AwardOut], url_name="funding_award_list")
@paginate(PageNumberPagination, page_size=100)
def award_list(request):
    """Funded awards of published solicitations (the public selector)."""
    return public_funding("awards")


@router.get("/streams", response=list[StreamOut], url_name="funding_stream_list")
def stream_list(request):
    """Every stream with obligated, spent and available dollars."""
    return [
        StreamOut(
            id=b.stream.pk,
            name=b.stream.name,
            source=b.stream.source,
            amount=b.amount,
            obligated=b.obligated,
            spent=b.spent,
            available=b.available,
        )
        for b in stream_balances()
    ]


def _readable(request, pk: int) -> Application:
    try:
        application = application_detail(pk)
    except Application.DoesNotExist as exc:
        raise Http404("No such application") from exc
    if application_access(request.user, application) != "full":
        raise Http404("No such application")
    return application


@router.get("/applications/{int:pk}", response=ApplicationOut, url_name="funding_application_detail")
def application_read(request, pk: int):
    """An application: answers and, where the reader may see them, the scores' means and flags."""
    a = _readable(request, pk)
    out = ApplicationOut(
        id=a.pk,
        title=a.title,
        status=a.status,
        solicitation=a.solicitation.title,
        applicant=a.organization.name,
        requested=a.requested,
        submitted_at=a.submitted_at,
        answers={x.question.prompt: x.text for x in a.answers.all()},
    )
    if scores_visible_to(request.user, a):
        result = application_result(a)
        out.weighted_mean = result.weighted_mean
        out.criteria = [
            CriterionScore(criterion=c.criterion.name, mean=c.mean, spread=c.spread) for c in result.criteria
        ]
    return out


@router.post(
    "/applications/{int:pk}/scores", response={200: dict}, auth=session, url_name="funding_application_scores"
)
def application_scores(request, pk: int, payload: list[ScoreIn]):
    """The signed-in reviewer's scores for an application (after declaring no conflict)."""
    assignment = ReviewAssignment.objects.filter(application_id=pk, reviewer=request.user).first()
    if assignment is None or assignment.has_conflict:
        raise PermissionDenied("You may not score this application.")
    assignment = services.score_application(
        user=request.user,
        assignment=assignment,
        scores={s.criterion_id: (s.score, s.comment) for s in payload},
    )
    return {"completed": assignment.completed_at is not None, "scored": assignment.scores.count()}
