"""A small store for package tests: two Ohio counties, the Ohio statewide file and two neighbouring states."""

from __future__ import annotations

import pytest

from tests.lmi.conftest import county_file

STATEWIDE = "qcew/2016.q1-q4.by_area/statewide"
REGION = ["39041", "39159"]  # Delaware and Union counties, Ohio


def statewide_file(shared_data, fips: str):
    """The BLS 2016 quarterly statewide file of a state other than Ohio."""
    return next((shared_data / STATEWIDE).glob(f"2016.q1-q4 {fips}000 *.csv.gz"))


def load_small_store(shared_data, path):
    """Delaware, Union, Ohio, Indiana and Kentucky, 2016 quarters, into a store file at ``path``."""
    from sectorhub.lmi.store import Store

    store = Store.open(path)
    store.load(
        [
            county_file(shared_data, "39041"),
            county_file(shared_data, "39159"),
            county_file(shared_data, "39000"),
            statewide_file(shared_data, "18"),
            statewide_file(shared_data, "21"),
        ]
    )
    return store


@pytest.fixture(scope="session")
def small_store(shared_data, tmp_path_factory):
    """The small store, loaded once per test session."""
    store = load_small_store(shared_data, tmp_path_factory.mktemp("pkg") / "lmi.duckdb")
    yield store
    store.close()


@pytest.fixture(scope="session")
def package(small_store):
    """The Delaware + Union package, 2016 Q1, private sectors."""
    from sectorhub.lmi.packages import build_package

    return build_package(small_store, REGION, 2016, "1", level=2, ownership="5", name="Delaware-Union")
