"""Balances per stream and per line, and the match an award or budget needs against what was leveraged.

Match rule (docs/funding.md): each line needs `amount × its stream's match share` (rounded to the cent). Verified
cash counts toward any stream's match and covers the cash-only streams first; verified in-kind counts only toward
streams that allow in-kind, together with any cash left over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from sectorhub.funding.models import (
    Budget,
    BudgetLine,
    Expenditure,
    FundingStream,
    LeveragedFund,
    LeveragedKind,
)
from sectorhub.funding.models.budgets import ZERO
from sectorhub.funding.money import CENT

_MONEY = DecimalField(max_digits=14, decimal_places=2)


@dataclass
class StreamBalance:
    """A stream's amount, what is obligated and spent from it, what is left to obligate and left unspent."""

    stream: FundingStream
    amount: Decimal
    obligated: Decimal
    spent: Decimal

    @property
    def available(self) -> Decimal:
        """Left to obligate."""
        return self.amount - self.obligated

    @property
    def unspent(self) -> Decimal:
        """Obligated but not yet spent."""
        return self.obligated - self.spent


@dataclass
class LineBalance:
    """A budget line with what was spent and what is left."""

    line: BudgetLine
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        """Left to spend on the line."""
        return self.line.amount - self.spent


@dataclass
class MatchStatus:
    """The match a budget needs and what verified leveraged funds count toward it."""

    required_cash_only: Decimal
    required_in_kind_ok: Decimal
    cash: Decimal
    in_kind: Decimal

    @property
    def required(self) -> Decimal:
        """All match required."""
        return self.required_cash_only + self.required_in_kind_ok

    @property
    def in_kind_counted(self) -> Decimal:
        """In-kind counted: only toward streams allowing it, after leftover cash."""
        leftover_cash = max(ZERO, self.cash - self.required_cash_only)
        return min(self.in_kind, max(ZERO, self.required_in_kind_ok - leftover_cash))

    @property
    def shortfall(self) -> Decimal:
        """Match still missing."""
        leftover_cash = max(ZERO, self.cash - self.required_cash_only)
        return max(ZERO, self.required_cash_only - self.cash) + max(
            ZERO, self.required_in_kind_ok - leftover_cash - self.in_kind
        )

    @property
    def met(self) -> bool:
        """Whether the match is met."""
        return self.shortfall == ZERO


@dataclass
class BudgetSummary:
    """A budget's lines with balances, totals by stream, and its match."""

    budget: Budget
    lines: list[LineBalance]
    by_stream: list[dict] = field(default_factory=list)
    match: MatchStatus | None = None

    @property
    def total(self) -> Decimal:
        """All obligated on the budget."""
        return sum((lb.line.amount for lb in self.lines), ZERO)

    @property
    def spent(self) -> Decimal:
        """All spent on the budget."""
        return sum((lb.spent for lb in self.lines), ZERO)

    @property
    def remaining(self) -> Decimal:
        """All left to spend on the budget."""
        return self.total - self.spent


def _sum(qs, column: str):
    return Coalesce(Subquery(qs.values(column)[:1]), Value(ZERO), output_field=_MONEY)


def stream_balances(streams=None) -> list[StreamBalance]:
    """Every stream (or those given) with obligated and spent amounts, in two aggregate subqueries."""
    obligated = (
        BudgetLine.objects.filter(stream=OuterRef("pk")).order_by().values("stream").annotate(t=Sum("amount"))
    )
    spent = (
        Expenditure.objects.filter(line__stream=OuterRef("pk"))
        .order_by()
        .values("line__stream")
        .annotate(t=Sum("amount"))
    )
    qs = (
        FundingStream.objects.all()
        if streams is None
        else FundingStream.objects.filter(pk__in=[s.pk for s in streams])
    )
    qs = qs.annotate(obligated_total=_sum(obligated, "t"), spent_total=_sum(spent, "t"))
    return [StreamBalance(s, s.amount, s.obligated_total, s.spent_total) for s in qs]


def stream_balance(stream: FundingStream) -> StreamBalance:
    """One stream's balance."""
    return stream_balances([stream])[0]


def _required(amount: Decimal, share: Decimal) -> Decimal:
    return (amount * share).quantize(CENT, rounding=ROUND_HALF_UP)


def match_status(budget: Budget, lines=None) -> MatchStatus:
    """The match the budget's lines require and the verified leveraged funds that count toward it."""
    lines = list(lines if lines is not None else budget.lines.select_related("stream"))
    cash_only = sum(
        (_required(x.amount, x.stream.match_share) for x in lines if not x.stream.match_in_kind), ZERO
    )
    in_kind_ok = sum(
        (_required(x.amount, x.stream.match_share) for x in lines if x.stream.match_in_kind), ZERO
    )
    funds = LeveragedFund.objects.filter(verified_at__isnull=False)
    if budget.award_id:
        funds = funds.filter(award_id=budget.award_id)
    else:
        funds = funds.filter(partnership_id=budget.partnership_id, award__isnull=True)
    totals = dict(funds.values_list("kind").annotate(t=Sum("amount")).order_by())
    return MatchStatus(
        required_cash_only=cash_only,
        required_in_kind_ok=in_kind_ok,
        cash=totals.get(LeveragedKind.CASH, ZERO),
        in_kind=totals.get(LeveragedKind.IN_KIND, ZERO),
    )


def budget_summary(budget: Budget) -> BudgetSummary:
    """A budget's lines with what is spent and left, totals per stream, and its match."""
    lines = list(
        budget.lines.select_related("stream").annotate(
            spent_total=Coalesce(Sum("expenditures__amount"), Value(ZERO), output_field=_MONEY)
        )
    )
    balances = [LineBalance(x, x.spent_total) for x in lines]
    by_stream: dict[int, dict] = {}
    for lb in balances:
        row = by_stream.setdefault(
            lb.line.stream_id, {"stream": lb.line.stream, "obligated": ZERO, "spent": ZERO, "remaining": ZERO}
        )
        row["obligated"] += lb.line.amount
        row["spent"] += lb.spent
        row["remaining"] += lb.remaining
    return BudgetSummary(budget, balances, list(by_stream.values()), match_status(budget, lines))


def budgets_for(user):
    """Budgets the user may see: all for signed-in state users and analysts; a convener's own partnerships'."""
    from sectorhub.core.permissions import role_of
    from sectorhub.core.roles import Role

    qs = Budget.objects.select_related("partnership", "award__application")
    if role_of(user) == Role.CONVENER:
        qs = qs.filter(partnership__in=_convener_partnerships(user))
    return qs


def _convener_partnerships(user):
    from django.db.models import Q

    from sectorhub.partnerships.models import Partnership

    return Partnership.objects.filter(Q(conveners=user) | Q(region__conveners=user)).distinct()


def leveraged_for(user):
    """Leveraged funds the user may see (a convener: their partnerships')."""
    from sectorhub.core.permissions import role_of
    from sectorhub.core.roles import Role

    qs = LeveragedFund.objects.select_related(
        "organization", "partnership", "award__application", "verified_by"
    )
    if role_of(user) == Role.CONVENER:
        qs = qs.filter(partnership__in=_convener_partnerships(user))
    return qs
