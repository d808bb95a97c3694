"""``sectorhub package build``: counties, a metro by name, every region, and errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sectorhub.cli import app
from tests.lmi.packages.conftest import load_small_store


@pytest.fixture(scope="module")
def store_file(shared_data, tmp_path_factory):
    """A closed store file the command opens read-only."""
    path = tmp_path_factory.mktemp("cli") / "lmi.duckdb"
    load_small_store(shared_data, path).close()
    return path


@pytest.fixture(autouse=True)
def engine_only(monkeypatch, request):
    """Without DJANGO_SETTINGS_MODULE the command never touches Django (pytest-django sets it for the suite)."""
    if "db" not in request.fixturenames:
        monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)


def run(*args):
    return CliRunner().invoke(app, ["package", "build", *args])


def test_build_writes_the_package_for_a_list_of_counties(store_file, tmp_path):
    """JSON for Delaware + Union, Q1 2016: construction 3,790 jobs (worked in test_measures.py)."""
    out = tmp_path / "p.json"
    result = run(
        "--counties",
        "39041,39159",
        "--year",
        "2016",
        "--period",
        "1",
        "--format",
        "json",
        "--out",
        str(out),
        "--store",
        str(store_file),
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["region_name"] == "2-county region"
    assert next(r for r in data["industries"] if r["industry_code"] == "23")["employment"] == 3790


def test_a_metro_name_needs_all_its_counties_loaded(store_file, tmp_path):
    """'Columbus, OH' is ten counties (OMB 2015); only two are loaded, so the command says which are missing."""
    result = run(
        "--region",
        "Columbus, OH",
        "--year",
        "2016",
        "--period",
        "1",
        "--out",
        str(tmp_path / "c.html"),
        "--store",
        str(store_file),
    )
    assert result.exit_code == 1
    assert "39049" in result.output


def test_an_unknown_region_and_a_bad_format_are_refused(store_file, tmp_path):
    """Plain error lines, exit code 1."""
    assert (
        "no metropolitan or micropolitan area named 'Atlantis'"
        in run("--region", "Atlantis", "--out", str(tmp_path / "x"), "--store", str(store_file)).output
    )
    assert (
        "--format must be one of"
        in run(
            "--counties",
            "39041",
            "--format",
            "docx",
            "--out",
            str(tmp_path / "x"),
            "--store",
            str(store_file),
        ).output
    )


def test_all_regions_skips_metros_whose_counties_are_not_loaded(store_file, tmp_path):
    """Ohio has 14 metros touching it; none has all its Ohio counties in the small store, so none is written."""
    result = run(
        "--all-regions",
        "--year",
        "2016",
        "--period",
        "1",
        "--format",
        "html",
        "--out",
        str(tmp_path / "all"),
        "--store",
        str(store_file),
    )
    assert result.exit_code == 0, result.output
    assert "0 packages written" in result.output and "Columbus, OH (counties not loaded" in result.output


def test_a_region_of_the_registry_is_built_by_the_web_command_which_passes_its_counties(
    store_file, tmp_path, db, monkeypatch
):
    """`sectorhub web package Delaware-Union` looks the Region up in Django and gives its counties to the engine;
    the engine's own command does not know the registry (it never sets up Django)."""
    from tests.regions.factories import CountyFactory, RegionFactory

    RegionFactory(
        name="Delaware-Union",
        counties=[CountyFactory(fips="39041", name="Delaware"), CountyFactory(fips="39159", name="Union")],
    )
    monkeypatch.setenv("SECTORHUB_HOME", str(store_file.parent))
    out = tmp_path / "du.csv"
    args = ["--year", "2016", "--period", "1", "--format", "csv", "--out", str(out)]
    result = CliRunner().invoke(app, ["web", "package", "Delaware-Union", *args])
    assert result.exit_code == 0, result.output
    assert out.read_text().splitlines()[1].startswith("Delaware-Union,2016 Q1,Private,")
    engine = run("--region", "Delaware-Union", *args, "--store", str(store_file))
    assert (
        engine.exit_code == 1
        and "no metropolitan or micropolitan area named 'Delaware-Union'" in engine.output
    )
    unknown = CliRunner().invoke(app, ["web", "package", "Atlantis", *args])
    assert unknown.exit_code == 1 and "no region named 'Atlantis' in the registry" in unknown.output


def test_package_build_and_occupations_resolve_a_region_name_by_the_same_rule():
    """One resolver (lmi.places): "Columbus" is ambiguous for both (Columbus, GA-AL; IN; MS; NE; OH), the full
    title and the CBSA code 18140 give the same ten counties (OMB July 2015)."""
    from sectorhub.lmi.packages.cli.package import resolve_region
    from sectorhub.lmi.places import PlaceError, metro_counties

    with pytest.raises(PlaceError, match="matches 5 areas"):
        resolve_region("Columbus")
    with pytest.raises(PlaceError, match="matches 5 areas"):
        metro_counties("Columbus")
    by_title, by_code = resolve_region("Columbus, OH"), resolve_region("18140")
    assert by_title == by_code and by_title.kind == "metro" and len(by_title.counties) == 10
    assert metro_counties("columbus, oh")[2] == list(by_title.counties)
    assert by_title.counties[:3] == ("39041", "39045", "39049")
