"""The public directory API: published partnerships only, each with its profile only when published, and the
same answer for the public and for signed-in users."""

from __future__ import annotations

import pytest

from sectorhub.core.roles import Role
from sectorhub.public.models import PartnershipProfile
from tests.partnerships.factories import IndustryFactory, OrganizationFactory, PartnershipFactory
from tests.regions.factories import RegionFactory


@pytest.fixture
def registry(db):
    """Published: Metals (North, NAICS 3363, published profile) and Care (South, NAICS 622, draft profile).
    Not published: Hidden (is_public off)."""
    north, south = RegionFactory(name="North"), RegionFactory(name="South")
    care_industry = IndustryFactory(code="622", title="Hospitals")
    metals = PartnershipFactory(name="Metals", region=north, convener=OrganizationFactory(name="North Board"))
    care = PartnershipFactory(name="Care", region=south, industries=[care_industry])
    hidden = PartnershipFactory(name="Hidden", region=north, is_public=False)
    PartnershipProfile.objects.create(
        partnership=metals, works_on="Welders", how_to_join="Come to a meeting", is_published=True
    )
    PartnershipProfile.objects.create(partnership=care, works_on="Draft text", how_to_join="x")
    return dict(north=north, metals=metals, care=care, hidden=hidden)


def test_the_directory_lists_published_partnerships_with_published_profiles_only(client, registry):
    body = client.get("/api/public/partnerships").json()
    assert [p["name"] for p in body["items"]] == ["Care", "Metals"]
    metals = registry["metals"]
    assert body["items"][1] == {
        "id": metals.pk,
        "name": "Metals",
        "region_id": registry["north"].pk,
        "region": "North",
        "phase": "launched",
        "convener": "North Board",
        "industries": [{"code": "3363", "title": "Motor vehicle parts manufacturing"}],
        "description": "",
        "profile": {"works_on": "Welders", "how_to_join": "Come to a meeting", "accepts_messages": True},
        "page": f"/public/partnerships/{metals.pk}/",
    }
    assert body["items"][0]["profile"] is None  # Care's profile is a draft
    assert "Draft text" not in client.get("/api/public/partnerships").content.decode()


def test_filters_and_detail_follow_the_directory_page(client, make_user, registry):
    north = registry["north"].pk
    assert [p["name"] for p in client.get(f"/api/public/partnerships?region={north}").json()["items"]] == [
        "Metals"
    ]
    assert [p["name"] for p in client.get("/api/public/partnerships?q=hospital").json()["items"]] == ["Care"]
    assert client.get(f"/api/public/partnerships/{registry['hidden'].pk}").status_code == 404
    client.force_login(make_user(Role.STATE_STAFF))
    # Signed in, the directory is still the public directory.
    assert client.get("/api/public/partnerships").json()["count"] == 2
    assert client.get(f"/api/public/partnerships/{registry['hidden'].pk}").status_code == 404
