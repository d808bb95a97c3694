"""A web app home with the small engine store (two Ohio counties, three statewide files) and their region."""

from __future__ import annotations

import pytest

from tests.lmi.conftest import shared_data  # noqa: F401 - the shared data fixture, reused
from tests.lmi.packages.conftest import load_small_store


@pytest.fixture(scope="session")
def web_home(shared_data, tmp_path_factory):  # noqa: F811 - the imported fixture
    """SECTORHUB_HOME for the web tests, with lmi.duckdb loaded once."""
    home = tmp_path_factory.mktemp("home")
    load_small_store(shared_data, home / "lmi.duckdb").close()
    return home


@pytest.fixture
def engine_home(web_home, monkeypatch):
    """Point the web app's engine handle at the test store."""
    from sectorhub.datapackages import engine

    monkeypatch.setenv("SECTORHUB_HOME", str(web_home))
    engine._cache.clear()
    yield web_home
    engine._cache.clear()


@pytest.fixture
def region(db):
    """Delaware and Union counties as a region."""
    from tests.regions.factories import CountyFactory, RegionFactory

    counties = [
        CountyFactory(fips="39041", name="Delaware County"),
        CountyFactory(fips="39159", name="Union County"),
    ]
    return RegionFactory(name="Delaware-Union", counties=counties)


@pytest.fixture(autouse=True)
def package_cache(settings, monkeypatch):
    """A fresh in-memory cache per test (built packages are cached), and pages that wait for their build."""
    import uuid

    from sectorhub.datapackages import api, views

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"packages-{uuid.uuid4().hex}",
        }
    }
    monkeypatch.setattr(views, "PAGE_WAIT_SECONDS", 120.0)  # a busy machine builds a package in 20-60 s
    monkeypatch.setattr(views, "DOWNLOAD_WAIT_SECONDS", 120.0)
    monkeypatch.setattr(api, "API_WAIT_SECONDS", 120.0)
    return settings.CACHES
