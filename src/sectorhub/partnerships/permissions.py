"""Who may see and change the registry: the URL map entries and the object-level rules services apply."""

from __future__ import annotations

from sectorhub.core.permissions import allow, role_of
from sectorhub.core.roles import EDITORS, EVERYONE, NOBODY, SIGNED_IN, STATE, Role

URL_PERMISSIONS = {
    "partnerships:dashboard": allow(EVERYONE),
    "partnerships:list": allow(EVERYONE),
    "partnerships:detail": allow(EVERYONE),
    "partnerships:create": allow(EDITORS, write=EDITORS),
    "partnerships:edit": allow(EDITORS, write=EDITORS),
    "partnerships:phase": allow(EDITORS, write=EDITORS),
    "partnerships:member_add": allow(EDITORS, write=EDITORS),
    "partnerships:rating_add": allow(EDITORS, write=EDITORS),
    "partnerships:meeting_add": allow(EDITORS, write=EDITORS),
    "partnerships:action_add": allow(EDITORS, write=EDITORS),
    "partnerships:organization_list": allow(SIGNED_IN),
    "partnerships:organization_create": allow(EDITORS, write=EDITORS),
    "partnerships:goals": allow(EVERYONE),
    "api:partnership_list": allow(EVERYONE, write=EDITORS),
    "api:partnership_detail": allow(EVERYONE, write=EDITORS),
    "api:partnership_phase": allow(NOBODY, write=EDITORS),
    "api:organization_list": allow(SIGNED_IN, write=EDITORS),
    "api:phase_list": allow(EVERYONE),
    "api:goal_list": allow(EVERYONE),
}


def can_create_partnership(user, region=None) -> bool:
    """State staff create anywhere; a convener only in a region assigned to them."""
    role = role_of(user)
    if role in STATE:
        return True
    if role == Role.CONVENER:
        return region is None or region.conveners.filter(pk=user.pk).exists()
    return False


def can_change_partnership(user, partnership) -> bool:
    """State staff change any partnership; a convener one assigned to them or in a region assigned to them."""
    role = role_of(user)
    if role in STATE:
        return True
    if role != Role.CONVENER:
        return False
    return (
        partnership.conveners.filter(pk=user.pk).exists()
        or partnership.region.conveners.filter(pk=user.pk).exists()
    )


def can_edit_organizations(user) -> bool:
    """State staff and conveners add organizations."""
    return role_of(user) in EDITORS


def sees_private(user) -> bool:
    """Signed-in users see partnerships that are not public; the public sees published ones only."""
    return role_of(user) != Role.PUBLIC
