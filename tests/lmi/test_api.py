"""sectorhub.lmi.api: the one door from the web apps into the engine: every name resolves, is documented, and
importing the door costs nothing until a name is used."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from sectorhub.lmi import api

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", api.__all__)
def test_every_public_name_resolves_and_is_documented_in_docs_api_md(name):
    """Each `_EXPORTS` line points at a real attribute, and docs/api.md names it."""
    assert getattr(api, name) is not None
    assert re.search(rf"`{name}[`(]", (ROOT / "docs/api.md").read_text())


def test_importing_the_api_loads_no_engine_module():
    """The facade is lazy: `import sectorhub.lmi.api` imports neither the store nor DuckDB, Ibis or pandas."""
    code = (
        "import sys, sectorhub.lmi.api; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'duckdb', 'ibis', 'pandas', 'polars'} "
        "or m.startswith('sectorhub.lmi.') and m != 'sectorhub.lmi.api'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no public name 'Storee'"):
        api.Storee  # noqa: B018


def test_loaded_periods_are_those_every_county_has(loaded_store):
    """Franklin and Delaware: 2016 Q1-Q4 (by-area files) and 2020 Q1-Q4 and A (open-data slices), newest first;
    with Pickaway (39129, 2016 only) the 2020 periods drop out."""
    both = api.loaded_periods(loaded_store, ["39049", "39041"])
    assert both == [(2020, "A"), (2020, "4"), (2020, "3"), (2020, "2"), (2020, "1")] + [
        (2016, q) for q in ("4", "3", "2", "1")
    ]
    assert api.loaded_periods(loaded_store, ["39049", "39129"]) == [(2016, q) for q in ("4", "3", "2", "1")]
    assert api.loaded_periods(loaded_store, []) == []


def test_titles_are_bls_titles(loaded_store):
    """BLS titles NAICS 52 "Finance and insurance" and area 39049 "Franklin County, Ohio"."""
    assert api.titles(loaded_store, "industry", ["52"]) == {"52": "NAICS 52 Finance and insurance"}
    assert api.titles(loaded_store, "area", ["39049"]) == {"39049": "Franklin County, Ohio"}
    with pytest.raises(ValueError, match="kind must be one of"):
        api.titles(loaded_store, "county")


def test_the_shared_store_reopens_when_a_load_replaces_the_file(tmp_path, shared_data):
    """One handle per process: the same Store until the file changes; nothing loaded is NotLoadedError."""
    from tests.lmi.conftest import county_file

    path = tmp_path / "lmi.duckdb"
    handle = api.SharedStore(path)
    with pytest.raises(FileNotFoundError):
        handle.store()
    api.Store.open(path).close()
    with pytest.raises(api.NotLoadedError):
        handle.store()
    with api.Store.open(path) as writer:
        writer.load([county_file(shared_data, "39041")])
    first = handle.store()
    assert handle.store() is first
    with handle.lock():
        assert api.loaded_periods(first, ["39041"])[0] == (2016, "4")
    first.close()
