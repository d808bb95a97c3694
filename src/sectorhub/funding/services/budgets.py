"""Funding streams, braided budgets, spending and leveraged funds.

Obligations (budget lines) never exceed what is left of a stream, and spending never exceeds what is left of a
line: both are checked inside one transaction after locking the stream or line row (select_for_update), so two
requests at once cannot both spend the last dollar.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from sectorhub.core.history import record
from sectorhub.funding.models import (
    Budget,
    BudgetLine,
    CostCategory,
    Expenditure,
    FundingStream,
    LeveragedFund,
    LeveragedKind,
)
from sectorhub.funding.models.budgets import ZERO
from sectorhub.funding.money import dollars, to_money
from sectorhub.funding.permissions import is_state

STREAM_FIELDS = {"name", "source", "description", "is_demo"}


def _require_state(user, what: str) -> None:
    if not is_state(user):
        raise PermissionDenied(f"Only state staff may {what}.")


def can_report_spending(user, budget: Budget) -> bool:
    """State staff, or a convener who may change the budget's partnership (the grantee reports its spending)."""
    from sectorhub.partnerships.permissions import can_change_partnership

    if is_state(user):
        return True
    partnership = budget.partnership or (budget.award.application.partnership if budget.award_id else None)
    return partnership is not None and can_change_partnership(user, partnership)


def obligated(stream: FundingStream):
    """Dollars obligated from a stream (the sum of its budget lines)."""
    return BudgetLine.objects.filter(stream=stream).aggregate(t=Sum("amount"))["t"] or ZERO


def spent_on_line(line: BudgetLine):
    """Dollars spent against a line."""
    return line.expenditures.aggregate(t=Sum("amount"))["t"] or ZERO


@transaction.atomic
def create_stream(
    *,
    user,
    name: str,
    source: str,
    amount,
    allowed_uses: list[str],
    available_from: dt.date,
    available_until: dt.date,
    match_share="0",
    match_in_kind: bool = False,
    description: str = "",
    is_demo: bool = False,
) -> FundingStream:
    """Register a funding stream with its allowed uses, match rule and period of availability."""
    _require_state(user, "register funding streams")
    unknown = sorted(set(allowed_uses) - set(CostCategory.values))
    if unknown:
        raise ValidationError({"allowed_uses": f"Unknown cost categories: {', '.join(unknown)}."})
    if not allowed_uses:
        raise ValidationError({"allowed_uses": "Name at least one cost category the stream may pay for."})
    if available_until < available_from:
        raise ValidationError({"available_until": "The period of availability ends before it starts."})
    stream = FundingStream(
        name=name,
        source=source,
        amount=to_money(amount),
        allowed_uses=[c for c in CostCategory.values if c in set(allowed_uses)],
        match_share=_share(match_share),
        match_in_kind=match_in_kind,
        available_from=available_from,
        available_until=available_until,
        description=description,
        is_demo=is_demo,
    )
    stream.full_clean()
    record(stream, user=user, reason="Funding stream registered")
    stream.save()
    return stream


def _share(value) -> Decimal:
    """A match share as Decimal: '0.25' or '25%'."""
    if isinstance(value, float):
        raise TypeError("match share must be Decimal or str, not float")
    try:
        share = Decimal(str(value).strip().rstrip("%"))
    except InvalidOperation as exc:
        raise ValidationError({"match_share": f"Not a share: {value!r}."}) from exc
    if str(value).strip().endswith("%"):
        share = share / 100
    return share.quantize(Decimal("0.0001"))


def _award_partnership(award, partnership):
    """The award's partnership; a different partnership given with it is a mistake worth naming."""
    own = award.application.partnership
    if partnership is not None and own is not None and partnership.pk != own.pk:
        raise ValidationError({"award": f"That award belongs to {own.name}, not {partnership.name}."})
    return own or partnership


@transaction.atomic
def create_budget(*, user, name: str, partnership=None, award=None, is_demo: bool = False) -> Budget:
    """Open a budget for a partnership or an award."""
    _require_state(user, "open budgets")
    if partnership is None and award is None:
        raise ValidationError({"partnership": "A budget belongs to a partnership or an award."})
    if award is not None:
        if award.outcome != "funded":
            raise ValidationError({"award": "Only a funded award has a budget."})
        partnership = _award_partnership(award, partnership)
    budget = Budget(name=name, partnership=partnership, award=award, is_demo=is_demo)
    budget.full_clean()
    record(budget, user=user, reason="Budget opened")
    budget.save()
    return budget


@transaction.atomic
def add_budget_line(
    *, user, budget: Budget, stream: FundingStream, category: str, amount, description: str = ""
):
    """Obligate `amount` from `stream` for `category` in `budget`, if the stream allows that use and has it left."""
    _require_state(user, "obligate funds")
    amount = to_money(amount)
    stream = FundingStream.objects.select_for_update().get(pk=stream.pk)
    if category not in CostCategory.values:
        raise ValidationError({"category": f"Unknown cost category {category!r}."})
    if not stream.allows(category):
        allowed = ", ".join(CostCategory(c).label for c in stream.allowed_uses) or "nothing"
        raise ValidationError(
            {
                "category": f"{stream.name} may not pay for {CostCategory(category).label.lower()} (it allows {allowed})."
            }
        )
    if amount <= ZERO:
        raise ValidationError({"amount": "The amount must be more than zero."})
    left = stream.amount - obligated(stream)
    if amount > left:
        raise ValidationError({"amount": f"{stream.name} has only {dollars(left)} left to obligate."})
    line, created = BudgetLine.objects.get_or_create(
        budget=budget,
        stream=stream,
        category=category,
        defaults={"amount": amount, "description": description},
    )
    if not created:
        line.amount += amount
        if description:
            line.description = description
    record(line, user=user, reason=f"Obligated {dollars(amount)}")
    line.save()
    return line


@transaction.atomic
def record_expenditure(*, user, line: BudgetLine, amount, spent_on: dt.date, description: str) -> Expenditure:
    """Record spending against a line: within the stream's period of availability and what is left of the line."""
    line = BudgetLine.objects.select_for_update().select_related("stream", "budget").get(pk=line.pk)
    if not can_report_spending(user, line.budget):
        raise PermissionDenied("You may record spending only on your own partnerships' budgets.")
    amount = to_money(amount)
    if amount <= ZERO:
        raise ValidationError({"amount": "The amount must be more than zero."})
    stream = line.stream
    if not stream.available_from <= spent_on <= stream.available_until:
        raise ValidationError(
            {
                "spent_on": f"{stream.name} is available from {stream.available_from:%b %-d, %Y} "
                f"to {stream.available_until:%b %-d, %Y}."
            }
        )
    left = line.amount - spent_on_line(line)
    if amount > left:
        raise ValidationError({"amount": f"Only {dollars(left)} is left on this line."})
    spending = Expenditure(
        line=line, amount=amount, spent_on=spent_on, description=description, recorded_by=user
    )
    spending.full_clean()
    record(spending, user=user, reason="Spending recorded")
    spending.save()
    return spending


@transaction.atomic
def record_leveraged(
    *,
    user,
    organization,
    kind: str,
    amount,
    source: str,
    received_on: dt.date,
    partnership=None,
    award=None,
    is_demo: bool = False,
) -> LeveragedFund:
    """Record a cash or in-kind contribution; it counts toward match once state staff verify it."""
    from sectorhub.partnerships.permissions import can_change_partnership

    if award is not None:
        partnership = _award_partnership(award, partnership)
    if partnership is None and award is None:
        raise ValidationError({"partnership": "Say which partnership or award the contribution supports."})
    if not (is_state(user) or (partnership is not None and can_change_partnership(user, partnership))):
        raise PermissionDenied("You may record contributions only to your own partnerships.")
    if kind not in LeveragedKind.values:
        raise ValidationError({"kind": "Choose cash or in-kind."})
    fund = LeveragedFund(
        organization=organization,
        partnership=partnership,
        award=award,
        kind=kind,
        amount=to_money(amount),
        source=source,
        received_on=received_on,
        is_demo=is_demo,
    )
    fund.full_clean()
    record(fund, user=user, reason="Contribution recorded")
    fund.save()
    return fund


@transaction.atomic
def verify_leveraged(*, user, fund: LeveragedFund) -> LeveragedFund:
    """State staff verify a contribution (the documentation was seen), so it counts toward match."""
    _require_state(user, "verify contributions")
    fund = LeveragedFund.objects.select_for_update().get(pk=fund.pk)
    fund.verified_by = user
    fund.verified_at = timezone.now()
    record(fund, user=user, reason="Contribution verified")
    fund.save()
    return fund
