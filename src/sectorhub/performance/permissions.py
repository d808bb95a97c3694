"""Who may see and change performance data: the URL map entries and the object-level rules services apply."""

from __future__ import annotations

from sectorhub.core.permissions import allow, role_of
from sectorhub.core.roles import EDITORS, EVERYONE, NOBODY, SIGNED_IN, STATE, Role

# Who loads participant and wage records through the web: state staff and analysts (not conveners, reviewers or
# the public: the files hold people's identifiers and wages).
RECORDS = STATE | {Role.ANALYST.value}

URL_PERMISSIONS = {
    "performance:dashboard": allow(SIGNED_IN),
    "performance:partnership": allow(SIGNED_IN),
    "performance:region": allow(SIGNED_IN),
    "performance:scorecard": allow(SIGNED_IN),
    "performance:indicators": allow(SIGNED_IN),
    "performance:reports": allow(SIGNED_IN),
    "performance:report_new": allow(EDITORS, write=EDITORS),
    "performance:report_upload": allow(EDITORS, write=EDITORS),
    "performance:report_detail": allow(SIGNED_IN),
    "performance:report_edit": allow(EDITORS, write=EDITORS),
    "performance:report_submit": allow(NOBODY, write=EDITORS),
    "performance:report_review": allow(NOBODY, write=STATE),
    "performance:report_publish": allow(NOBODY, write=STATE),
    "performance:outcomes": allow(SIGNED_IN),
    "performance:outcome_upload": allow(RECORDS, write=RECORDS),
    "performance:outcome_run": allow(SIGNED_IN),
    "performance:outcome_publish": allow(NOBODY, write=STATE),
    "performance:stories": allow(STATE),
    "performance:story_new": allow(STATE, write=STATE),
    "performance:story_detail": allow(STATE),
    "performance:story_edit": allow(STATE, write=STATE),
    "performance:story_delete": allow(NOBODY, write=STATE),
    "performance:annual_report": allow(SIGNED_IN),
    "performance:annual_report_pdf": allow(SIGNED_IN),
    "performance:annual_report_xlsx": allow(SIGNED_IN),
    "performance:public_scorecard": allow(EVERYONE),
    "performance:public_annual_report": allow(EVERYONE),
    "performance:public_annual_report_pdf": allow(EVERYONE),
    "performance:public_annual_report_xlsx": allow(EVERYONE),
    "api:performance_scorecard": allow(EVERYONE),
}

# Grant reviewers read what every signed-in user reads; "state staff and analysts everything".
SEES_ALL = STATE | {Role.ANALYST.value, Role.GRANT_REVIEWER.value}


def sees_all_partnerships(user) -> bool:
    """State staff, analysts and reviewers see every partnership's reports; conveners their own."""
    return role_of(user) in SEES_ALL


def can_report_for(user, partnership) -> bool:
    """Conveners report for partnerships they may change (partnerships.permissions); state staff for any."""
    from sectorhub.partnerships.permissions import can_change_partnership

    return role_of(user) in EDITORS and can_change_partnership(user, partnership)


def can_see_partnership(user, partnership) -> bool:
    """Whether a signed-in user may see this partnership's reports and dashboard."""
    return sees_all_partnerships(user) or can_report_for(user, partnership)


def can_review(user) -> bool:
    """State staff approve, return and publish reports and outcome runs, and manage stories."""
    return role_of(user) in STATE


def can_load_records(user) -> bool:
    """State staff and analysts load participant and wage records (ids hashed before anything is stored)."""
    return role_of(user) in RECORDS
