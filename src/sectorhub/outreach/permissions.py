"""Who may see and change outreach: signed-in users read it; state staff run networks and campaigns; conveners
record champions, engagements and recommendations for their own partnerships. Anonymous visitors see only
champions who consented to a public listing, on the public champions page."""

from __future__ import annotations

from sectorhub.core.permissions import allow, role_of
from sectorhub.core.roles import EDITORS, EVERYONE, NOBODY, SIGNED_IN, STATE
from sectorhub.partnerships.permissions import can_change_partnership

URL_PERMISSIONS = {
    "outreach:home": allow(SIGNED_IN),
    "outreach:network_create": allow(STATE, write=STATE),
    "outreach:network_detail": allow(SIGNED_IN),
    "outreach:champion_list": allow(SIGNED_IN),
    "outreach:champion_create": allow(EDITORS, write=EDITORS),
    "outreach:engagement_list": allow(SIGNED_IN),
    "outreach:engagement_create": allow(EDITORS, write=EDITORS),
    "outreach:recommendation_create": allow(EDITORS, write=EDITORS),
    "outreach:recommendation_detail": allow(SIGNED_IN),
    "outreach:recommendation_status": allow(NOBODY, write=EDITORS),
    "outreach:campaign_create": allow(STATE, write=STATE),
    "outreach:campaign_detail": allow(SIGNED_IN),
    "outreach:material_add": allow(NOBODY, write=STATE),
    "outreach:public_champions": allow(EVERYONE),
    # The API: the public gets selectors.public_champions() only; the rest is for signed-in users.
    "api:outreach_champion_list": allow(EVERYONE),
    "api:outreach_champion_detail": allow(EVERYONE),
    "api:outreach_engagement_list": allow(SIGNED_IN),
    "api:outreach_engagement_detail": allow(SIGNED_IN),
    "api:outreach_recommendation_list": allow(SIGNED_IN),
    "api:outreach_recommendation_detail": allow(SIGNED_IN),
}


def can_manage(user) -> bool:
    """State staff run networks and campaigns and change any outreach record."""
    return role_of(user) in STATE


def can_record_for(user, partnership) -> bool:
    """State staff record for any partnership or none; a convener only for a partnership they may change."""
    if can_manage(user):
        return True
    return partnership is not None and can_change_partnership(user, partnership)
