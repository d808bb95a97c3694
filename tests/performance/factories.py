"""Factories for performance tests: a convener assigned to one partnership, and the default catalogue."""

import pytest

from sectorhub.core.roles import Role
from tests.partnerships.factories import PartnershipFactory


@pytest.fixture
def world(db, make_user):
    """Two partnerships; the convener is assigned to the first only; the default catalogue is loaded."""
    from sectorhub.performance.services import ensure_default_catalogue

    ensure_default_catalogue()
    mine = PartnershipFactory(name="Capital Manufacturing")
    other = PartnershipFactory(name="River Health Care")
    convener = make_user(Role.CONVENER, username="conv")
    mine.conveners.add(convener)
    users = {
        "convener": convener,
        "staff": make_user(Role.STATE_STAFF, username="stf"),
        "analyst": make_user(Role.ANALYST, username="ana"),
        "reviewer": make_user(Role.GRANT_REVIEWER, username="rev"),
        "admin": make_user(Role.STATE_ADMIN, username="adm"),
    }
    return {"mine": mine, "other": other, **users}
