"""The public selector: the one place that decides what an anonymous visitor sees of funding.

Public: solicitations that are published (open ones, and closed ones that have funded awards), funded awards of
published solicitations (applicant, partnership, amount; never scores, comments or reviewers), and policies marked
public, with their documents marked public. Every public view, public API list, the public site's links and the public annual report use only this.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.utils import timezone

from sectorhub.funding.models import Award, Outcome, Policy, Solicitation, SolicitationDocument


def public_funding(kind: str):
    """What the public sees: kind is "open" (solicitations open now), "solicitations" (all published),
    "awards" (funded awards of published solicitations) or "policies"."""
    now = timezone.now()
    if kind == "open":
        return (
            Solicitation.objects.filter(is_published=True, opens_at__lte=now, closes_at__gt=now)
            .prefetch_related("streams")
            .order_by("closes_at")
        )
    if kind == "solicitations":
        # Only documents marked public travel with a published solicitation (internal ones: documents_for).
        public_documents = Prefetch("documents", queryset=SolicitationDocument.objects.filter(is_public=True))
        return Solicitation.objects.filter(is_published=True).prefetch_related(
            "streams", "criteria", "questions", public_documents
        )
    if kind == "awards":
        return (
            Award.objects.filter(outcome=Outcome.FUNDED, application__solicitation__is_published=True)
            .filter(Q(application__partnership__isnull=True) | Q(application__partnership__is_public=True))
            .select_related(
                "application__solicitation", "application__organization", "application__partnership__region"
            )
            .order_by("-decided_at")
        )
    if kind == "policies":
        return Policy.objects.filter(is_public=True)
    raise ValueError(f"unknown public funding kind {kind!r}")
