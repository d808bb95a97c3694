"""Who may see and change regions: the URL map entries and the object-level rule."""

from __future__ import annotations

from sectorhub.core.permissions import allow, role_of
from sectorhub.core.roles import EDITORS, EVERYONE, STATE, Role

URL_PERMISSIONS = {
    "regions:list": allow(EVERYONE),
    "regions:detail": allow(EVERYONE),
    "regions:topojson": allow(EVERYONE),
    "regions:create": allow(STATE, write=STATE),
    # Conveners reach the form; the service lets them change only regions assigned to them.
    "regions:edit": allow(EDITORS, write=EDITORS),
    "api:region_list": allow(EVERYONE),
    "api:region_detail": allow(EVERYONE),
    "api:county_list": allow(EVERYONE),
}


def can_create_region(user) -> bool:
    """State administrators and staff define regions."""
    return role_of(user) in STATE


def can_change_region(user, region) -> bool:
    """State administrators and staff change any region; a convener only a region assigned to them."""
    role = role_of(user)
    if role in STATE:
        return True
    if role == Role.CONVENER:
        return region.conveners.filter(pk=user.pk).exists()
    return False
