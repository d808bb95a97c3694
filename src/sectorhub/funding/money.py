"""Money arithmetic: Decimal dollars and cents, never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError

CENT = Decimal("0.01")


def to_money(value, field: str = "amount") -> Decimal:
    """A dollar amount as Decimal cents; floats are refused (they cannot hold cents exactly)."""
    if isinstance(value, float):
        raise TypeError("money must be Decimal, int or str, not float")
    try:
        amount = Decimal(str(value).replace(",", "").replace("$", "").strip())
    except InvalidOperation as exc:
        raise ValidationError({field: f"Not an amount of money: {value!r}."}) from exc
    if not amount.is_finite():
        raise ValidationError({field: f"Not an amount of money: {value!r}."})
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def dollars(value: Decimal) -> str:
    """$1,234.50."""
    return f"${value:,.2f}"
