"""Who may see and change capacity building: state staff run events and the library and work TA requests;
conveners file TA requests for their regions and partnerships and see those; everyone signed in reads events,
resources and the feedback report. Anonymous visitors see public events and resources on the public site only."""

from __future__ import annotations

from sectorhub.core.permissions import allow, role_of
from sectorhub.core.roles import EDITORS, EVERYONE, NOBODY, SIGNED_IN, STATE, Role

URL_PERMISSIONS = {
    "capacity:event_list": allow(SIGNED_IN),
    "capacity:event_create": allow(STATE, write=STATE),
    "capacity:event_detail": allow(SIGNED_IN),
    "capacity:event_edit": allow(STATE, write=STATE),
    "capacity:attendance_add": allow(NOBODY, write=STATE),
    "capacity:attendance_import": allow(STATE, write=STATE),
    "capacity:not_reached": allow(SIGNED_IN),
    # Attendance by organization and region names who took part where: state staff only.
    "capacity:attendance_summary": allow(STATE),
    "capacity:resource_list": allow(SIGNED_IN),
    "capacity:resource_create": allow(STATE, write=STATE),
    "capacity:resource_detail": allow(SIGNED_IN),
    # Public files to anyone; the view refuses internal files to anonymous visitors (404).
    "capacity:resource_download": allow(EVERYONE),
    "capacity:request_list": allow(SIGNED_IN),
    "capacity:request_create": allow(EDITORS, write=EDITORS),
    "capacity:request_detail": allow(SIGNED_IN),
    "capacity:request_update": allow(NOBODY, write=STATE),
    "capacity:report": allow(SIGNED_IN),
    # The API: the public gets selectors.public()'s events and resources; TA requests are for signed-in users.
    "api:capacity_event_list": allow(EVERYONE),
    "api:capacity_event_detail": allow(EVERYONE),
    "api:capacity_resource_list": allow(EVERYONE),
    "api:capacity_resource_detail": allow(EVERYONE),
    "api:capacity_request_list": allow(SIGNED_IN),
    "api:capacity_request_detail": allow(SIGNED_IN),
}


def can_manage(user) -> bool:
    """State administrators and staff run events, the library and the TA queue."""
    return role_of(user) in STATE


def can_file_request(user, region, partnership=None) -> bool:
    """State staff file for any region; a convener for a region, or a partnership, assigned to them."""
    role = role_of(user)
    if role in STATE:
        return True
    if role != Role.CONVENER:
        return False
    if partnership is not None and partnership.conveners.filter(pk=user.pk).exists():
        return True
    return region.conveners.filter(pk=user.pk).exists()


def sees_all_requests(user) -> bool:
    """State staff, reviewers and analysts see every TA request; conveners only their own regions'."""
    return role_of(user) in SIGNED_IN and role_of(user) != Role.CONVENER
