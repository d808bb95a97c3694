"""Solicitations and applications as each user may see them."""

from __future__ import annotations

from django.db.models import Q

from sectorhub.core.permissions import role_of
from sectorhub.core.roles import STATE, Role
from sectorhub.funding.models import Application, ReviewAssignment, Solicitation, SolicitationDocument
from sectorhub.funding.permissions import sees_internal_documents
from sectorhub.funding.selectors.public import public_funding


def solicitations_for(user):
    """State staff see drafts too; everyone else sees the published ones (the public selector)."""
    if role_of(user) in STATE:
        return Solicitation.objects.prefetch_related("streams").all()
    return public_funding("solicitations")


def solicitation_for(user, pk: int) -> Solicitation:
    """One solicitation the user may see, or DoesNotExist."""
    return solicitations_for(user).prefetch_related("criteria", "questions", "documents").get(pk=pk)


def documents_for(user, solicitation: Solicitation) -> list[SolicitationDocument]:
    """The solicitation's documents `user` may see: public ones for everyone who may see the solicitation,
    internal ones too for state staff and grant reviewers."""
    qs = SolicitationDocument.objects.filter(solicitation=solicitation).order_by("pk")
    return list(qs if sees_internal_documents(user) else qs.filter(is_public=True))


def document_for_download(user, pk: int) -> SolicitationDocument:
    """An uploaded document `user` may fetch: its solicitation must be one they may see (published, or any for
    state staff) and the document public, or `user` state staff or a grant reviewer; DoesNotExist otherwise."""
    doc = SolicitationDocument.objects.exclude(file="").get(pk=pk)
    solicitations_for(user).get(pk=doc.solicitation_id)
    if not (doc.is_public or sees_internal_documents(user)):
        raise SolicitationDocument.DoesNotExist
    return doc


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
