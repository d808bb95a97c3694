"""Who may see and change funding records: the URL map entries and the object-level rules services apply.

Applications are confidential: the state, the applicant (the convener of its partnership or its author) and
assigned reviewers who declared no conflict see them; a reviewer who has not yet declared sees only the title and
the applicant, enough to declare. Published solicitations, funded awards and public policies are public.
"""

from __future__ import annotations

from sectorhub.core.permissions import allow, role_of
from sectorhub.core.roles import EDITORS, EVERYONE, NOBODY, SIGNED_IN, STATE, Role

GRANT_REVIEWERS = frozenset({Role.GRANT_REVIEWER.value})
REVIEWERS = GRANT_REVIEWERS | STATE

URL_PERMISSIONS = {
    "funding:home": allow(SIGNED_IN),
    "funding:stream_create": allow(STATE, write=STATE),
    "funding:stream_detail": allow(SIGNED_IN),
    "funding:budget_create": allow(STATE, write=STATE),
    "funding:budget_detail": allow(SIGNED_IN),
    "funding:budget_line_add": allow(STATE, write=STATE),
    "funding:expenditure_add": allow(EDITORS, write=EDITORS),
    "funding:leveraged_add": allow(EDITORS, write=EDITORS),
    "funding:leveraged_verify": allow(NOBODY, write=STATE),
    "funding:solicitation_list": allow(EVERYONE),
    "funding:solicitation_detail": allow(EVERYONE),
    "funding:solicitation_create": allow(STATE, write=STATE),
    "funding:solicitation_publish": allow(NOBODY, write=STATE),
    "funding:solicitation_release": allow(NOBODY, write=STATE),
    "funding:solicitation_document_add": allow(STATE, write=STATE),
    # Public documents of published solicitations to anyone; the view refuses internal ones (404) to all but
    # state staff and grant reviewers.
    "funding:solicitation_document": allow(EVERYONE),
    "funding:ranking": allow(STATE),
    "funding:awards": allow(EVERYONE),
    "funding:application_create": allow(EDITORS, write=EDITORS),
    "funding:application_detail": allow(SIGNED_IN),
    "funding:application_edit": allow(EDITORS, write=EDITORS),
    "funding:application_attach": allow(EDITORS, write=EDITORS),
    "funding:application_submit": allow(NOBODY, write=EDITORS),
    "funding:application_receipt": allow(EDITORS),
    "funding:attachment_download": allow(SIGNED_IN),
    "funding:assign": allow(STATE, write=STATE),
    "funding:reviews": allow(GRANT_REVIEWERS),
    "funding:review": allow(REVIEWERS, write=REVIEWERS),
    "funding:decide": allow(STATE, write=STATE),
    "funding:award_letter": allow(SIGNED_IN),
    "funding:policies": allow(EVERYONE),
    "funding:policy_add": allow(STATE, write=STATE),
    "funding:checklist": allow(SIGNED_IN),
    "funding:checklist_edit": allow(STATE, write=STATE),
    "funding:etpl": allow(SIGNED_IN),
    "funding:etpl_upload": allow(STATE, write=STATE),
    "api:funding_solicitation_list": allow(EVERYONE),
    "api:funding_award_list": allow(EVERYONE),
    "api:funding_application_detail": allow(SIGNED_IN),
    "api:funding_application_scores": allow(REVIEWERS, write=REVIEWERS),
    "api:funding_stream_list": allow(SIGNED_IN),
}


def is_state(user) -> bool:
    """State administrators and staff."""
    return role_of(user) in STATE


def sees_internal_documents(user) -> bool:
    """State staff and grant reviewers read a solicitation's internal documents (a scoring guide, say)."""
    return role_of(user) in REVIEWERS


def is_applicant(user, application) -> bool:
    """The application's author, or a convener who may change its partnership."""
    from sectorhub.partnerships.permissions import can_change_partnership

    if not user.is_authenticated or role_of(user) != Role.CONVENER:
        return False
    if application.created_by_id == user.pk:
        return True
    return application.partnership is not None and can_change_partnership(user, application.partnership)


def assignment_of(user, application):
    """The user's review assignment on the application, or None."""
    if not user.is_authenticated:
        return None
    return application.assignments.filter(reviewer=user).first()


def application_access(user, application) -> str:
    """What the user may see of an application: "full", "declare" (title and applicant only) or "none".

    A reviewer with a declared conflict gets "none" on every path (page, download, API).
    """
    if is_state(user) or is_applicant(user, application):
        return "full"
    assignment = assignment_of(user, application)
    if assignment is None or assignment.has_conflict:
        return "none"
    if assignment.has_conflict is None:
        return "declare"
    return "full"
