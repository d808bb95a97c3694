"""Known answers for the outcome rules (docs/methods-outcomes.md), on hand-built cohorts, on every backend.

The rules cohort gives each rule its own program, so one run per backend answers every case: program-year 2023
(exits 2023-07-01 .. 2024-06-30), wages complete through 2025Q1 (the file also has 2025Q2 rows, which must be
ignored). Quarter arithmetic used below: an exit in 2023Q3 has Q2 = 2024Q1 and Q4 = 2024Q3; an exit in 2024Q2 has
Q2 = 2024Q4 and Q4 = 2025Q2 (later than 2025Q1, so not yet available).
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from sectorhub.lmi.backends import put_table
from sectorhub.lmi.outcomes import cells_from_counts, count_outcomes, program_year_window
from sectorhub.lmi.sources.records import PARTICIPANT_COLUMNS
from tests.lmi.conftest import BACKENDS

D = dt.date.fromisoformat
ENTRY = "2023-01-02"


def person(
    pid, program, exit_date, *, partnership=None, exclusion=None, training=None, cred=None, entry=ENTRY
):
    """One period of participation; ``cred`` is (credential_type, credential_date)."""
    ctype, cdate = cred or (None, None)
    return (
        pid,
        program,
        partnership,
        D(entry),
        exit_date and D(exit_date),
        exclusion,
        training,
        cdate and D(cdate),
        ctype,
    )


RULES_PEOPLE = [
    # Exit window edges: first and last day in; the day before and the day after out; no exit yet out.
    person("e1", "edges", "2023-07-01"),
    person("e2", "edges", "2024-06-30"),
    person("e3", "edges", "2023-06-30"),
    person("e4", "edges", "2024-07-01"),
    person("e5", "edges", None),
    # Exclusions leave the cohort.
    person("x1", "excluded", "2023-08-01", exclusion="health"),
    person("x2", "excluded", "2023-08-01", exclusion="deceased"),
    person("x3", "excluded", "2023-08-01"),
    # Not-yet-available quarters and wages beyond --wages-through.
    person("l1", "late", "2024-05-15"),
    person("l2", "late", "2023-09-30"),
    person("l3", "late", "2023-10-01"),
    # Zero-wage rows.
    person("z1", "zero", "2023-08-01"),
    person("z2", "zero", "2023-08-01"),
    # Two employers in one quarter are summed.
    person("t1", "two", "2023-08-01"),
    person("t2", "two", "2023-08-01"),
    person("t3", "two", "2023-08-01"),
    person("t4", "two", "2023-08-01"),
    # Same-employer retention.
    *[person(f"r{i}", "retain", "2023-08-01") for i in range(1, 6)],
    person("r6", "retain", "2024-05-01"),
    # Credentials.
    person("c1", "cred", "2023-08-01", training="occupational", cred=("certificate", "2023-11-09")),
    person("c2", "cred", "2023-08-01", training="other", cred=("license", "2024-07-31")),
    person("c3", "cred", "2023-08-01", training="other", cred=("license", "2024-08-01")),
    person(
        "c4",
        "cred",
        "2023-08-01",
        training="occupational",
        cred=("certificate", "2023-02-01"),
        entry="2023-03-01",
    ),
    person("c5", "cred", "2023-08-01", training="ojt", cred=("certificate", "2023-09-01")),
    person("c6", "cred", "2023-08-01", training="customized", cred=("certificate", "2023-09-01")),
    person("c7", "cred", "2023-08-01", training="occupational", cred=("diploma", "2023-07-15")),
    person("c8", "cred", "2023-08-01", training="occupational", cred=("diploma", "2023-07-15")),
    person("c9", "cred", "2023-08-01", training="occupational"),
    person("c10", "cred", "2024-05-01", training="occupational", cred=("certificate", "2024-06-01")),
    person("c11", "cred", "2023-08-01", cred=("certificate", "2023-09-01")),
]

RULES_WAGES = [
    ("e1", 2024, 1, "E1", 100),
    ("e2", 2024, 4, "E1", 100),
    ("e3", 2023, 4, "E1", 100),
    ("e4", 2025, 1, "E1", 100),
    ("x1", 2024, 1, "E1", 100),
    ("x2", 2024, 1, "E1", 100),
    ("x3", 2024, 1, "E1", 100),
    ("l1", 2024, 4, "E1", 500),
    ("l1", 2025, 2, "E1", 700),
    ("l2", 2024, 1, "E1", 400),
    ("l2", 2024, 3, "E1", 0),
    ("z1", 2024, 1, "E1", 0),
    ("z2", 2024, 1, "E1", 0),
    ("z2", 2024, 1, "E2", 250),
    ("t1", 2024, 1, "E1", 300),
    ("t1", 2024, 1, "E2", 200),
    ("t2", 2024, 1, "E1", 1000),
    ("t3", 2024, 1, "E3", 100),
    ("t4", 2024, 1, "E4", 700),
    ("r1", 2024, 1, "E1", 100),
    ("r1", 2024, 3, "E1", 100),
    ("r2", 2024, 1, "E1", 100),
    ("r2", 2024, 3, "E2", 100),
    ("r3", 2024, 1, "E1", 100),
    ("r3", 2024, 1, "E2", 100),
    ("r3", 2024, 3, "E2", 50),
    ("r4", 2024, 1, "E1", 100),
    ("r4", 2024, 3, "E1", 0),
    ("r4", 2024, 3, "E3", 100),
    ("r5", 2024, 3, "E1", 100),
    ("r6", 2024, 4, "E1", 100),
    ("r6", 2025, 2, "E1", 100),
    ("c7", 2024, 2, "E1", 900),
    ("c8", 2023, 3, "E1", 900),
]


def participants_table(rows) -> pa.Table:
    """Arrow participants in the layout of sources.records.read_participants."""
    cols = list(zip(*rows, strict=True))
    types = [
        pa.string(),
        pa.string(),
        pa.string(),
        pa.date32(),
        pa.date32(),
        pa.string(),
        pa.string(),
        pa.date32(),
        pa.string(),
    ]
    return pa.table({n: pa.array(c, t) for n, c, t in zip(PARTICIPANT_COLUMNS, cols, types, strict=True)})


def wages_table(rows) -> pa.Table:
    """Arrow wage records in the layout of sources.records.read_wages."""
    pid, year, quarter, employer, wages = zip(*rows, strict=True)
    return pa.table(
        {
            "participant_id": pa.array(pid, pa.string()),
            "year": pa.array(year, pa.int32()),
            "quarter": pa.array(quarter, pa.int32()),
            "employer_id": pa.array(employer, pa.string()),
            "wages": pa.array([float(w) for w in wages], pa.float64()),
        }
    )


def run(con, people, wages, **window) -> list[dict]:
    """The per-group counts of one cohort on one backend."""
    return count_outcomes(
        put_table(con, "participants", participants_table(people)),
        put_table(con, "wages", wages_table(wages)),
        **window,
    )


@pytest.fixture(scope="module", params=BACKENDS)
def rules(request, engine_backend):
    """Cells of the rules cohort (no suppression) on one backend, keyed by (indicator, group_by, group)."""
    start, end = program_year_window(2023)
    counts = run(
        engine_backend(request.param),
        RULES_PEOPLE,
        RULES_WAGES,
        exits_from=start,
        exits_to=end,
        wages_through="2025Q1",
    )
    return {(c.indicator, c.group_by, c.group): c for c in cells_from_counts(counts, min_cell=1)}


def rate(cells, indicator, group, group_by="program"):
    """(numerator, denominator) of one cell."""
    c = cells[(indicator, group_by, group)]
    return c.numerator, c.denominator


def test_the_exit_window_includes_both_edge_days_and_nothing_outside(rules):
    """e1 (2023-07-01) and e2 (2024-06-30) are in; e3, e4 and e5 (no exit) are out although employed."""
    assert rate(rules, "employment_q2", "edges") == (2, 2)


def test_excluded_periods_leave_the_cohort(rules):
    """x1 (health) and x2 (deceased) leave; only x3 counts."""
    assert rate(rules, "employment_q2", "excluded") == (1, 1)


def test_a_quarter_after_wages_through_is_left_out_not_counted_as_not_employed(rules):
    """Q2: l1 (2024Q4, 500), l2 (2024Q1, 400) employed, l3 (2024Q2, nothing) not: 2/3.
    Q4: l1's is 2025Q2, after 2025Q1, so left out although the file pays 700 then; l2 (2024Q3, zero) and l3
    not employed: 0/2."""
    assert rate(rules, "employment_q2", "late") == (2, 3)
    assert rate(rules, "employment_q4", "late") == (0, 2)


def test_a_zero_wage_row_is_not_employment(rules):
    """z1 has only a zero row; z2 a zero row and 250 from another employer: 1/2 employed, median 250."""
    assert rate(rules, "employment_q2", "zero") == (1, 2)
    assert rules[("median_earnings_q2", "program", "zero")].value == 250.0


def test_wages_from_two_employers_in_one_quarter_are_summed_before_the_median(rules):
    """Q2 wages 300+200=500, 1000, 100, 700; sorted 100, 500, 700, 1000; the even count takes (500+700)/2."""
    cell = rules[("median_earnings_q2", "program", "two")]
    assert (cell.numerator, cell.denominator, cell.value) == (None, 4, 600.0)


def test_retention_needs_one_employer_paying_in_both_q2_and_q4(rules):
    """r1 E1 in both: yes. r2 E1 then E2: no. r3 E1+E2 then E2: yes. r4 E1 then E1 at zero and E3: no.
    r5 not employed in Q2 and r6 (Q4 2025Q2 not available) are not in the denominator: 2/4."""
    assert rate(rules, "retention_same_employer", "retain") == (2, 4)


def test_credential_attainment_window_ojt_and_diploma_rules(rules):
    """Denominator c1 c2 c3 c4 c7 c8 c9 = 7: c5 (OJT) and c6 (customized) are left out, c10's follow-up year
    ends in 2025Q2 (not complete), c11 had no training. Numerator: c1 (certificate), c2 (license on exit+365
    exactly), c7 (diploma, employed in 2024Q2, the third quarter after exit) = 3; c3 (exit+366), c4 (before
    entry), c8 (diploma, paid only in the exit quarter) and c9 (none) do not count."""
    assert rate(rules, "credential_attainment", "cred") == (3, 7)


def test_the_all_row_counts_every_cohort_period(rules):
    """Cohort: edges 2 + excluded 1 + late 3 + zero 2 + two 4 + retain 6 + cred 11 = 29 periods; Q2 available
    for all of them (the latest exit quarter, 2024Q2, has Q2 = 2024Q4)."""
    assert rules[("employment_q2", "all", "")].denominator == 29
    assert ("employment_q2", "partnership", "") not in rules


# One person, two periods in the window: "first" exits 2023-08-01 (2023Q3: Q2 = 2024Q1, Q4 = 2024Q3), "second"
# enters after it and exits 2024-02-01 (2024Q1: Q2 = 2024Q3, Q4 = 2025Q1). The 2024Q3 wages are the first
# period's Q4 and the second's Q2; the 2024Q2 row is neither period's Q2 or Q4.
TWICE_PEOPLE = [
    person("m", "first", "2023-08-01"),
    person("m", "second", "2024-02-01", entry="2023-09-01"),
]
TWICE_WAGES = [
    ("m", 2024, 1, "E1", 400),
    ("m", 2024, 2, "E3", 50),
    ("m", 2024, 3, "E1", 900),
    ("m", 2025, 1, "E2", 300),
]


@pytest.fixture(scope="module", params=BACKENDS)
def twice(request, engine_backend):
    """Cells of the two-period cohort (no suppression), wages through 2025Q1."""
    start, end = program_year_window(2023)
    counts = run(
        engine_backend(request.param),
        TWICE_PEOPLE,
        TWICE_WAGES,
        exits_from=start,
        exits_to=end,
        wages_through="2025Q1",
    )
    return {(c.indicator, c.group_by, c.group): c for c in cells_from_counts(counts, min_cell=1)}


def test_a_person_with_two_periods_counts_twice_each_with_its_own_quarters(twice):
    """first: Q2 400 (E1), Q4 900 (E1): employed both, retained. second: Q2 900 (E1), Q4 300 (E2): employed both,
    not retained. All: 2/2 and 2/2 employed, retention 1/2, median of 400 and 900 = 650."""
    assert rate(twice, "employment_q2", "first") == (1, 1)
    assert rate(twice, "employment_q4", "second") == (1, 1)
    assert rate(twice, "retention_same_employer", "first") == (1, 1)
    assert rate(twice, "retention_same_employer", "second") == (0, 1)
    assert twice[("median_earnings_q2", "program", "first")].value == 400.0
    assert twice[("median_earnings_q2", "program", "second")].value == 900.0
    assert rate(twice, "employment_q2", "", "all") == (2, 2)
    assert rate(twice, "employment_q4", "", "all") == (2, 2)
    assert rate(twice, "retention_same_employer", "", "all") == (1, 2)
    assert twice[("median_earnings_q2", "all", "")].value == 650.0


# Suppression: programs A (5 periods), B (4), C (1), all exiting 2023-08-01 (Q2 = 2024Q1); partnership P1 holds
# A's periods, P2 B's, and C has none. Employed in Q2: 3 of A, 2 of B, C's one.
SUPPRESSION_PEOPLE = [
    *[person(f"a{i}", "A", "2023-08-01", partnership="P1") for i in range(5)],
    *[person(f"b{i}", "B", "2023-08-01", partnership="P2") for i in range(4)],
    person("c0", "C", "2023-08-01"),
]
SUPPRESSION_WAGES = [
    ("a0", 2024, 1, "E1", 100),
    ("a1", 2024, 1, "E1", 200),
    ("a2", 2024, 1, "E1", 300),
    ("b0", 2024, 1, "E1", 100),
    ("b1", 2024, 1, "E1", 100),
    ("c0", 2024, 1, "E1", 5000),
]


@pytest.fixture(scope="module", params=BACKENDS)
def suppressed(request, engine_backend):
    """Cells of the suppression cohort with --min-cell 3, wages through 2024Q1."""
    counts = run(
        engine_backend(request.param),
        SUPPRESSION_PEOPLE,
        SUPPRESSION_WAGES,
        exits_from=D("2023-07-01"),
        exits_to=D("2024-06-30"),
        wages_through="2024Q1",
    )
    return {(c.indicator, c.group_by, c.group): c for c in cells_from_counts(counts, min_cell=3)}


def test_a_cell_below_min_cell_shows_no_value_and_no_numerator(suppressed):
    """C: 1 of 1 employed; denominator 1 < 3, so suppressed; the denominator stays."""
    c = suppressed[("employment_q2", "program", "C")]
    assert (c.numerator, c.denominator, c.value, c.suppressed) == (None, 1, None, True)


def test_the_smallest_other_part_is_suppressed_so_the_small_one_cannot_be_recovered(suppressed):
    """All 6/10 minus A 3/5 would give C if B (2/4) stayed shown, so B is suppressed too; A stays."""
    assert suppressed[("employment_q2", "all", "")].numerator == 6
    assert suppressed[("employment_q2", "program", "A")].value == 0.6
    b = suppressed[("employment_q2", "program", "B")]
    assert (b.numerator, b.value, b.suppressed) == (None, None, True)


def test_periods_without_a_partnership_count_as_a_hidden_part_of_the_partnership_margin(suppressed):
    """The 10 periods minus P1 (5) and P2 (4) leave C's one, with no partnership: 6 - 3 - 2 = 1 would reveal it,
    so P2 (the smaller part) is suppressed; P1 stays 3/5."""
    assert suppressed[("employment_q2", "partnership", "P2")].suppressed
    assert suppressed[("employment_q2", "partnership", "P1")].numerator == 3


def test_a_median_is_suppressed_below_min_cell_but_has_no_complement(suppressed):
    """Employed: A 3 (100, 200, 300: median 200), B 2 (< 3, suppressed); all six 100, 100, 100, 200, 300, 5000
    take (100+200)/2 = 150. A median cannot be recovered by subtraction, so it gets no complement."""
    assert suppressed[("median_earnings_q2", "program", "A")].value == 200.0
    assert suppressed[("median_earnings_q2", "program", "B")].suppressed
    assert suppressed[("median_earnings_q2", "all", "")].value == 150.0


def test_a_group_with_no_denominator_does_not_force_a_complement(suppressed):
    """Wages through 2024Q1: no Q4 is available, so every employment_q4 denominator is 0 and all are suppressed;
    credential attainment has no trained period at all."""
    assert all(c.suppressed for k, c in suppressed.items() if k[0] == "employment_q4")
