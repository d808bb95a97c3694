"""Review and decisions: assignments, conflict declarations, scores, award decisions within the funds, release.

A reviewer declares conflicts first; one with a conflict can neither see nor score the application (every path
checks `permissions.application_access`). Decisions record their reasons; every change lands in history.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from sectorhub.core.history import record
from sectorhub.core.permissions import role_of
from sectorhub.core.roles import Role
from sectorhub.funding.models import (
    Application,
    ApplicationStatus,
    Award,
    Outcome,
    ReviewAssignment,
    Score,
    Solicitation,
)
from sectorhub.funding.models.budgets import ZERO
from sectorhub.funding.models.grants import SCORE_MAX, SCORE_MIN
from sectorhub.funding.money import dollars, to_money
from sectorhub.funding.permissions import is_state


def _require_state(user, what: str) -> None:
    if not is_state(user):
        raise PermissionDenied(f"Only state staff may {what}.")


@transaction.atomic
def assign_reviewer(*, user, application: Application, reviewer) -> ReviewAssignment:
    """Assign a grant reviewer to a submitted application."""
    _require_state(user, "assign reviewers")
    if role_of(reviewer) != Role.GRANT_REVIEWER:
        raise ValidationError({"reviewer": f"{reviewer.username} is not a grant reviewer."})
    application = Application.objects.get(pk=application.pk)
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError("Only submitted applications awaiting a decision are reviewed.")
    assignment, created = ReviewAssignment.objects.get_or_create(
        application=application, reviewer=reviewer, defaults={"assigned_by": user}
    )
    if created:
        record(assignment, user=user, reason="Reviewer assigned")
        assignment.save()
    return assignment


def _own(user, assignment: ReviewAssignment) -> ReviewAssignment:
    assignment = (
        ReviewAssignment.objects.select_for_update().select_related("application").get(pk=assignment.pk)
    )
    if assignment.reviewer_id != user.pk:
        raise PermissionDenied("This review is assigned to someone else.")
    if assignment.application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError("A decision was made on this application; reviews are closed.")
    return assignment


@transaction.atomic
def declare_conflict(
    *, user, assignment: ReviewAssignment, has_conflict: bool, note: str = ""
) -> ReviewAssignment:
    """The reviewer declares whether they have a conflict of interest; the declaration cannot be taken back."""
    assignment = _own(user, assignment)
    if assignment.has_conflict is not None:
        raise ValidationError("You already declared on this application.")
    if has_conflict and not note.strip():
        raise ValidationError({"conflict_note": "Say briefly what the conflict is."})
    assignment.has_conflict = bool(has_conflict)
    assignment.conflict_note = note.strip()
    assignment.declared_at = timezone.now()
    record(assignment, user=user, reason="Conflict declared" if has_conflict else "No conflict declared")
    assignment.save()
    return assignment


@transaction.atomic
def score_application(
    *, user, assignment: ReviewAssignment, scores: dict[int, tuple[int, str]]
) -> ReviewAssignment:
    """Save scores (criterion id → (1..5, comment)); the review is complete once every criterion is scored."""
    assignment = _own(user, assignment)
    if assignment.has_conflict is None:
        raise ValidationError("Declare any conflict of interest before scoring.")
    if assignment.has_conflict:
        raise PermissionDenied("You declared a conflict of interest on this application.")
    criteria = {c.pk: c for c in assignment.application.solicitation.criteria.all()}
    for cid, (value, comment) in scores.items():
        criterion = criteria.get(int(cid))
        if criterion is None:
            raise ValidationError(f"Criterion {cid} is not part of this solicitation.")
        if not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
            raise ValidationError({f"c{cid}": f"Score {criterion.name} from {SCORE_MIN} to {SCORE_MAX}."})
        score, _ = Score.objects.get_or_create(
            assignment=assignment, criterion=criterion, defaults={"score": value}
        )
        score.score = value
        score.comment = (comment or "").strip()
        record(score, user=user, reason="Scored")
        score.save()
    if assignment.scores.count() == len(criteria) and assignment.completed_at is None:
        assignment.completed_at = timezone.now()
        record(assignment, user=user, reason="Review completed")
        assignment.save()
    return assignment


def awarded_total(solicitation: Solicitation):
    """Dollars awarded so far in a solicitation."""
    return (
        Award.objects.filter(application__solicitation=solicitation, outcome=Outcome.FUNDED).aggregate(
            t=Sum("amount")
        )["t"]
        or ZERO
    )


@transaction.atomic
def decide(*, user, application: Application, outcome: str, reasons: str, amount=ZERO) -> Award:
    """Fund or decline a submitted application, with reasons; funded awards stay within the solicitation's funds.

    The solicitation row is locked so two decisions at once cannot both spend its last dollars.
    """
    _require_state(user, "decide awards")
    solicitation = Solicitation.objects.select_for_update().get(pk=application.solicitation_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError("Only submitted applications awaiting a decision can be decided.")
    if not reasons.strip():
        raise ValidationError({"reasons": "Give the reasons for the decision."})
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "Choose funded or not funded."})
    amount = to_money(amount)
    if outcome == Outcome.FUNDED:
        if amount <= ZERO:
            raise ValidationError({"amount": "A funded award needs an amount."})
        if amount > application.requested:
            raise ValidationError({"amount": f"More than the {dollars(application.requested)} requested."})
        left = solicitation.amount - awarded_total(solicitation)
        if amount > left:
            raise ValidationError(
                {"amount": f"Only {dollars(left)} of the solicitation's funds is left to award."}
            )
    else:
        amount = ZERO
    award = Award(
        application=application,
        outcome=outcome,
        amount=amount,
        reasons=reasons.strip(),
        decided_by=user,
        decided_at=timezone.now(),
    )
    record(award, user=user, reason=f"Decision: {Outcome(outcome).label}")
    award.save()
    application.status = (
        ApplicationStatus.FUNDED if outcome == Outcome.FUNDED else ApplicationStatus.NOT_FUNDED
    )
    record(application, user=user, reason=f"Decision: {Outcome(outcome).label}")
    application.save()
    return award


@transaction.atomic
def release_scores(*, user, solicitation: Solicitation, released: bool = True) -> Solicitation:
    """Let applicants see their scores and comments."""
    _require_state(user, "release scores")
    solicitation.scores_released = released
    record(solicitation, user=user, reason="Scores released" if released else "Scores withheld")
    solicitation.save()
    return solicitation
