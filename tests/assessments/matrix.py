"""Role-matrix objects for self-assessments: open cycles the convener answers, another convener's, a report.

Object rules (assessments/permissions.py): an open cycle is visible to state staff and its respondents only (others
get 404: its existence is not confirmed); results (report, PDF) to state staff until it closes; answers only from a
respondent while it is open.
"""

from __future__ import annotations

from sectorhub.assessments.models import ActionPlanItem
from sectorhub.core.roles import Role
from tests.assessments.factories import CycleFactory, ResponseFactory
from tests.matrix import Case

STATE = {Role.STATE_ADMIN.value, Role.STATE_STAFF.value}
READ_ONLY = {Role.GRANT_REVIEWER.value, Role.ANALYST.value}


def cases(*, users, other_convener) -> dict[str, Case]:
    """Own: an open cycle the convener answers; other: one only the other convener answers."""
    convener = users[Role.CONVENER]
    own = CycleFactory(name="Matrix own cycle")
    ResponseFactory(cycle=own, respondent=convener, organization_name="Own board")
    other = CycleFactory(name="Matrix other cycle")
    ResponseFactory(cycle=other, respondent=other_convener, organization_name="Other board")
    to_close = CycleFactory(name="Matrix cycle to close")
    version = own.version
    action = ActionPlanItem.objects.create(
        cycle=own,
        capability=version.capabilities.order_by("order").first(),
        title="Matrix action",
        owner="Staff",
    )
    pk, other_pk = {"pk": own.pk}, {"pk": other.pk}
    return {
        "assessments:cycle_detail": Case(kwargs=pk, refused=frozenset(READ_ONLY), other=other_pk),
        "assessments:respond": Case(kwargs=pk, refused=frozenset(STATE | READ_ONLY), other=other_pk),
        "assessments:report": Case(
            kwargs=pk, refused=frozenset(READ_ONLY | {Role.CONVENER.value}), other=other_pk
        ),
        "assessments:report_pdf": Case(
            kwargs=pk, refused=frozenset(READ_ONLY | {Role.CONVENER.value}), other=other_pk
        ),
        "assessments:respondents": Case(kwargs=pk),
        "assessments:close": Case(kwargs={"pk": to_close.pk}),
        "assessments:action_add": Case(kwargs=pk),
        "assessments:action_edit": Case(kwargs={"pk": action.pk}),
        "assessments:instrument_detail": Case(kwargs={"pk": version.instrument_id}),
        "assessments:instrument_edit": Case(kwargs={"pk": version.instrument_id}),
        "assessments:instrument_download": Case(kwargs={"pk": version.pk}),
        "api:assessment_cycle_results": Case(kwargs=pk, refused=frozenset(READ_ONLY | {Role.CONVENER.value})),
    }
