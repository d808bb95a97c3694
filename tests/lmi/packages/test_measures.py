"""Each figure a package shows, worked by hand from BLS's 2016 Q1 files (Delaware 39041, Union 39159, Ohio 39000,
Indiana 18000, Kentucky 21000), and the target-class rules."""

from __future__ import annotations

import pytest

from sectorhub.lmi.packages.building import classify as C
from sectorhub.lmi.packages.building.settings import DEFAULTS


def _industry(pkg, code):
    return next(r for r in pkg.industries if r["industry_code"] == code)


def test_summary_sums_the_county_totals_and_compares_with_the_state_and_the_loaded_states(package):
    """Total covered (own 0, industry 10), Q1 2016, months 1–3:
    Delaware 81,420 81,475 82,514 (sum 245,409), wages 1,165,294,123, 4,960 establishments, OTY 720 626 989;
    Union 30,530 30,570 30,589 (sum 91,689), wages 407,642,512, 1,213 establishments, OTY 247 337 577.
    Region employment = (245,409 + 91,689)/3 = 112,366; establishments 6,173;
    average weekly wage = 1,572,936,635 / 112,366 / 13 = 1,076.8 → 1,077;
    a year earlier (245,409 − 2,335 + 91,689 − 1,161)/3 = 333,602/3, growth 3,496/333,602 = 1.05 % → 1.0.
    Nation = Ohio 15,631,145 + Indiana 8,791,654 + Kentucky 5,507,010 monthly sums → 29,929,809/3 = 9,976,603."""
    q1 = next(r for r in package.summary if r["period"] == "1" and r["year"] == 2016)
    assert q1["region_employment"] == 112366
    assert q1["region_establishments"] == 6173
    assert q1["region_avg_weekly_wage"] == 1077
    assert q1["region_growth_pct"] == 1.0
    assert q1["state_employment"] == round(15631145 / 3)
    assert q1["nation_employment"] == 9976603
    assert [r["period_label"] for r in package.summary][:4] == ["2016 Q1", "2016 Q2", "2016 Q3", "2016 Q4"]
    assert package.notes[0].startswith("National figures for 2016 Q1 add up 3 of the 51 statewide files")
    assert "the other 48 are not loaded" in package.notes[0]


def test_lq_against_the_state_growth_and_shift_share_of_construction(package):
    """Private construction (NAICS 23), Q1 2016. Region months: Delaware 2,801 2,864 2,965; Union 914 914 912
    → e1 = 11,370/3 = 3,790. OTY changes: Delaware 107 136 105; Union −14 26 65 → e0 = 10,945/3 = 3,648.33;
    growth = 425/10,945 = 3.88 % → 3.9.
    LQ vs state: (3,790 / 112,366) / ((185,360 + 184,207 + 191,783)/3 / 5,210,381.67) = 0.0337/0.0359 = 0.94.
    Nation (OH + IN + KY) construction: months sum 561,350 + 354,527 + 214,922 = 1,130,799, OTY 31,824 + 13,015 +
    7,086 = 51,925 → Gi = 51,925/1,078,874 = 4.81 %. Private total: 25,701,975 with OTY 493,255 → G = 1.96 %.
    Shift-share: NS = e0·G = 71; IM = e0·(Gi − G) = 104; CS = e1 − e0·(1 + Gi) = −34 (sum 141 ≈ e1 − e0)."""
    row = _industry(package, "23")
    e1, e0 = 11370 / 3, 10945 / 3
    gi, g = 51925 / (1130799 - 51925), 493255 / (25701975 - 493255)
    assert row["employment"] == 3790 and row["employment_status"] == "published"
    assert row["growth_pct"] == 3.9
    assert row["lq_state"] == round((e1 / 112366) / ((561350 / 3) / (15631145 / 3)), 2) == 0.94
    assert row["nation_growth_pct"] == round(gi * 100, 1) == 4.8
    assert row["national_share"] == round(e0 * g) == 71
    assert row["industry_mix"] == round(e0 * (gi - g)) == 104
    assert row["competitive_effect"] == round(e1 - e0 * (1 + gi)) == -34
    assert row["employment_year_earlier"] == round(e0)


def test_single_county_lq_against_the_nation_matches_bls(small_store):
    """Union County manufacturing (31-33), private, Q1 2016: BLS publishes LQs 2.87, 2.88, 2.89 for the three
    months (mean 2.88); our LQ uses national shares estimated from three states' published LQs, within 0.02."""
    from sectorhub.lmi.packages import build_package

    pkg = build_package(small_store, ["39159"], 2016, "1")
    assert _industry(pkg, "31-33")["lq_nation"] == pytest.approx(2.88, abs=0.02)


@pytest.mark.parametrize(
    ("lq", "growth", "national", "employment", "status", "expected"),
    [
        (1.2, 3.0, 5.0, 500, "published", C.STRONG),  # concentrated, growing (slower than the nation is fine)
        (1.0, 0.1, None, 500, "published", C.STRONG),  # LQ exactly at the threshold counts as concentrated
        (1.5, 0.0, -1.0, 500, "published", C.MATURE),  # growth exactly 0 is not growing
        (1.5, -2.0, -1.0, 500, "published", C.MATURE),
        (0.8, 4.0, 3.0, 500, "published", C.EMERGING),  # faster than the industry nationally
        (0.8, 2.0, 3.0, 500, "published", C.AT_RISK),  # growing, but slower than the nation
        (0.8, -1.0, -5.0, 500, "published", C.AT_RISK),  # shrinking: never emerging
        (0.99, 2.0, None, 500, "published", C.AT_RISK),  # no national growth to beat
        (1.5, 5.0, 1.0, 49, "published", None),  # under the 50-job floor
        (1.5, 5.0, 1.0, 900, "lower bound", None),
        (None, 5.0, 1.0, None, "suppressed", None),
        (1.5, None, 1.0, 900, "published", None),
    ],
)
def test_target_classes_follow_the_documented_rules(lq, growth, national, employment, status, expected):
    """Thresholds: LQ 1.0, growth 0 %, at least 50 jobs (the defaults in settings.py)."""
    cls, why = C.classify(
        lq=lq,
        growth=growth,
        national_growth=national,
        employment=employment,
        status=status,
        settings=DEFAULTS,
    )
    assert cls == expected
    assert why


def test_package_classes_come_from_the_rules(package):
    """Construction: LQ vs nation below 1 (0.7-ish), growth 3.9 % < national 4.8 % → at risk."""
    row = _industry(package, "23")
    assert row["lq_nation"] < 1
    assert row["target_class"] == C.AT_RISK


def test_the_package_says_how_many_industries_suppression_leaves_unclassified(package):
    """Delaware + Union 2016 Q1: BLS suppressed one county's cell of sectors 11, 21, 54 and 55 (the region's
    figures are lower bounds), so 4 of the 20 sectors are not classified; 99 (11 jobs) is too small, which is not
    suppression and is not counted."""
    assert package.unclassified_suppressed == 4
    assert (
        "4 of 20 industries are not classified in the target-industry view: BLS suppressed a county figure"
        in " ".join(package.notes)
    )
    assert package.to_dict()["unclassified_suppressed"] == 4
