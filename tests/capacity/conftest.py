"""A small registry for the capacity tests: three local areas, three partnerships, a convener, staff."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from sectorhub.capacity.models import ChallengeCategory
from sectorhub.core.roles import Role
from sectorhub.partnerships.models import Phase
from tests.partnerships.factories import MembershipFactory, OrganizationFactory, PartnershipFactory
from tests.regions.factories import RegionFactory


@pytest.fixture
def world(db, make_user):
    """Regions North, South, East (local areas) and Metro (a metro); partnerships A (North), B (South),
    C (East, exploring: not active); a convener assigned to North; Acme Tools is a member of B."""
    north, south, east = (RegionFactory(name=n) for n in ("North", "South", "East"))
    metro = RegionFactory(name="Metro", kind="metro")
    a = PartnershipFactory(name="A Manufacturing", region=north)
    b = PartnershipFactory(name="B Health", region=south)
    c = PartnershipFactory(name="C Logistics", region=east, phase=Phase.objects.get(slug="exploring"))
    acme = OrganizationFactory(name="Acme Tools", kind="business")
    MembershipFactory(partnership=b, organization=acme)
    convener = make_user(Role.CONVENER, username="conv")
    north.conveners.add(convener)
    return SimpleNamespace(
        north=north, south=south, east=east, metro=metro, a=a, b=b, c=c, acme=acme, convener=convener,
        staff=make_user(Role.STATE_STAFF, username="staff"), analyst=make_user(Role.ANALYST, username="an"),
        cat={c.slug: c for c in ChallengeCategory.objects.all()},
    )  # fmt: skip
