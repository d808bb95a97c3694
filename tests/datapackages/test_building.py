"""Packages are built once per region, filters and loaded data, served from the shared cache, and a slow build
polls instead of running into the worker timeout."""

from __future__ import annotations

import threading
import time

import pytest
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from sectorhub.core.roles import Role


@pytest.fixture
def builds(monkeypatch):
    """Count the engine's package builds (the real build runs); ``gate`` holds a build until it is set."""
    from sectorhub.lmi import api

    real = api.build_package
    calls = []
    gate = threading.Event()
    gate.set()

    def counted(*args, **kwargs):
        calls.append(args[1:5])
        gate.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "build_package", counted)
    counted.calls, counted.gate = calls, gate
    return counted


def test_a_package_is_built_once_and_then_served_from_the_cache(
    engine_home, region, make_user, signed_in, builds
):
    """Two page views and the JSON and PDF downloads of the same filters: one build. Other filters: a second."""
    client = signed_in(make_user(Role.ANALYST))
    url = reverse("datapackages:region_package", args=[region.pk])
    first = client.get(url, {"period": "2016-2"}).content.decode()
    assert client.get(url, {"period": "2016-2"}).content.decode().count("Delaware-Union") >= 1
    json_url = reverse("datapackages:download", args=[region.pk, "json"])
    assert client.get(json_url, {"period": "2016-2"}).status_code == 200
    assert "2016 Q2" in first
    assert builds.calls == [(["39041", "39159"], 2016, "2", "2")]
    client.get(url, {"period": "2016-2", "level": "3"})
    assert len(builds.calls) == 2


def test_a_new_load_changes_the_data_version_so_the_package_is_built_again(
    engine_home, region, make_user, signed_in, builds, monkeypatch
):
    """The key holds the store's data version: a load (a new ledger row) makes a new key and a new build."""
    from sectorhub.datapackages import building

    client = signed_in(make_user(Role.ANALYST))
    url = reverse("datapackages:region_package", args=[region.pk])
    client.get(url)
    client.get(url)
    assert len(builds.calls) == 1
    monkeypatch.setattr(building, "data_version", lambda: "after another load")
    client.get(url)
    assert len(builds.calls) == 2


def test_the_data_version_changes_with_every_load(shared_data, tmp_path):
    """Loading one more county file adds a ledger row, so the version differs; reopening does not change it."""
    from sectorhub.lmi.api import Store, data_version
    from tests.lmi.conftest import county_file

    with Store.open(tmp_path / "lmi.duckdb") as store:
        store.load([county_file(shared_data, "39041")])
        before = data_version(store)
    with Store.open(tmp_path / "lmi.duckdb") as store:
        assert data_version(store) == before
        store.load([county_file(shared_data, "39159")])
        assert data_version(store) != before


def test_a_slow_build_shows_a_building_page_that_polls_until_the_package_is_there(
    engine_home, region, make_user, signed_in, builds, monkeypatch
):
    """With the build held, the page answers at once with an htmx poll of the same filters; once built it shows
    the package; only one build ran for both requests."""
    from sectorhub.datapackages import views

    monkeypatch.setattr(views, "PAGE_WAIT_SECONDS", 0.0)
    builds.gate.clear()
    client = signed_in(make_user(Role.ANALYST))
    url = reverse("datapackages:region_package", args=[region.pk])
    started = time.monotonic()
    waiting = client.get(url, {"period": "2016-3"})
    assert time.monotonic() - started < 10
    html = waiting.content.decode()
    assert waiting.status_code == 200 and "sh-package-building" in html
    assert 'hx-get="/regions/' in html and "period=2016-3" in html and 'hx-trigger="load delay:1s"' in html
    assert '<meta http-equiv="refresh"' in html  # without JavaScript the page reloads itself
    builds.gate.set()
    monkeypatch.setattr(views, "PAGE_WAIT_SECONDS", 120.0)
    done = client.get(url, {"period": "2016-3"}, HTTP_HX_REQUEST="true").content.decode()
    assert "sh-package-building" not in done and "2016 Q3" in done
    assert len(builds.calls) == 1


def test_a_download_of_a_package_still_being_built_says_so_with_retry_after(
    engine_home, region, make_user, signed_in, builds, monkeypatch
):
    """A file cannot poll: HTTP 503 with Retry-After, never a worker timeout."""
    from sectorhub.datapackages import views

    monkeypatch.setattr(views, "DOWNLOAD_WAIT_SECONDS", 0.0)
    builds.gate.clear()
    client = signed_in(make_user(Role.ANALYST))
    response = client.get(reverse("datapackages:download", args=[region.pk, "pdf"]), {"period": "2016-1"})
    builds.gate.set()
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "still being built" in response.content.decode()


def test_a_failed_build_is_reported_to_the_request_not_cached_for_good(db, settings):
    """The build's error reaches the waiting request; a later request builds again."""
    from sectorhub.datapackages import building

    attempts = []

    def broken():
        attempts.append(1)
        raise ValueError("no such period")

    with pytest.raises(ValueError, match="no such period"):
        building.get_or_build("test:broken", broken, wait=30)
    from django.core.cache import cache

    cache.delete("test:broken")
    with pytest.raises(ValueError):
        building.get_or_build("test:broken", broken, wait=30)
    assert len(attempts) == 2


PERIODS = [(2016, "4"), (2016, "3"), (2016, "2"), (2016, "1")]


def test_the_filters_form_falls_back_to_defaults_for_values_not_offered():
    """An unloaded period, level 9 and ownership x give the newest period, sectors, private; sectors in NAICS
    order with unknown codes dropped."""
    from sectorhub.datapackages.forms import PackageFiltersForm

    data = MultiValueDict(
        {"period": ["2015-1"], "level": ["9"], "ownership": ["x"], "sector": ["62", "99x", "54"]}
    )
    choice = PackageFiltersForm(data, periods=PERIODS).choice()
    assert (choice.year, choice.period, choice.level, choice.ownership) == (2016, "4", "2", "5")
    assert choice.sectors == ("54", "62") and choice.map_measure == "employment"
    asked = MultiValueDict({"period": ["2016-2"], "level": ["4"], "ownership": ["3"], "map": ["wage"]})
    choice = PackageFiltersForm(asked, periods=PERIODS).choice()
    assert (choice.year, choice.period, choice.level, choice.ownership, choice.map_measure) == (
        2016,
        "2",
        "4",
        "3",
        "wage",
    )
