"""Writes for outreach. Each service checks permission, runs in one transaction and records history."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from sectorhub.core.history import record
from sectorhub.outreach.models import (
    Campaign,
    Champion,
    Engagement,
    Material,
    Network,
    Recommendation,
    RecommendationStatus,
)
from sectorhub.outreach.permissions import can_manage, can_record_for

S = RecommendationStatus
# The allowed moves: forward one step, or declined (with a reason) before implementation.
TRANSITIONS = {
    S.PROPOSED: {S.UNDER_REVIEW, S.DECLINED},
    S.UNDER_REVIEW: {S.ADOPTED, S.DECLINED},
    S.ADOPTED: {S.IMPLEMENTED, S.DECLINED},
    S.IMPLEMENTED: set(),
    S.DECLINED: set(),
}


def _save(obj, *, user, reason: str):
    record(obj, user=user, reason=reason)
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def create_network(*, user, partnerships=(), **data) -> Network:
    """Add an industry network (state staff)."""
    if not can_manage(user):
        raise PermissionDenied("Only state staff add networks.")
    network = _save(Network(**data), user=user, reason="Network added")
    network.partnerships.set(partnerships)
    return network


@transaction.atomic
def add_champion(*, user, **data) -> Champion:
    """Record a champion; a public listing needs consent with its date and scope."""
    if not can_record_for(user, data.get("partnership")):
        raise PermissionDenied("You may record champions only for your own partnerships.")
    if data.get("consent_public") and not (data.get("consent_date") and data.get("consent_scope")):
        raise ValidationError({"consent_date": "Record the date and scope of the champion's consent."})
    return _save(Champion(**data), user=user, reason="Champion added")


@transaction.atomic
def record_engagement(*, user, **data) -> Engagement:
    """Log a meeting, site visit or commitment."""
    if not can_record_for(user, data.get("partnership")):
        raise PermissionDenied("You may record engagements only for your own partnerships.")
    return _save(Engagement(recorded_by=user, **data), user=user, reason="Engagement recorded")


@transaction.atomic
def make_recommendation(*, user, **data) -> Recommendation:
    """Record a recommendation made by a network or a partnership; it starts as proposed."""
    if not data.get("network") and not data.get("partnership"):
        raise ValidationError({"network": "Say which network or partnership made the recommendation."})
    if not can_record_for(user, data.get("partnership")):
        raise PermissionDenied("You may record recommendations only for your own partnerships.")
    data["status"] = S.PROPOSED
    return _save(Recommendation(**data), user=user, reason="Recommendation made")


@transaction.atomic
def move_recommendation(
    *, user, recommendation: Recommendation, status: str, reason: str = ""
) -> Recommendation:
    """Move a recommendation one step on (or decline it, with a reason); the history keeps every step."""
    if not can_record_for(user, recommendation.partnership):
        raise PermissionDenied("You may not change this recommendation.")
    current = S(recommendation.status)
    if S(status) not in TRANSITIONS[current]:
        allowed = ", ".join(s.label.lower() for s in TRANSITIONS[current]) or "nothing (it is final)"
        raise ValidationError({"status": f"A {current.label.lower()} recommendation can move to {allowed}."})
    if status == S.DECLINED:
        if not reason.strip():
            raise ValidationError({"reason": "Give the reason it was declined."})
        recommendation.decline_reason = reason.strip()
    recommendation.status = status
    return _save(recommendation, user=user, reason=f"Now {S(status).label.lower()}")


@transaction.atomic
def create_campaign(*, user, **data) -> Campaign:
    """Add an awareness campaign (state staff)."""
    if not can_manage(user):
        raise PermissionDenied("Only state staff add campaigns.")
    if data.get("ends_on") and data["ends_on"] < data["starts_on"]:
        raise ValidationError({"ends_on": "The campaign cannot end before it starts."})
    return _save(Campaign(**data), user=user, reason="Campaign added")


@transaction.atomic
def add_material(*, user, campaign: Campaign, **data) -> Material:
    """Add a campaign material with its reach (state staff)."""
    if not can_manage(user):
        raise PermissionDenied("Only state staff change campaigns.")
    return _save(Material(campaign=campaign, **data), user=user, reason="Material added")
