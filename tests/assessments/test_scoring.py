"""Scoring and aggregation, worked by hand (pure functions; no database).

The worked example used by most tests: two capabilities on the default 0-3 scale, three respondents R1-R3.

    capability A, item a1:  R1 3 (importance 3)   R2 1 (importance 2)   R3 don't know (importance 3)
    capability A, item a2:  R1 2 (importance 1)   R2 2 (importance 2)   R3 3 (importance 3)
    capability B, item b1:  R1 0 (importance 3)   R2 1 (importance 3)   R3 0 (importance 3)
"""

from __future__ import annotations

import pytest

from sectorhub.assessments.scoring import (
    CapabilityDef,
    ItemDef,
    Rating,
    ranked_capabilities,
    ranked_items,
    score_cycle,
    stats,
)

STRUCTURE = [
    CapabilityDef("A", "Capability A", (ItemDef("a1", "Item a1"), ItemDef("a2", "Item a2"))),
    CapabilityDef("B", "Capability B", (ItemDef("b1", "Item b1"),)),
]
RATINGS = [
    Rating("R1", "A", "a1", 3, 3),
    Rating("R2", "A", "a1", 1, 2),
    Rating("R3", "A", "a1", None, 3),
    Rating("R1", "A", "a2", 2, 1),
    Rating("R2", "A", "a2", 2, 2),
    Rating("R3", "A", "a2", 3, 3),
    Rating("R1", "B", "b1", 0, 3),
    Rating("R2", "B", "b1", 1, 3),
    Rating("R3", "B", "b1", 0, 3),
]


@pytest.fixture
def results():
    cap_a, cap_b = score_cycle(STRUCTURE, RATINGS, top=3, disagreement_range=2)
    return cap_a, cap_b


def test_an_item_mean_and_spread_leave_dont_know_out(results):
    """a1: scores 3 and 1 (R3 did not know). Mean (3 + 1) / 2 = 2.0.
    Spread = population SD = sqrt(((3-2)² + (1-2)²) / 2) = sqrt(1) = 1.0. One don't know is counted.
    Importance counts all three answers: (3 + 2 + 3) / 3 = 8/3 = 2.6667. Gap 3 - 2 = 1; priority 1 × 8/3."""
    a1 = results[0].items[0]
    assert (a1.rated, a1.dont_know) == (2, 1)
    assert a1.mean == pytest.approx(2.0)
    assert a1.spread == pytest.approx(1.0)
    assert (a1.low, a1.high) == (1, 3)
    assert a1.importance == pytest.approx(8 / 3)
    assert a1.gap == pytest.approx(1.0)
    assert a1.priority == pytest.approx(8 / 3)


def test_a_second_item_worked_by_hand(results):
    """a2: scores 2, 2, 3. Mean 7/3 = 2.3333. Deviations -1/3, -1/3, +2/3; squares 1/9, 1/9, 4/9 sum 6/9;
    / 3 = 2/9; SD = sqrt(2/9) = 0.4714. Importance (1 + 2 + 3) / 3 = 2. Gap 3 - 7/3 = 2/3; priority 4/3."""
    a2 = results[0].items[1]
    assert a2.mean == pytest.approx(7 / 3)
    assert a2.spread == pytest.approx(0.47140, abs=1e-5)
    assert a2.importance == pytest.approx(2.0)
    assert a2.priority == pytest.approx(4 / 3)


def test_a_capability_weighs_each_respondent_once(results):
    """Capability A, per respondent: R1 (3 + 2) / 2 = 2.5, R2 (1 + 2) / 2 = 1.5, R3 only a2 = 3.0.
    Mean (2.5 + 1.5 + 3.0) / 3 = 7/3 = 2.3333, not the 11/5 = 2.2 of pooling the five scores.
    Deviations 1/6, -5/6, 2/3; squares 1/36 + 25/36 + 16/36 = 42/36; / 3 = 14/36; SD = 0.62361.
    Importance: six answers 3, 2, 3, 1, 2, 3 = 14 / 6 = 2.3333. Gap 2/3; priority 2/3 × 7/3 = 14/9 = 1.5556."""
    cap_a = results[0]
    assert cap_a.respondents == 3
    assert cap_a.mean == pytest.approx(7 / 3)
    assert cap_a.spread == pytest.approx(0.62361, abs=1e-5)
    assert (cap_a.low, cap_a.high) == (1.5, 3.0)
    assert cap_a.importance == pytest.approx(14 / 6)
    assert cap_a.priority == pytest.approx(14 / 9)


def test_capability_b_worked_by_hand(results):
    """b1: 0, 1, 0. Mean 1/3; SD sqrt(((1/3)² + (2/3)² + (1/3)²) / 3) = sqrt(6/27) = 0.4714.
    Importance 3; gap 3 - 1/3 = 8/3; priority 8.0."""
    cap_b = results[1]
    assert cap_b.mean == pytest.approx(1 / 3)
    assert cap_b.spread == pytest.approx(0.47140, abs=1e-5)
    assert cap_b.gap == pytest.approx(8 / 3)
    assert cap_b.priority == pytest.approx(8.0)


def test_disagreement_is_two_levels_apart_on_an_item(results):
    """a1 has 3 against 1: two levels apart, disputed. a2 (2 to 3) and b1 (0 to 1) are one level apart.
    Capability A is disputed because a1 is; B is not."""
    cap_a, cap_b = results
    assert [i.disputed for i in cap_a.items] == [True, False]
    assert cap_a.disputed and [i.key for i in cap_a.disputed_items] == ["a1"]
    assert not cap_b.disputed


@pytest.mark.parametrize(
    ("scores", "threshold", "disputed"),
    [
        ([1, 3], 2, True),  # emerging against established
        ([2, 3], 2, False),  # developing against established
        ([0, 1, 2], 2, True),  # lowest and highest two apart
        ([2, 3], 1, True),  # a stricter state sets the range to 1
        ([3], 2, False),  # one rating cannot disagree with itself
        ([0, None, 3], 3, True),  # don't know is not a rating; 0 against 3 is three apart
        ([None, None], 1, False),
    ],
)
def test_disagreement_rule(scores, threshold, disputed):
    structure = [CapabilityDef("X", "X", (ItemDef("x", "x"),))]
    ratings = [Rating(f"R{n}", "X", "x", s, 2) for n, s in enumerate(scores)]
    (cap,) = score_cycle(structure, ratings, top=3, disagreement_range=threshold)
    assert cap.items[0].disputed is disputed
    assert cap.disputed is disputed


def test_priorities_rank_by_gap_times_importance(results):
    """Capabilities: B 8.0 before A 1.5556. Items: b1 8.0, a1 8/3 = 2.667, a2 4/3 = 1.333."""
    assert [c.key for c in ranked_capabilities(results)] == ["B", "A"]
    assert [i.key for i in ranked_items(results)] == ["b1", "a1", "a2"]


def test_equal_priorities_go_to_the_larger_gap_then_the_instrument_order():
    """x: one rating of 1 (gap 2) at low importance 1 → priority 2. y: rating 2 (gap 1) at medium 2 → priority 2.
    z: same as y but later in the instrument. Equal priorities: x first (larger gap), then y before z."""
    structure = [CapabilityDef("C", "C", (ItemDef("z0", "z0"), ItemDef("y", "y"), ItemDef("x", "x")))]
    ratings = [
        Rating("R1", "C", "x", 1, 1),
        Rating("R1", "C", "y", 2, 2),
        Rating("R1", "C", "z0", 2, 2),
    ]
    (cap,) = score_cycle(structure, ratings, top=3, disagreement_range=2)
    assert [i.key for i in ranked_items([cap])] == ["x", "z0", "y"]


def test_a_capability_nobody_rated_has_no_mean_and_no_priority():
    """All don't know: counted, no mean, so it is left out of the priorities rather than ranked as zero."""
    structure = [CapabilityDef("D", "D", (ItemDef("d", "d"),))]
    (cap,) = score_cycle(structure, [Rating("R1", "D", "d", None, 3)], top=3, disagreement_range=2)
    assert cap.mean is None and cap.respondents == 0 and cap.items[0].dont_know == 1
    assert ranked_capabilities([cap]) == []


def test_stats_of_nothing_is_empty_and_of_one_value_has_no_spread():
    assert stats([]).mean is None
    assert stats([2]).spread == 0.0
