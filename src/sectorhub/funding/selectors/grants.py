"""Solicitations and applications as each user may see them."""

from __future__ import annotations

from django.db.models import Q

from sectorhub.core.permissions import role_of
from sectorhub.core.roles import STATE, Role
from sectorhub.funding.models import Application, ReviewAssignment, Solicitation
from sectorhub.funding.selectors.public import public_funding


def solicitations_for(user):
    """State staff see drafts too; everyone else sees the published ones (the public selector)."""
    if role_of(user) in STATE:
        return Solicitation.objects.prefetch_related("streams").all()
    return public_funding("solicitations")


def solicitation_for(user, pk: int) -> Solicitation:
    """One solicitation the user may see, or DoesNotExist."""
    return solicitations_for(user).prefetch_related("criteria", "questions", "documents").get(pk=pk)


def applications_for(user, solicitation=None):
    """Applications the user may open: all for state staff; a convener's own; a reviewer's assigned and not
    conflicted (undeclared ones appear so they can declare)."""
    qs = Application.objects.select_related("solicitation", "organization", "partnership").prefetch_related(
        "budget_lines"
    )
    if solicitation is not None:
        qs = qs.filter(solicitation=solicitation)
    role = role_of(user)
    if role in STATE:
        return qs
    if role == Role.CONVENER:
        return qs.filter(
            Q(created_by=user) | Q(partnership__conveners=user) | Q(partnership__region__conveners=user)
        ).distinct()
    if role == Role.GRANT_REVIEWER:
        conflicted = ReviewAssignment.objects.filter(reviewer=user, has_conflict=True).values(
            "application_id"
        )
        return qs.filter(assignments__reviewer=user).exclude(pk__in=conflicted)
    return qs.none()


def application_detail(pk: int) -> Application:
    """An application with everything its page shows (access is checked by the caller)."""
    return (
        Application.objects.select_related(
            "solicitation", "organization", "partnership__region", "created_by"
        )
        .prefetch_related(
            "answers__question",
            "budget_lines__stream",
            "partners__organization",
            "partners__letter",
            "attachments",
            "assignments__reviewer",
            "assignments__scores",
            "solicitation__criteria",
            "solicitation__questions",
        )
        .get(pk=pk)
    )
