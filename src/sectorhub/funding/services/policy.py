"""The policy inventory and the checklist of the brief's six administrative policies."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from sectorhub.core.history import record
from sectorhub.funding.models import Policy, PolicyCheck
from sectorhub.funding.permissions import is_state


@transaction.atomic
def add_policy(
    *,
    user,
    kind,
    title,
    year,
    status,
    citation="",
    capability="policy",
    link="",
    is_public=True,
    is_demo=False,
) -> Policy:
    """Add a law or administrative policy to the inventory."""
    if not is_state(user):
        raise PermissionDenied("Only state staff edit the policy inventory.")
    policy = Policy(
        kind=kind,
        title=title,
        citation=citation,
        year=year,
        status=status,
        capability=capability,
        link=link,
        is_public=is_public,
        is_demo=is_demo,
    )
    policy.full_clean()
    record(policy, user=user, reason="Policy added")
    policy.save()
    return policy


@transaction.atomic
def update_policy_check(*, user, key: str, state: str, evidence: str = "", link: str = "") -> PolicyCheck:
    """Record where the state stands on one of the six administrative policies, with its evidence."""
    if not is_state(user):
        raise PermissionDenied("Only state staff edit the policy checklist.")
    check = PolicyCheck.objects.select_for_update().get(key=key)
    check.state = state
    check.evidence = evidence.strip()
    check.link = link
    check.full_clean()
    record(check, user=user, reason="Checklist updated")
    check.save()
    return check
