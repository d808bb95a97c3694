"""The package JSON in the API (OpenAPI documented): published packages for anyone, a region's for signed-in
users, 202 while it is being built."""

from __future__ import annotations

from sectorhub.core.roles import Role


def test_a_regions_package_is_in_the_api_for_signed_in_users_only(
    engine_home, region, make_user, signed_in, client
):
    """Delaware + Union, 2016 Q1, sectors: construction 3,790 jobs (worked in tests/lmi/test_measures.py)."""
    url = f"/api/regions/{region.pk}/package"
    refused = client.get(url, {"period": "2016-1"})
    assert refused.status_code in (401, 403) and refused["Content-Type"].startswith("application/json")
    data = signed_in(make_user(Role.ANALYST)).get(url, {"period": "2016-1"}).json()
    assert data["region_name"] == "Delaware-Union" and data["period_label"] == "2016 Q1"
    assert next(r for r in data["industries"] if r["industry_code"] == "23")["employment"] == 3790
    assert data["estimates_included"] is False


def test_a_package_still_being_built_answers_202_with_retry_after(
    engine_home, region, make_user, signed_in, monkeypatch
):
    """The API waits API_WAIT_SECONDS, then says so instead of holding the worker."""
    from sectorhub.datapackages import api, building

    monkeypatch.setattr(api, "API_WAIT_SECONDS", 0.0)
    monkeypatch.setattr(building, "get_or_build", lambda key, build, wait: None)
    response = signed_in(make_user(Role.ANALYST)).get(f"/api/regions/{region.pk}/package")
    assert response.status_code == 202 and response["Retry-After"] == "5"
    assert response.json() == {"detail": "the package is being built", "retry_after": 5}


def test_published_packages_are_listed_for_anyone_with_their_figures(
    engine_home, region, make_user, signed_in, client
):
    """Publishing one (state staff) lists it; its detail is the published JSON; withdrawn ones disappear."""
    from django.urls import reverse

    staff = signed_in(make_user(Role.STATE_STAFF))
    staff.post(reverse("datapackages:publish", args=[region.pk]), {"period": "2016-4", "confirm": "yes"})
    listed = client.get("/api/packages").json()
    assert [p["region"] for p in listed] == ["Delaware-Union"] and listed[0]["period"] == "4"
    detail = client.get(f"/api/packages/{listed[0]['id']}").json()
    assert detail["period_label"] == "2016 Q4" and detail["region_name"] == "Delaware-Union"
    staff.post(reverse("datapackages:withdraw", args=[listed[0]["id"]]))
    assert client.get("/api/packages").json() == []
    assert client.get(f"/api/packages/{listed[0]['id']}").status_code == 404


def test_the_package_endpoints_are_in_the_openapi_schema(client):
    """/api/openapi.json documents the three operations."""
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/packages", "/api/packages/{pk}", "/api/regions/{region_id}/package"} <= set(paths)
