"""Role-matrix objects for the registry: the convener's own partnership and another convener's."""

from __future__ import annotations

from sectorhub.core.roles import Role
from tests.matrix import Case
from tests.partnerships.factories import PartnershipFactory

ADD_FORMS = ("edit", "phase", "member_add", "rating_add", "meeting_add", "action_add")


def cases(*, users, other_convener) -> dict[str, Case]:
    """Own: a partnership assigned to the convener; other: one assigned to another convener."""
    own = PartnershipFactory(name="Matrix own partnership")
    own.conveners.add(users[Role.CONVENER])
    other = PartnershipFactory(name="Matrix other partnership")
    other.conveners.add(other_convener)
    result = {
        "partnerships:detail": Case(kwargs={"pk": own.pk}),
        "api:partnership_detail": Case(
            kwargs={"pk": own.pk}, other={"pk": other.pk}, other_refuses={"PATCH"}
        ),
        "api:partnership_phase": Case(
            kwargs={"pk": own.pk},
            other={"pk": other.pk},
            data={"phase": "launched", "changed_on": "2025-01-06"},
        ),
    }
    for name in ADD_FORMS:
        result[f"partnerships:{name}"] = Case(kwargs={"pk": own.pk}, other={"pk": other.pk})
    return result
