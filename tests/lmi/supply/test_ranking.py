"""The high-demand score worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from sectorhub.lmi.supply.ranking import high_demand


def test_the_score_is_the_mean_percentile_rank_worked_by_hand():
    """Three occupations.

    employment 100, 200, 300 -> ranks 1/3, 2/3, 1; growth 0.3, 0.1, 0.2 -> 1, 1/3, 2/3;
    wage 50k, top-coded (flag 5, no number), 40k -> ranks among published 1, -, 0.5; top-coded -> 1.
    A: (1/3 + 1 + 1) / 3 = 77.78; B: (2/3 + 1/3 + 1) / 3 = 66.67; C: (1 + 2/3 + 0.5) / 3 = 72.22.
    """
    occ = pd.DataFrame(
        {
            "soc_code": ["A", "B", "C"],
            "employment": [100.0, 200.0, 300.0],
            "growth": [0.3, 0.1, 0.2],
            "median_wage": [50000.0, None, 40000.0],
            "wage_flag": ["", "5", ""],
        }
    )
    r = high_demand(occ)
    assert list(r["soc_code"]) == ["A", "C", "B"]
    assert r["score"].tolist() == pytest.approx([77.78, 72.22, 66.67])
    assert list(r["rank"]) == [1, 2, 3]


def test_a_missing_component_is_left_out_not_scored_zero():
    """B has no growth: its score is the mean of its employment (1) and wage (1) ranks = 100."""
    occ = pd.DataFrame(
        {"soc_code": ["A", "B"], "employment": [1.0, 2.0], "growth": [0.1, None], "median_wage": [1.0, 2.0]}
    )
    assert high_demand(occ).set_index("soc_code").loc["B", "score"] == 100.0


def test_weights_are_checked():
    with pytest.raises(ValueError, match="unknown score component"):
        high_demand(pd.DataFrame({"employment": [1.0]}), weights={"openings": 1.0})
