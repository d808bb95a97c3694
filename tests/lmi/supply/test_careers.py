"""Career entry points: pathways limited to a region's occupations, and one occupation's profile."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from sectorhub.cli import app
from sectorhub.lmi import supply
from sectorhub.lmi.sources.cip_soc import CodeError


def test_regional_pathways_only_list_occupations_employed_there(shared_data):
    """Columbus OEWS (0018140) publishes employment for 27-2021 Athletes (60) but not for every occupation."""
    mix, area = supply.regional_occupations(["39049", "39041"])
    assert area == "Columbus, OH"
    assert mix.set_index("soc_code").loc["27-2021", "employment"] == 60
    report = supply.pathways_to("29-1141", counties=["39049", "39041"], top=5)
    t = report.table
    assert set(t["soc_code"]) <= set(mix["soc_code"])
    assert (t["regional_employment"] > 0).all()
    assert any("Columbus, OH" in s for s in report.sources)


def test_the_pathways_command_takes_a_region(shared_data):
    result = CliRunner().invoke(
        app, ["pathways", "--soc", "29-1141", "--counties", "39049,39041", "--top", "3"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "soc_code,title,similarity,skill_gaps,regional_employment"


def test_an_occupation_profile_lists_standardized_scores(shared_data):
    """11-1011 Reading Comprehension: IM 4.06 -> (4.06 - 1) / 4 x 100 = 76.5; LV 4.435 -> 4.435 / 7 x 100 = 63.4."""
    report = supply.occupation_profile("11-1011")
    row = report.table.set_index("element_id").loc["2.A.1.a"]
    assert row["importance_standardized"] == 76.5
    assert row["level_standardized"] == 63.4
    assert report.notes[0] == "11-1011 Chief Executives"
    assert report.notes[2] == "annual median wage: $213,990 (OEWS May 2025, National)"  # cell OEUN...111011


def test_an_occupation_profile_shows_a_top_coded_wage_as_a_flag(shared_data):
    """Columbus 29-1212 Cardiologists: annual median '-' with footnote 5. O*NET 29.0 has no ratings for it."""
    report = supply.occupation_profile("29-1212", counties=["39049"])
    assert report.notes[2] == "annual median wage: not shown: OEWS footnote 5 (OEWS May 2025, Columbus, OH)"
    assert report.table.empty and "no skills or knowledge ratings" in report.notes[3]


def test_an_unknown_occupation_has_no_profile(shared_data):
    with pytest.raises(CodeError, match="unknown SOC code 99-1234"):
        supply.occupation_profile("99-1234")
