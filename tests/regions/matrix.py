"""Role-matrix objects for regions: a region assigned to the convener and one assigned to another convener."""

from __future__ import annotations

from sectorhub.core.roles import Role
from tests.matrix import Case
from tests.regions.factories import CountyFactory, RegionFactory


def cases(*, users, other_convener) -> dict[str, Case]:
    """Own and other regions, one county each."""
    own = RegionFactory(name="Matrix own region", counties=[CountyFactory(fips="39991", name="Own")])
    own.conveners.add(users[Role.CONVENER])
    other = RegionFactory(name="Matrix other region", counties=[CountyFactory(fips="39993", name="Other")])
    other.conveners.add(other_convener)
    return {
        "regions:detail": Case(kwargs={"pk": own.pk}),
        "regions:edit": Case(kwargs={"pk": own.pk}, other={"pk": other.pk}),
        "api:region_detail": Case(kwargs={"region_id": own.pk}),
    }
