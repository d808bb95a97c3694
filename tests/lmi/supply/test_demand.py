"""Staffing-pattern arithmetic worked by hand, industry mapping, implied growth."""

from __future__ import annotations

import pandas as pd
import pytest

from sectorhub.lmi.supply.demand import (
    DemandInputError,
    implied_growth,
    occupation_demand,
    staffing_patterns,
)
from sectorhub.lmi.supply.industries import map_industry, oews_groups


def small_patterns():
    """Two OEWS industries.

    336000 (total 1,000): 51-2090 600, 17-2112 300, 11-1021 not released -> shares 0.6, 0.3; unallocated 0.1.
    622000 (total 500): 29-1141 250, 11-1021 50, 31-1131 200 -> shares 0.5, 0.1, 0.4; unallocated 0.
    """
    cells = pd.DataFrame(
        [
            ("336000", "00-0000", "All", 1000.0),
            ("336000", "51-2090", "Assemblers", 600.0),
            ("336000", "17-2112", "Industrial Engineers", 300.0),
            ("336000", "11-1021", "General Managers", None),
            ("622000", "00-0000", "All", 500.0),
            ("622000", "29-1141", "Registered Nurses", 250.0),
            ("622000", "11-1021", "General Managers", 50.0),
            ("622000", "31-1131", "Nursing Assistants", 200.0),
        ],
        columns=["industry_code", "soc_code", "title", "employment"],
    )
    return staffing_patterns(cells)


def test_shares_are_cells_over_the_industry_total():
    p = small_patterns()
    s = p.shares.set_index(["industry_code", "soc_code"])["share"]
    assert s[("336000", "51-2090")] == pytest.approx(0.6)
    assert s[("622000", "11-1021")] == pytest.approx(0.1)
    assert ("336000", "11-1021") not in s.index  # not released: no share invented
    assert p.unallocated["336000"] == pytest.approx(0.1)
    assert p.unallocated["622000"] == pytest.approx(0.0)


def test_region_demand_worked_by_hand():
    """Region: NAICS 336 = 2,000 jobs, 622 = 1,000 jobs.

    51-2090: 2,000 x 0.6 = 1,200; 17-2112: 2,000 x 0.3 = 600; 29-1141: 1,000 x 0.5 = 500;
    31-1131: 1,000 x 0.4 = 400; 11-1021: 1,000 x 0.1 = 100 (none from 336: not released there).
    Unallocated: 2,000 x 0.1 = 200. Sum 1,200 + 600 + 500 + 400 + 100 + 200 = 3,000 = industry employment.
    """
    inds = pd.DataFrame({"industry_code": ["336", "622"], "employment": [2000.0, 1000.0]})
    d = occupation_demand(inds, small_patterns())
    got = d.table.set_index("soc_code")["employment"].to_dict()
    assert got == pytest.approx(
        {"51-2090": 1200, "17-2112": 600, "29-1141": 500, "31-1131": 400, "11-1021": 100}
    )
    assert list(d.table["soc_code"][:2]) == ["51-2090", "17-2112"]  # largest first
    assert d.unallocated == pytest.approx(200)
    assert d.unmapped == 0
    assert d.table["employment"].sum() + d.unallocated + d.unmapped == pytest.approx(d.industry_employment)


def test_an_industry_without_a_pattern_is_reported_not_dropped():
    """NAICS 99 (unclassified) has no OEWS pattern: its 50 jobs are 'unmapped', and still add up."""
    inds = pd.DataFrame({"industry_code": ["336", "99"], "employment": [100.0, 50.0]})
    d = occupation_demand(inds, small_patterns())
    assert d.unmapped == 50
    assert d.table["employment"].sum() + d.unallocated + d.unmapped == pytest.approx(150)
    assert any("99" in n for n in d.notes)


def test_suppressed_industry_employment_is_left_out_not_zeroed():
    inds = pd.DataFrame(
        {"industry_code": ["336", "622"], "employment": [100.0, None], "lower_bound": [True, False]}
    )
    d = occupation_demand(inds, small_patterns())
    assert d.industry_employment == 100 and d.lower_bound
    assert "622" in d.notes[0]


def test_overlapping_naics_levels_are_refused():
    inds = pd.DataFrame({"industry_code": ["336", "3361"], "employment": [100.0, 40.0]})
    with pytest.raises(DemandInputError, match="industry 336 contains 3361"):
        occupation_demand(inds, small_patterns())


def test_growth_implied_by_industry_growth_worked_by_hand():
    """336: 2,000 -> 2,200 (+10 %); 622: 1,000 -> 800 (-20 %).

    11-1021 comes only from 622: 100 -> 80, growth -0.2. 51-2090 only from 336: 1,200 -> 1,320, +0.1.
    """
    p = small_patterns()
    base = occupation_demand(
        pd.DataFrame({"industry_code": ["336", "622"], "employment": [2000.0, 1000.0]}), p
    )
    end = occupation_demand(pd.DataFrame({"industry_code": ["336", "622"], "employment": [2200.0, 800.0]}), p)
    g = implied_growth(base, end).set_index("soc_code")
    assert g.loc["11-1021", "growth"] == pytest.approx(-0.2)
    assert g.loc["51-2090", "growth"] == pytest.approx(0.1)
    assert g.loc["51-2090", "change"] == pytest.approx(120)


AVAILABLE = {
    "336000",
    "336100",
    "3250A1",
    "325000",
    "31--34",
    "611005",
    "611105",
    "611102",
    "611002",
    "622005",
    "999100",
    "999200",
    "999300",
    "491000",
    "449000",
    "44--46",
    "332710",
    "221111",
    "999000",  # OEWS government designation: must never take unclassified NAICS 999
}
GROUPS = oews_groups(
    pd.DataFrame(
        {
            "industry_code": ["3250A1"],
            "industry_name": ["Chemical Manufacturing (3251, 3252, 3253, and 3259 only)"],
        }
    )
)


@pytest.mark.parametrize(
    ("naics", "own", "expected", "depth"),
    [
        ("336111", "5", "336100", "4-digit"),
        ("3361", "5", "336100", "4-digit"),
        ("3362", "5", "336000", "3-digit"),
        ("221111", "5", "221111", "6-digit"),
        ("33271", "5", "332710", "5-digit"),
        ("3251", "5", "3250A1", "OEWS group"),
        ("3255", "5", "325000", "3-digit"),
        ("31-33", "5", "31--34", "sector"),
        ("6111", "5", "611105", "4-digit"),
        ("611", "5", "611005", "3-digit"),
        ("6111", "2", "611102", "government"),
        ("921", "1", "999100", "government"),
        ("491", "1", "491000", "government"),
        ("611", "3", "999300", "government"),
        ("442", "5", "449000", "3-digit"),
        ("454", "5", "44--46", "sector"),
        ("99", "5", None, "none"),
        ("999", "5", None, "none"),
        ("999999", "5", None, "none"),
    ],
)
def test_qcew_industries_map_to_the_most_detailed_oews_pattern(naics, own, expected, depth):
    m = map_industry(naics, own, AVAILABLE, GROUPS)
    assert (m.oews_industry, m.matched_on) == (expected, depth)


def test_oews_groups_are_read_from_industry_names():
    assert GROUPS == {"3251": "3250A1", "3252": "3250A1", "3253": "3250A1", "3259": "3250A1"}
