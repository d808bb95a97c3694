"""Who may see and change self-assessments: the URL map entries and the object-level rules services apply.

Respondents see only their own answers while a cycle is open; once it closes every signed-in user sees the
results. State staff see everything at any time and run the cycles, instruments and action plans.
"""

from __future__ import annotations

from sectorhub.core.permissions import allow, role_of
from sectorhub.core.roles import NOBODY, SIGNED_IN, STATE

URL_PERMISSIONS = {
    "assessments:cycle_list": allow(SIGNED_IN),
    "assessments:cycle_create": allow(STATE, write=STATE),
    "assessments:cycle_detail": allow(SIGNED_IN),
    "assessments:respondents": allow(STATE, write=STATE),
    "assessments:close": allow(NOBODY, write=STATE),
    # Any signed-in user reaches the form; the service accepts only the cycle's own respondents.
    "assessments:respond": allow(SIGNED_IN, write=SIGNED_IN),
    "assessments:report": allow(SIGNED_IN),
    "assessments:report_pdf": allow(SIGNED_IN),
    "assessments:action_add": allow(STATE, write=STATE),
    "assessments:action_edit": allow(STATE, write=STATE),
    "assessments:instrument_list": allow(STATE),
    "assessments:instrument_detail": allow(STATE),
    "assessments:instrument_edit": allow(STATE, write=STATE),
    "assessments:instrument_import": allow(STATE, write=STATE),
    "assessments:instrument_download": allow(STATE),
    "api:assessment_cycle_list": allow(SIGNED_IN),
    "api:assessment_cycle_results": allow(SIGNED_IN),
}


def is_state(user) -> bool:
    """State administrators and staff run assessments and see every answer."""
    return role_of(user) in STATE


def is_respondent(user, cycle) -> bool:
    """Whether `user` is one of the cycle's respondents."""
    return bool(user and user.is_authenticated) and cycle.responses.filter(respondent=user).exists()


def can_see_cycle(user, cycle) -> bool:
    """State staff see every cycle; others a closed cycle, or an open one they answer."""
    return is_state(user) or (
        role_of(user) in SIGNED_IN and (not cycle.is_open or is_respondent(user, cycle))
    )


def can_see_results(user, cycle) -> bool:
    """Everyone's answers and the aggregate results: state staff always, other signed-in users once closed."""
    return is_state(user) or (role_of(user) in SIGNED_IN and not cycle.is_open)


def can_answer(user, cycle) -> bool:
    """Only a respondent, and only while the cycle is open."""
    return cycle.is_open and is_respondent(user, cycle)
