"""The funding demo: a braided $5 million fund, a decided round within its funds, an open round; idempotent."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.conf import settings

from sectorhub.funding.demo import extend_demo
from sectorhub.funding.models import (
    Application,
    Award,
    Budget,
    FundingStream,
    ReviewAssignment,
    Solicitation,
    TrainingProgram,
)
from sectorhub.funding.selectors.budgets import budget_summary
from sectorhub.funding.selectors.review import ranking
from sectorhub.funding.services.grants import is_open
from sectorhub.partnerships.demo import load_demo

pytestmark = pytest.mark.skipif(
    not (settings.SECTORHUB_DATA / "reference").is_dir(),
    reason="shared data folder (SECTORHUB_DATA) not present",
)


def _counts():
    return [
        m.objects.count() for m in (FundingStream, Solicitation, Application, Award, Budget, TrainingProgram)
    ]


@pytest.mark.django_db
def test_the_demo_loads_once_and_its_figures_add_up():
    """Streams 1.5M + 1.5M + 1.5M + 0.5M = 5M; awards 500,000 + 300,000 = 800,000 of 1,200,000; the first award's
    budget needs 250,000 × 25% = 62,500 match, met by verified cash 40,000 and in-kind 22,500 (of 25,000)."""
    load_demo(password="a demo password 123")
    extend_demo(password="a demo password 123")
    first = _counts()
    extend_demo(password="a demo password 123")
    assert _counts() == first == [4, 2, 5, 3, 3, 6]
    assert sum(s.amount for s in FundingStream.objects.all()) == Decimal("5000000.00")
    round1 = Solicitation.objects.get(title__contains="Round 1")
    assert not is_open(round1) and is_open(Solicitation.objects.get(title__contains="Round 2"))
    assert [r.rank for r in ranking(round1)] == [1, 2, 3]
    assert sorted(a.amount for a in Award.objects.filter(outcome="funded")) == [
        Decimal("300000.00"),
        Decimal("500000.00"),
    ]
    pending = ReviewAssignment.objects.get(
        reviewer__username="reviewer", application__solicitation__title__contains="Round 2"
    )
    assert pending.has_conflict is None  # the demo reviewer has work: declare, then score
    budget = Budget.objects.get(award__amount=Decimal("500000.00"))
    match = budget_summary(budget).match
    assert (match.required, match.cash, match.in_kind_counted, match.met) == (
        Decimal("62500.00"),
        Decimal("40000.00"),
        Decimal("22500.00"),
        True,
    )
