"""Scores, their visibility, the spread and outlier flags, and the ranking by weighted mean.

Rules (docs/funding.md):
- A reviewer sees the other reviewers' scores only once every assigned reviewer without a conflict has completed.
- Spread: on a criterion, the highest and lowest reviewer scores differ by 2 or more points (5-point scale).
- Outlier: a reviewer's score on a criterion differs by 2 or more from the mean of the other reviewers' scores.
- Weighted mean: each criterion's mean over complete reviews, weighted by the criterion weights, divided by their
  sum. Ties (equal weighted means, exactly, in Decimal) share a rank ("1, 2, 2, 4"); tied applications are listed
  by earlier submission, and the decision between them is the state's, with reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sectorhub.funding.models import Application, ApplicationStatus, ReviewAssignment, Solicitation
from sectorhub.funding.permissions import is_state

SPREAD_POINTS = 2
OUTLIER_POINTS = Decimal("2")


def complete_reviews(application: Application) -> list[ReviewAssignment]:
    """Completed reviews by reviewers without a conflict, with their scores."""
    return [
        a for a in application.assignments.all() if a.has_conflict is False and a.completed_at is not None
    ]


def all_reviews_in(application: Application) -> bool:
    """Every assigned reviewer without a conflict has completed (and at least one has)."""
    active = [a for a in application.assignments.all() if not a.has_conflict]
    return bool(active) and all(a.has_conflict is False and a.completed_at for a in active)


def scores_visible_to(user, application: Application) -> bool:
    """Whether the user may see all reviewers' scores: state staff always; reviewers once all are in;
    the applicant once the state has released them."""
    from sectorhub.funding.permissions import assignment_of, is_applicant

    if is_state(user):
        return True
    assignment = assignment_of(user, application)
    if assignment is not None:
        return assignment.has_conflict is False and all_reviews_in(application)
    if is_applicant(user, application):
        return application.solicitation.scores_released and application.status != ApplicationStatus.SUBMITTED
    return False


@dataclass
class CriterionResult:
    """One criterion of an application: each reviewer's score, the mean, and the flags."""

    criterion: object
    scores: list[tuple[str, int, str]]  # reviewer, score, comment
    mean: Decimal | None
    spread: bool
    outliers: list[str] = field(default_factory=list)


@dataclass
class ApplicationResult:
    """An application's scores by criterion, weighted mean and rank."""

    application: Application
    criteria: list[CriterionResult]
    weighted_mean: Decimal | None
    reviews: int
    rank: int | None = None
    tied: bool = False

    @property
    def flagged(self) -> bool:
        """Whether any criterion has a spread flag."""
        return any(c.spread for c in self.criteria)


def application_result(application: Application) -> ApplicationResult:
    """Scores, means, flags and weighted mean of one application (complete, unconflicted reviews only)."""
    criteria = list(application.solicitation.criteria.all())
    reviews = complete_reviews(application)
    by_review = {a.pk: {s.criterion_id: s for s in a.scores.all()} for a in reviews}
    results = []
    weighted = Decimal(0)
    weights = Decimal(0)
    for c in criteria:
        rows = [
            (
                a.reviewer.get_full_name() or a.reviewer.username,
                by_review[a.pk][c.pk].score,
                by_review[a.pk][c.pk].comment,
            )
            for a in reviews
            if c.pk in by_review[a.pk]
        ]
        values = [r[1] for r in rows]
        mean = Decimal(sum(values)) / len(values) if values else None
        spread = bool(values) and max(values) - min(values) >= SPREAD_POINTS
        outliers = []
        if len(values) >= 2:
            for i, (name, value, _) in enumerate(rows):
                others = values[:i] + values[i + 1 :]
                if abs(Decimal(value) - Decimal(sum(others)) / len(others)) >= OUTLIER_POINTS:
                    outliers.append(name)
        results.append(CriterionResult(c, rows, mean, spread, outliers))
        if mean is not None:
            weighted += c.weight * mean
            weights += c.weight
    wmean = weighted / weights if weights and len(reviews) else None
    return ApplicationResult(application, results, wmean, len(reviews))


def ranking(solicitation: Solicitation) -> list[ApplicationResult]:
    """Submitted and decided applications ranked by weighted mean (ties share a rank; see the module notes)."""
    applications = (
        Application.objects.filter(solicitation=solicitation)
        .exclude(status=ApplicationStatus.DRAFT)
        .select_related("solicitation", "organization", "partnership")
        .prefetch_related(
            "solicitation__criteria", "assignments__scores", "assignments__reviewer", "budget_lines"
        )
    )
    results = [application_result(a) for a in applications]
    scored = sorted(
        (r for r in results if r.weighted_mean is not None),
        key=lambda r: (-r.weighted_mean, r.application.submitted_at or r.application.pk, r.application.pk),
    )
    previous = None
    for index, r in enumerate(scored, start=1):
        if previous is not None and r.weighted_mean == previous.weighted_mean:
            r.rank = previous.rank
            r.tied = previous.tied = True
        else:
            r.rank = index
        previous = r
    unscored = [r for r in results if r.weighted_mean is None]
    return scored + unscored


def shown(value: Decimal | None, places: str = "0.01") -> str:
    """A mean rounded for display (half up)."""
    return "—" if value is None else str(value.quantize(Decimal(places), rounding=ROUND_HALF_UP))


def assignments_for(user):
    """A reviewer's assignments, newest solicitations first."""
    return (
        ReviewAssignment.objects.filter(reviewer=user)
        .select_related("application__solicitation", "application__organization")
        .order_by("-application__solicitation__closes_at", "application__title")
    )
