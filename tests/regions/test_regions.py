"""Region pages, forms and permissions."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.urls import reverse

from sectorhub.core.roles import Role
from sectorhub.regions.models import Region
from sectorhub.regions.reference import COUNTY_TOPOJSON
from tests.regions.factories import CountyFactory, RegionFactory, StateFactory


@pytest.fixture
def franklin_and_delaware(db):
    """Two real Ohio counties."""
    ohio = StateFactory()
    return CountyFactory(fips="39049", name="Franklin County", state=ohio), CountyFactory(
        fips="39041", name="Delaware County", state=ohio
    )


def test_state_staff_create_a_region_from_counties(client, staff, franklin_and_delaware):
    client.force_login(staff)
    response = client.post(
        reverse("regions:create"),
        {
            "name": "Capital Area",
            "kind": "local_area",
            "counties": ["39049", "39041"],
            "code": "",
            "description": "",
        },
    )
    region = Region.objects.get(name="Capital Area")
    assert response.status_code == 302
    assert sorted(region.counties.values_list("fips", flat=True)) == ["39041", "39049"]
    assert region.history.first().history_user == staff


def test_a_region_without_counties_is_refused_with_a_clear_message(client, staff, franklin_and_delaware):
    client.force_login(staff)
    response = client.post(reverse("regions:create"), {"name": "Empty", "kind": "local_area"})
    assert response.status_code == 200
    assert "Choose at least one county." in response.content.decode()
    assert not Region.objects.filter(name="Empty").exists()


def test_a_convener_may_edit_an_assigned_region_but_not_another(client, make_user, franklin_and_delaware):
    franklin, delaware = franklin_and_delaware
    convener = make_user(Role.CONVENER)
    mine = RegionFactory(name="Mine", counties=[franklin])
    mine.conveners.add(convener)
    theirs = RegionFactory(name="Theirs", counties=[delaware])
    client.force_login(convener)
    data = {"name": "Renamed", "kind": "local_area", "counties": ["39041"]}
    assert client.post(reverse("regions:edit", args=[theirs.pk]), data).status_code == 403
    theirs.refresh_from_db()
    assert theirs.name == "Theirs"
    assert client.post(reverse("regions:edit", args=[mine.pk]), data).status_code == 302
    mine.refresh_from_db()
    assert mine.name == "Renamed"


def test_the_region_list_maps_each_county_to_its_region(client, franklin_and_delaware):
    """Franklin is in "Capital"; Delaware in no local area, so it shows as "Not in one"."""
    franklin, _ = franklin_and_delaware
    RegionFactory(name="Capital", counties=[franklin])
    response = client.get(reverse("regions:list"))
    page = response.content.decode()
    data = json.loads(
        page.split('id="regions-map-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    )
    assert data["counties"] == {"39049": "Capital", "39041": "Not in one"}
    assert data["state_fips"] == settings.SECTORHUB_STATE_FIPS


@pytest.mark.skipif(
    not (settings.SECTORHUB_DATA / COUNTY_TOPOJSON).is_file(),
    reason="shared data folder (SECTORHUB_DATA) not present",
)
def test_the_county_shapes_are_served_from_the_data_folder(client, db):
    """The shared TopoJSON has one object with 3,220 county polygons (MANIFEST, section 6)."""
    response = client.get(reverse("regions:topojson"))
    topo = json.loads(response.content)
    assert list(topo["objects"]) == ["cb_2015_us_county_20m"]
    assert len(topo["objects"]["cb_2015_us_county_20m"]["geometries"]) == 3220
    assert "max-age" in response["Cache-Control"]


def test_the_regions_api_lists_regions_with_their_county_codes(client, franklin_and_delaware):
    RegionFactory(name="Capital", counties=list(franklin_and_delaware))
    rows = client.get("/api/regions/?kind=local_area").json()
    assert rows == [
        {"id": rows[0]["id"], "name": "Capital", "kind": "local_area", "code": "", "is_demo": False,
         "counties": ["39041", "39049"]}
    ]  # fmt: skip


def test_the_region_page_shows_its_change_history_to_signed_in_users(client, staff, franklin_and_delaware):
    franklin, delaware = franklin_and_delaware
    client.force_login(staff)
    client.post(
        reverse("regions:create"), {"name": "Capital Area", "kind": "local_area", "counties": ["39049"]}
    )
    region = Region.objects.get(name="Capital Area")
    client.post(
        reverse("regions:edit", args=[region.pk]),
        {"name": "Capital Area", "kind": "local_area", "counties": ["39049", "39041"]},
    )
    page = client.get(reverse("regions:detail", args=[region.pk])).content.decode()
    assert "Change history" in page
    assert "Franklin County → Delaware County, Franklin County" in page
    client.logout()
    assert "Change history" not in client.get(reverse("regions:detail", args=[region.pk])).content.decode()


def test_without_geo_in_the_data_folder_the_county_shapes_come_from_us_atlas(
    client, db, tmp_path, monkeypatch
):
    """us-atlas 3.0.1 (installed at setup) has 3,231 counties keyed by GEOID; they are served with the Census
    properties the maps read, so Franklin County is STATEFP 39, GEOID 39049, NAME Franklin, and Ohio has 88."""
    monkeypatch.setenv("SECTORHUB_DATA", str(tmp_path))
    response = client.get(reverse("regions:topojson"))
    assert response.status_code == 200
    topo = json.loads(response.content)
    geometries = topo["objects"]["cb_2015_us_county_20m"]["geometries"]
    assert len(geometries) == 3231
    ohio = {
        g["properties"]["GEOID"]: g["properties"] for g in geometries if g["properties"]["STATEFP"] == "39"
    }
    assert len(ohio) == 88
    assert ohio["39049"] == {"STATEFP": "39", "COUNTYFP": "049", "GEOID": "39049", "NAME": "Franklin"}


def test_the_map_caption_names_the_boundaries_in_use(client, franklin_and_delaware, tmp_path, monkeypatch):
    """With geo/ in the data folder the caption cites the 2015 Census file; without it, us-atlas."""
    from sectorhub.lmi.packages.building import geo

    monkeypatch.setenv("SECTORHUB_DATA", str(tmp_path))
    assert geo.US_ATLAS_SOURCE in client.get(reverse("regions:list")).content.decode()
