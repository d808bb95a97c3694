"""Fixtures for engine tests: the shared BLS files, read in place, and a store loaded from them once."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from sectorhub.paths import data_dir

OHIO = "qcew/2016.q1-q4.by_area/ohio_counties_and_statewide"
COLUMBUS_MSA_COUNTIES = [
    "39041",
    "39045",
    "39049",
    "39073",
    "39089",
    "39097",
    "39117",
    "39127",
    "39129",
    "39159",
]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared public data folder (SECTORHUB_DATA); tests that need it are skipped only where it is absent."""
    path = data_dir()
    if not (path / "qcew").is_dir():
        pytest.skip(f"shared data not found at {path}: set SECTORHUB_DATA")
    return path


@pytest.fixture(scope="session")
def loaded_store(shared_data, tmp_path_factory):
    """A store with every shared QCEW file loaded (Ohio counties, metros, 49 more states, 2020 slices)."""
    from sectorhub.lmi.store import Store

    store = Store.open(tmp_path_factory.mktemp("store") / "lmi.duckdb")
    store.load([shared_data / "qcew"])
    yield store
    store.close()


def county_file(shared_data: Path, fips: str) -> Path:
    """The BLS 2016 quarterly by-area file of one Ohio county."""
    return next((shared_data / OHIO).glob(f"2016.q1-q4 {fips} *.csv.gz"))


def read_lines(path: Path) -> list[str]:
    """All lines of a (possibly gzipped) text file, without line ends."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig") as fh:
        return fh.read().splitlines()


BACKENDS = ("duckdb", "postgres", "pyspark")


@pytest.fixture(scope="session")
def spark_session():
    """One local Spark session for the whole run (local[2], UI off, 4 shuffle partitions): Spark starts once."""
    from sectorhub.lmi.backends import BackendError, spark_session

    try:
        session = spark_session()
    except BackendError as exc:
        pytest.skip(str(exc))
    yield session
    import logging

    logging.getLogger("py4j").setLevel(logging.ERROR)  # its connection-closing notes after stderr closes
    session.stop()


def postgres_url() -> str:
    """The PostgreSQL database of this test run (DATABASE_URL); engine tests use temporary tables only."""
    import os

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL is not a PostgreSQL URL: the PostgreSQL backend cases need one")
    return url


@pytest.fixture(scope="session")
def engine_backend(request):
    """An Ibis connection per backend name: duckdb in memory, the run's PostgreSQL, the shared Spark session."""
    from sectorhub.lmi.backends import connect

    cons = {}

    def get(name: str):
        if name not in cons:
            if name == "pyspark":
                request.getfixturevalue("spark_session")
                cons[name] = connect("pyspark")
            elif name == "postgres":
                cons[name] = connect(postgres_url())
            else:
                cons[name] = connect("duckdb")
        return cons[name]

    yield get
    for name, con in cons.items():
        if name != "pyspark":
            con.disconnect()
