"""O*NET 29.0 readers: known element values from the text files, the suppression and relevance rules, SOC roll-up.

Values quoted below are rows of ``onet/db_29_0/Skills.txt.gz`` (columns Data Value, Recommend Suppress, Not Relevant).
"""

from __future__ import annotations

import pytest

from sectorhub.lmi.sources import onet


@pytest.fixture(scope="module")
def skills(shared_data):
    return onet.element_scores("skills").set_index(["soc_code", "element_id"])


def test_detail_codes_are_averaged_to_the_soc(skills):
    """Reading Comprehension (2.A.1.a): 11-1011.00 IM 4.12, LV 4.62; 11-1011.03 IM 4, LV 4.25.

    SOC 11-1011: IM (4.12 + 4) / 2 = 4.06; LV (4.62 + 4.25) / 2 = 4.435.
    """
    row = skills.loc[("11-1011", "2.A.1.a")]
    assert row["importance"] == pytest.approx(4.06)
    assert row["level"] == pytest.approx(4.435)


def test_recommend_suppress_rows_are_dropped(skills):
    """Programming (2.B.3.e) LV: 11-3031.00 1.62 (Suppress Y), 11-3031.01 1 (N), 11-3031.03 1.12 (Y) -> 1.0.

    IM has no suppressed row: (1.88 + 1.62 + 1.75) / 3 = 1.75.
    """
    row = skills.loc[("11-3031", "2.B.3.e")]
    assert row["level"] == pytest.approx(1.0)
    assert row["importance"] == pytest.approx(1.75)


def test_not_relevant_levels_become_zero(skills):
    """Equipment Selection (2.B.3.c) LV is 0.25 with Not Relevant = Y for both 11-1011 detail codes -> 0."""
    assert skills.loc[("11-1011", "2.B.3.c"), "level"] == 0.0
    assert skills.loc[("11-1011", "2.B.3.c"), "importance"] == pytest.approx(1.12)


def test_standardized_scores_follow_onet_formula():
    """O*NET: S = (O - L) / (H - L) * 100, so IM 3 -> 50 and LV 5 -> 71.43."""
    import pandas as pd

    assert onet.standardize(pd.Series([3.0]), onet.IMPORTANCE_RANGE)[0] == 50.0
    assert onet.standardize(pd.Series([5.0]), onet.LEVEL_RANGE)[0] == pytest.approx(71.428571)


def test_typical_education_is_the_modal_category_of_the_base_code(shared_data):
    """29-1141.00 Required Level of Education: category 6 (Bachelor's) 55.92 % is the largest share."""
    edu = onet.typical_education().set_index("soc_code")
    assert edu.loc["29-1141", "education_category"] == 6
    assert edu.loc["29-1141", "typical_education"] == "Bachelor's Degree"
    assert edu.loc["29-1141", "education_share"] == pytest.approx(55.92)


def test_job_zone_prefers_the_base_code(shared_data):
    """Job Zones: 29-1141.00 is zone 4 (its detail codes are 3, 5, 4, 5)."""
    assert onet.job_zones().set_index("soc_code").loc["29-1141", "job_zone"] == 4


def test_the_attribution_is_the_required_text():
    assert onet.ATTRIBUTION.startswith("This page includes information from the O*NET 29.0 Database")
    assert "Used under the CC BY 4.0 license." in onet.ATTRIBUTION
    assert onet.ATTRIBUTION.endswith("O*NET® is a trademark of USDOL/ETA.")


def test_an_unknown_domain_or_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(onet.OnetError, match="unknown O\\*NET domain 'abilities'"):
        onet.element_scores("abilities")
    with pytest.raises(onet.OnetError, match="O\\*NET file not found"):
        onet.read_table("Skills", tmp_path)
