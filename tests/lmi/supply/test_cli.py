"""``sectorhub occupations`` and ``sectorhub pathways``: columns, formats, attribution and clear errors."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from sectorhub.cli import app
from sectorhub.lmi.sources.onet import ATTRIBUTION
from sectorhub.lmi.store import Store
from sectorhub.lmi.supply import cli as supply_cli
from sectorhub.lmi.supply.report import OCCUPATION_COLUMNS

runner = CliRunner()


@pytest.fixture
def empty_store(tmp_path):
    path = tmp_path / "lmi.duckdb"
    Store.open(path).close()
    return path


@pytest.fixture
def hospitals(monkeypatch):
    """Stand-in for the region's QCEW rows: 10,000 private hospital jobs (NAICS 622) in 2020, 9,000 in 2019."""
    calls = []

    def fake(store, counties, year, period, level):
        calls.append((tuple(counties), year, period, level))
        jobs = {2020: 10000.0, 2019: 9000.0}[year]
        return pd.DataFrame(
            {"industry_code": ["622"], "own_code": ["5"], "employment": [jobs], "lower_bound": [False]}
        )

    monkeypatch.setattr(supply_cli, "industry_employment", fake)
    return calls


def test_occupations_csv_has_the_documented_columns(shared_data, empty_store, hospitals):
    """Private hospitals map to OEWS 622005 (Hospitals, Privately Owned): 5,570,850 jobs, 1,730,350 registered
    nurses (cells OEUN0000000622005000000 and OEUN0000000622005291141).

    10,000 regional hospital jobs x 1,730,350 / 5,570,850 = 3,106.08 nurses; growth 10,000 / 9,000 - 1 = 0.1111.
    """
    result = runner.invoke(
        app,
        [
            "occupations",
            "--counties",
            "39049,39041",
            "--year",
            "2020",
            "--top",
            "3",
            "--store",
            str(empty_store),
        ],
    )
    assert result.exit_code == 0, result.output
    table = pd.read_csv(io.StringIO(result.stdout), dtype={"soc_code": str})
    assert list(table.columns[: len(OCCUPATION_COLUMNS)]) == OCCUPATION_COLUMNS
    assert len(table) == 3
    rn = table.iloc[0]
    assert rn["soc_code"] == "29-1141"
    assert rn["employment"] == round(10000 * 1730350 / 5570850, 1) == 3106.1
    assert rn["growth"] == round(1 / 9, 4)
    assert rn["median_wage"] == 83900 and rn["wage_source"] == "OEWS May 2025, Columbus, OH"
    assert rn["typical_education"] == "Bachelor's Degree"
    assert ATTRIBUTION in result.stderr
    assert hospitals == [(("39049", "39041"), 2020, "A", "3"), (("39049", "39041"), 2019, "A", "3")]


def test_occupations_json_carries_sources_and_attribution(shared_data, empty_store, hospitals):
    result = runner.invoke(
        app,
        [
            "occupations",
            "--region",
            "Columbus, OH",
            "--year",
            "2020",
            "--top",
            "2",
            "--format",
            "json",
            "--store",
            str(empty_store),
        ],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["attribution"] == ATTRIBUTION
    assert [r["soc_code"] for r in doc["rows"]] == ["29-1141", "31-1131"]
    assert any("OEWS" in s for s in doc["sources"])
    assert len(hospitals[0][0]) == 10  # the Columbus metro's ten counties


def test_occupations_filters_to_a_target_sector(shared_data, empty_store, hospitals):
    result = runner.invoke(
        app,
        [
            "occupations",
            "--counties",
            "39049",
            "--year",
            "2020",
            "--industries",
            "336",
            "--store",
            str(empty_store),
        ],
    )
    assert result.exit_code == 1
    assert "no industry of the region lies within 336" in result.output


def test_occupations_needs_exactly_one_place(empty_store):
    result = runner.invoke(app, ["occupations", "--year", "2020", "--store", str(empty_store)])
    assert result.exit_code == 1 and "give either --counties or --region" in result.output
    result = runner.invoke(
        app, ["occupations", "--counties", "39049,abc", "--year", "2020", "--store", str(empty_store)]
    )
    assert result.exit_code == 1 and "not a county FIPS code: 'abc'" in result.output


def test_pathways_csv_lists_similar_occupations_with_gaps(shared_data):
    result = runner.invoke(app, ["pathways", "--soc", "29-1141", "--top", "4"])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(io.StringIO(result.stdout), dtype={"soc_code": str}, keep_default_na=False)
    assert list(table.columns) == ["soc_code", "title", "similarity", "skill_gaps"]
    assert len(table) == 4 and "29-1141" not in set(table["soc_code"])
    assert table["similarity"].is_monotonic_decreasing
    assert ATTRIBUTION in result.stderr


def test_pathways_json_gives_gaps_as_lists(shared_data):
    result = runner.invoke(app, ["pathways", "--soc", "51-4121", "--top", "2", "--format", "json"])
    doc = json.loads(result.stdout)
    assert all(isinstance(r["skill_gaps"], list) for r in doc["rows"])
    assert doc["attribution"] == ATTRIBUTION


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("99-1234", "unknown SOC code 99-1234"),
        ("29-11", "not a SOC code: '29-11'"),
        ("15-1252", "Software Developers) has no skills or knowledge ratings"),
    ],
)
def test_pathways_reports_a_bad_soc_code_clearly(shared_data, code, message):
    result = runner.invoke(app, ["pathways", "--soc", code])
    assert result.exit_code == 1
    assert message in " ".join(result.output.split())
