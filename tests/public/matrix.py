"""Role-matrix objects for the public site: a published partnership's page and its public-profile form.

Object rule (public/permissions.py): conveners and state staff edit the public profile of partnerships they may
change only; the convener on another convener's partnership is refused (403).
"""

from __future__ import annotations

from sectorhub.core.roles import Role
from tests.matrix import Case
from tests.partnerships.factories import PartnershipFactory


def cases(*, users, other_convener) -> dict[str, Case]:
    """Own: a public partnership of the convener's; other: another convener's."""
    own = PartnershipFactory(name="Matrix public own partnership", is_public=True)
    own.conveners.add(users[Role.CONVENER])
    other = PartnershipFactory(name="Matrix public other partnership", is_public=True)
    other.conveners.add(other_convener)
    return {
        "public:partnership": Case(kwargs={"pk": own.pk}),
        "public:profile_edit": Case(kwargs={"pk": own.pk}, other={"pk": other.pk}),
        "api:public_partnership": Case(kwargs={"pk": own.pk}),
    }
