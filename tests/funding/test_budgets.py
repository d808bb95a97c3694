"""Braided budgets: balances per stream and per line, allowed uses, periods, and match, worked by hand.

The two streams of every test:
- A, WIOA governor's reserve: $100,000 for staff, training and convening; 25% match, cash only.
- B, SNAP E&T: $60,000 for training and supportive services; 50% match, in-kind counts.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sectorhub.core.roles import Role
from sectorhub.funding import services
from sectorhub.funding.selectors.budgets import budget_summary, stream_balance
from tests.funding.factories import FundingStreamFactory
from tests.partnerships.factories import OrganizationFactory, PartnershipFactory

D = Decimal


@pytest.fixture
def braided(staff):
    """Streams A and B, and budget X for one partnership with four lines (A staff 40,000; A training 20,000;
    B training 30,000; B supportive services 10,000) and budget Y with A convening 30,000."""
    a = FundingStreamFactory(name="A", amount=D("100000"), match_share=D("0.25"), match_in_kind=False)
    b = FundingStreamFactory(
        name="B",
        source="snap_et",
        amount=D("60000"),
        allowed_uses=["training", "supportive_services"],
        match_share=D("0.5"),
        match_in_kind=True,
    )
    partnership = PartnershipFactory()
    x = services.create_budget(user=staff, name="X", partnership=partnership)
    y = services.create_budget(user=staff, name="Y", partnership=PartnershipFactory())
    lines = {
        "a_staff": services.add_budget_line(user=staff, budget=x, stream=a, category="staff", amount="40000"),
        "a_training": services.add_budget_line(
            user=staff, budget=x, stream=a, category="training", amount="20000"
        ),
        "b_training": services.add_budget_line(
            user=staff, budget=x, stream=b, category="training", amount="30000"
        ),
        "b_support": services.add_budget_line(
            user=staff, budget=x, stream=b, category="supportive_services", amount="10000"
        ),
    }
    services.add_budget_line(user=staff, budget=y, stream=a, category="convening", amount="30000")
    return {"a": a, "b": b, "x": x, "y": y, "p": partnership, **lines}


def test_obligations_are_summed_per_stream_across_budgets(braided):
    """A: 40,000 + 20,000 (X) + 30,000 (Y) = 90,000 obligated, 10,000 left. B: 30,000 + 10,000 = 40,000, 20,000 left."""
    a, b = stream_balance(braided["a"]), stream_balance(braided["b"])
    assert (a.obligated, a.available) == (D("90000.00"), D("10000.00"))
    assert (b.obligated, b.available) == (D("40000.00"), D("20000.00"))


def test_an_obligation_above_what_is_left_of_the_stream_is_refused(braided, staff):
    """A has 10,000.00 left: 10,000.01 is refused and nothing changes; exactly 10,000.00 leaves 0."""
    with pytest.raises(ValidationError, match=r"only \$10,000.00 left"):
        services.add_budget_line(
            user=staff, budget=braided["x"], stream=braided["a"], category="staff", amount="10000.01"
        )
    assert stream_balance(braided["a"]).available == D("10000.00")
    services.add_budget_line(
        user=staff, budget=braided["x"], stream=braided["a"], category="staff", amount="10000"
    )
    assert stream_balance(braided["a"]).available == D("0.00")
    braided["a_staff"].refresh_from_db()
    assert braided["a_staff"].amount == D("50000.00")


def test_a_line_must_be_an_allowed_use_of_its_stream(braided, staff):
    """B pays for training and supportive services only; A does not pay for equipment."""
    with pytest.raises(ValidationError, match="may not pay for staff"):
        services.add_budget_line(
            user=staff, budget=braided["x"], stream=braided["b"], category="staff", amount="1"
        )
    with pytest.raises(ValidationError, match="may not pay for equipment"):
        services.add_budget_line(
            user=staff, budget=braided["x"], stream=braided["a"], category="equipment", amount="1"
        )


def test_spending_leaves_the_remaining_balance_per_line_and_per_stream(braided, staff):
    """A staff: 12,500.50 + 7,499.50 = 20,000 spent of 40,000, 20,000 left. B training: 30,000 of 30,000, 0 left.

    Budget X: 100,000 obligated, 50,000 spent, 50,000 left; by stream A 60,000 / 20,000 / 40,000 and
    B 40,000 / 30,000 / 10,000. Stream A: 20,000 spent, 70,000 obligated but unspent.
    """
    day = dt.date(2026, 3, 1)
    services.record_expenditure(
        user=staff, line=braided["a_staff"], amount="12500.50", spent_on=day, description="Q1"
    )
    services.record_expenditure(
        user=staff, line=braided["a_staff"], amount="7499.50", spent_on=day, description="Q1"
    )
    services.record_expenditure(
        user=staff, line=braided["b_training"], amount="30000", spent_on=day, description="T"
    )
    summary = budget_summary(braided["x"])
    by_line = {(lb.line.stream.name, lb.line.category): lb for lb in summary.lines}
    assert (by_line[("A", "staff")].spent, by_line[("A", "staff")].remaining) == (
        D("20000.00"),
        D("20000.00"),
    )
    assert by_line[("B", "training")].remaining == D("0.00")
    assert (summary.total, summary.spent, summary.remaining) == (D("100000.00"), D("50000.00"), D("50000.00"))
    streams = {row["stream"].name: row for row in summary.by_stream}
    assert (streams["A"]["obligated"], streams["A"]["spent"], streams["A"]["remaining"]) == (
        D("60000.00"),
        D("20000.00"),
        D("40000.00"),
    )
    assert (streams["B"]["obligated"], streams["B"]["spent"], streams["B"]["remaining"]) == (
        D("40000.00"),
        D("30000.00"),
        D("10000.00"),
    )
    balance = stream_balance(braided["a"])
    assert (balance.spent, balance.unspent) == (D("20000.00"), D("70000.00"))
    with pytest.raises(ValidationError, match=r"Only \$0.00 is left"):
        services.record_expenditure(
            user=staff, line=braided["b_training"], amount="0.01", spent_on=day, description="x"
        )


def test_spending_outside_the_period_of_availability_is_refused(braided, staff):
    """A is available through December 31, 2026."""
    with pytest.raises(ValidationError, match="available from"):
        services.record_expenditure(
            user=staff, line=braided["a_staff"], amount="1", spent_on=dt.date(2027, 1, 5), description="late"
        )


def test_floats_are_refused_as_money(braided, staff):
    """0.1 + 0.2 is not 0.3 in binary floating point; money comes in as Decimal or text."""
    with pytest.raises(TypeError):
        services.add_budget_line(
            user=staff, budget=braided["x"], stream=braided["b"], category="training", amount=0.3
        )


def _fund(staff, braided, kind, amount, verify=True):
    fund = services.record_leveraged(
        user=staff,
        organization=OrganizationFactory(),
        partnership=braided["p"],
        kind=kind,
        amount=amount,
        source="employer",
        received_on=dt.date(2026, 2, 1),
    )
    if verify:
        services.verify_leveraged(user=staff, fund=fund)
    return fund


def test_match_counts_in_kind_only_toward_streams_that_allow_it(braided, staff):
    """X needs (40,000 + 20,000) × 25% = 15,000 cash toward A and (30,000 + 10,000) × 50% = 20,000 toward B.

    Verified cash 18,000 covers A's 15,000 and leaves 3,000 for B; verified in-kind 25,000 is counted only up to
    B's remaining 17,000. An unverified 5,000 does not count. Shortfall 0: met.
    """
    _fund(staff, braided, "cash", "18000")
    _fund(staff, braided, "in_kind", "25000")
    _fund(staff, braided, "cash", "5000", verify=False)
    match = budget_summary(braided["x"]).match
    assert (match.required_cash_only, match.required_in_kind_ok, match.required) == (
        D("15000.00"),
        D("20000.00"),
        D("35000.00"),
    )
    assert (match.cash, match.in_kind, match.in_kind_counted) == (D("18000.00"), D("25000.00"), D("17000.00"))
    assert match.shortfall == D("0.00") and match.met


def test_in_kind_cannot_meet_a_cash_only_match(braided, staff):
    """Cash 10,000 and in-kind 30,000: A still lacks 15,000 - 10,000 = 5,000 (in-kind does not count for A);
    B's 20,000 is covered by in-kind. Shortfall 5,000."""
    _fund(staff, braided, "cash", "10000")
    _fund(staff, braided, "in_kind", "30000")
    match = budget_summary(braided["x"]).match
    assert match.shortfall == D("5000.00") and not match.met


def test_only_state_staff_obligate_and_a_convener_spends_only_on_their_own_partnership(braided, make_user):
    """A convener assigned to X's partnership records spending on it, not on Y's; nobody but staff obligates."""
    convener = make_user(Role.CONVENER, username="conv")
    braided["p"].conveners.add(convener)
    with pytest.raises(PermissionDenied):
        services.add_budget_line(
            user=convener, budget=braided["x"], stream=braided["a"], category="staff", amount="1"
        )
    services.record_expenditure(
        user=convener, line=braided["a_staff"], amount="100", spent_on=dt.date(2026, 4, 1), description="ok"
    )
    y_line = braided["y"].lines.get()
    with pytest.raises(PermissionDenied):
        services.record_expenditure(
            user=convener, line=y_line, amount="100", spent_on=dt.date(2026, 4, 1), description="no"
        )


def test_every_obligation_is_in_history(braided, staff):
    """The line's history says who obligated what."""
    row = braided["a_staff"].history.first()
    assert row.history_user == staff and row.history_change_reason == "Obligated $40,000.00"
