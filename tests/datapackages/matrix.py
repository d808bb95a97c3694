"""Role-matrix objects for data packages: a region, and a package published for it."""

from __future__ import annotations

from sectorhub.core.roles import Role
from sectorhub.datapackages.models import PublishedPackage
from tests.matrix import Case
from tests.regions.factories import CountyFactory, RegionFactory


def cases(*, users, other_convener) -> dict[str, Case]:
    """A region's package pages and one published package (state staff published it).

    The matrix runs without an engine store, so the region's package pages answer 404 ("no data for this
    region") to the roles allowed to read them; tests/datapackages covers them with data."""
    region = RegionFactory(name="Matrix package region", counties=[CountyFactory(fips="39995", name="Pkg")])
    published = PublishedPackage.objects.create(
        region=region,
        year=2024,
        period="A",
        title="Matrix published package",
        body_html="<p>Published body</p>",
        data={"title": "Matrix published package"},
        published_by=users[Role.STATE_STAFF],
    )
    to_withdraw = PublishedPackage.objects.create(
        region=region,
        year=2023,
        period="A",
        title="Matrix package to withdraw",
        body_html="<p>Old body</p>",
        data={"title": "Matrix package to withdraw"},
        published_by=users[Role.STATE_STAFF],
    )
    pk = {"pk": region.pk}
    return {
        "datapackages:region_package": Case(kwargs=pk, missing_ok=True),
        "datapackages:download": Case(kwargs={**pk, "fmt": "json"}, missing_ok=True),
        "datapackages:publish": Case(kwargs=pk, missing_ok=True),
        "datapackages:training_supply": Case(kwargs=pk),
        "datapackages:published_detail": Case(kwargs={"pk": published.pk}),
        "datapackages:published_download": Case(kwargs={"pk": published.pk}),
        "datapackages:withdraw": Case(kwargs={"pk": to_withdraw.pk}),
        "datapackages:occupation": Case(kwargs={"soc": "15-1252"}),
        "api:published_package_detail": Case(kwargs={"pk": published.pk}),
        "api:region_package": Case(kwargs={"region_id": region.pk}, missing_ok=True),
    }
