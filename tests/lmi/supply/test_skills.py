"""Skill profiles, similarity (cosine on importance-weighted levels), pathways and skill supply."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sectorhub.lmi.sources.cip_soc import CodeError
from sectorhub.lmi.supply.careers import skill_profiles
from sectorhub.lmi.supply.skills import (
    Profiles,
    pathways,
    similarity,
    skill_gaps,
    skill_supply_vs_demand,
    weighted_profile,
)


def tiny() -> Profiles:
    """Three occupations, two elements (E1, E2), importance and level chosen for easy weights.

    weight = (IM - 1) / 4 * LV / 7.
    A: E1 IM 5, LV 7 -> 1.0;  E2 IM 3, LV 3.5 -> 0.25
    B: E1 IM 5, LV 3.5 -> 0.5; E2 IM 5, LV 7 -> 1.0
    C: E1 IM 1, LV 0 -> 0;    E2 IM 5, LV 7 -> 1.0
    cos(A, B) = (1 x 0.5 + 0.25 x 1) / (sqrt(1.0625) x sqrt(1.25)) = 0.75 / 1.152443 = 0.650791
    """
    rows = [
        ("11-1011", "skills", "E1", "One", 5, 7),
        ("11-1011", "skills", "E2", "Two", 3, 3.5),
        ("11-1021", "skills", "E1", "One", 5, 3.5),
        ("11-1021", "skills", "E2", "Two", 5, 7),
        ("13-2011", "skills", "E1", "One", 1, 0),
        ("13-2011", "skills", "E2", "Two", 5, 7),
    ]
    scores = pd.DataFrame(
        rows, columns=["soc_code", "domain", "element_id", "element_name", "importance", "level"]
    )
    return Profiles(scores.astype({"importance": float, "level": float}), {"15-1252": "Software Developers"})


def test_cosine_similarity_worked_by_hand():
    p = tiny()
    assert similarity(p, "11-1011", "11-1021") == pytest.approx(0.75 / math.sqrt(1.0625 * 1.25))
    assert similarity(p, "11-1021", "13-2011") == pytest.approx(1.0 / math.sqrt(1.25))


def test_skill_gaps_worked_by_hand():
    """Moving A -> B: E2 is important to B (IM 5 >= 3) and B's level 7 exceeds A's 3.5 by 3.5; E1 is lower in B."""
    g = skill_gaps(tiny(), "11-1011", "11-1021")
    assert list(g["element_id"]) == ["E2"]
    assert g["gap"].item() == pytest.approx(3.5)


def test_pathways_rank_by_similarity_and_skip_the_target():
    t = pathways(tiny(), "11-1021", top=5)
    assert list(t["soc_code"]) == ["13-2011", "11-1011"]
    assert t["similarity"].iloc[0] == pytest.approx(round(1 / math.sqrt(1.25), 4))
    assert t["skill_gaps"].iloc[1] == ["Two (+3.5)"]


def test_weighted_profile_worked_by_hand():
    """A with 30 jobs and B with 10: E1 level (30 x 7 + 10 x 3.5) / 40 = 6.125; an unprofiled SOC is left out."""
    emp = pd.DataFrame({"soc_code": ["11-1011", "11-1021", "53-7062"], "employment": [30.0, 10.0, 40.0]})
    with pytest.raises(CodeError):
        tiny().resolve("53-7062")
    wp = weighted_profile(tiny(), emp).set_index("element_id")
    assert wp.loc["E1", "level"] == pytest.approx(6.125)
    assert wp.loc["E1", "coverage"] == pytest.approx(0.5)


def test_skill_supply_against_sector_needs_worked_by_hand():
    """Workforce all C (E2 level 7, E1 0); sector all B (E1 3.5, E2 7): E1 difference 0 - 3.5 = -3.5 comes first."""
    work = pd.DataFrame({"soc_code": ["13-2011"], "employment": [100.0]})
    sector = pd.DataFrame({"soc_code": ["11-1021"], "employment": [20.0]})
    out = skill_supply_vs_demand(tiny(), work, sector)
    assert list(out["element_id"]) == ["E1", "E2"]
    assert out["difference"].tolist() == pytest.approx([-3.5, 0.0])


def test_unknown_codes_fail_clearly():
    p = tiny()
    with pytest.raises(CodeError, match="Software Developers\\) has no skills or knowledge ratings"):
        p.resolve("15-1252")
    with pytest.raises(CodeError, match="unknown SOC code 99-1234"):
        p.resolve("99-1234")


@pytest.fixture(scope="module")
def real(shared_data):
    return skill_profiles()


def test_similarity_is_symmetric_and_one_with_itself(real):
    codes = ["29-1141", "31-1131", "51-4121", "11-1011", "31-1120", "47-2111"]
    for a in codes:
        assert similarity(real, a, a) == pytest.approx(1.0)
        for b in codes:
            assert similarity(real, a, b) == pytest.approx(similarity(real, b, a))
            assert 0.0 <= similarity(real, a, b) <= 1.0 + 1e-12


def test_the_whole_similarity_matrix_is_symmetric_with_a_unit_diagonal(real):
    u = real._unit.to_numpy()
    m = u @ u.T
    assert np.allclose(m, m.T)
    assert np.allclose(np.diag(m), 1.0)


def test_an_oews_aggregate_takes_its_members_mean_profile(real):
    """31-1120 (OEWS) = SOC 31-1121 Home Health Aides + 31-1122 Personal Care Aides."""
    expected = (real.matrix.loc["31-1121"] + real.matrix.loc["31-1122"]) / 2
    assert np.allclose(real.vector("31-1120").to_numpy(), expected.to_numpy())


def test_nurses_are_closer_to_nursing_assistants_than_to_welders(real):
    assert similarity(real, "29-1141", "31-1131") > similarity(real, "29-1141", "51-4121")
