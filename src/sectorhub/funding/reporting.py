"""The funding section of the annual report: costs and leveraged funds (found by core.discovery.app_modules).

Rows: dollars obligated and spent in the period, verified leveraged cash and in-kind, competitive awards made.
The table is by partnership. With public=True only records the public may see count (awards of published
solicitations to public partnerships; budgets and contributions of public partnerships), and partnerships with
fewer than SMALL_CELL contributing organizations are folded into "Other partnerships" so no single organization's
contribution can be read off.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Q, Sum

from sectorhub.funding.models import BudgetLine, Expenditure, LeveragedFund, LeveragedKind
from sectorhub.funding.models.budgets import ZERO
from sectorhub.funding.selectors.public import public_funding

SMALL_CELL = 3


def annual_report_section(*, start: dt.date, end: dt.date, public: bool) -> dict | None:
    """Costs and leveraged funds between `start` and `end` (inclusive)."""
    spending = Expenditure.objects.filter(spent_on__gte=start, spent_on__lte=end)
    funds = LeveragedFund.objects.filter(
        verified_at__isnull=False, received_on__gte=start, received_on__lte=end
    )
    lines = BudgetLine.objects.filter(budget__created_at__date__lte=end)
    awards = public_funding("awards").filter(decided_at__date__gte=start, decided_at__date__lte=end)
    if public:
        spending = spending.filter(line__budget__partnership__is_public=True)
        funds = funds.filter(partnership__is_public=True)
        lines = lines.filter(budget__partnership__is_public=True)
    obligated = lines.aggregate(t=Sum("amount"))["t"] or ZERO
    spent = spending.aggregate(t=Sum("amount"))["t"] or ZERO
    by_kind = dict(funds.values_list("kind").annotate(t=Sum("amount")).order_by())
    award_totals = awards.aggregate(n=Count("id"), t=Sum("amount"))
    if not (obligated or spent or by_kind or award_totals["n"]):
        return None
    rows = [
        {"label": "Obligated from funding streams", "value": obligated, "unit": "dollars"},
        {"label": "Spent", "value": spent, "unit": "dollars"},
        {
            "label": "Leveraged cash (verified)",
            "value": by_kind.get(LeveragedKind.CASH, ZERO),
            "unit": "dollars",
        },
        {
            "label": "Leveraged in-kind (verified)",
            "value": by_kind.get(LeveragedKind.IN_KIND, ZERO),
            "unit": "dollars",
        },
        {"label": "Competitive awards made", "value": award_totals["n"], "unit": "count"},
        {"label": "Competitive awards, dollars", "value": award_totals["t"] or ZERO, "unit": "dollars"},
    ]
    return {
        "key": "funding",
        "title": "Costs and leveraged funds",
        "rows": rows,
        "table": _by_partnership(spending, funds, awards, public),
        "note": (
            f"{start:%B %-d, %Y} to {end:%B %-d, %Y}. Spending and awards are dated when made; leveraged funds count "
            "once state staff verify them."
            + (
                f" Partnerships with fewer than {SMALL_CELL} contributing organizations are combined."
                if public
                else ""
            )
        ),
    }


def _by_partnership(spending, funds, awards, public: bool) -> dict:
    """Spent, leveraged cash, in-kind and awarded dollars per partnership (small cells folded when public)."""
    table: dict[str, dict] = {}

    def row(name):
        return table.setdefault(
            name, {"spent": ZERO, "cash": ZERO, "in_kind": ZERO, "awarded": ZERO, "orgs": 0}
        )

    for name, total in (
        spending.values_list("line__budget__partnership__name").annotate(t=Sum("amount")).order_by()
    ):
        row(name or "No partnership")["spent"] += total
    grouped = funds.values_list("partnership__name").annotate(
        cash=Sum("amount", filter=Q(kind=LeveragedKind.CASH)),
        in_kind=Sum("amount", filter=Q(kind=LeveragedKind.IN_KIND)),
        orgs=Count("organization", distinct=True),
    )
    for name, cash, in_kind, orgs in grouped.order_by():
        r = row(name or "No partnership")
        r["cash"] += cash or ZERO
        r["in_kind"] += in_kind or ZERO
        r["orgs"] += orgs
    for name, total in (
        awards.values_list("application__partnership__name").annotate(t=Sum("amount")).order_by()
    ):
        row(name or "No partnership")["awarded"] += total
    if public:
        folded = {"spent": ZERO, "cash": ZERO, "in_kind": ZERO, "awarded": ZERO, "orgs": 0}
        for name in [n for n, r in table.items() if 0 < r["orgs"] < SMALL_CELL]:
            r = table.pop(name)
            for key in folded:
                folded[key] += r[key]
        if folded["orgs"]:
            table["Other partnerships"] = folded
    rows = [
        [name, _d(r["spent"]), _d(r["cash"]), _d(r["in_kind"]), _d(r["awarded"])]
        for name, r in sorted(table.items(), key=lambda kv: (kv[0] == "Other partnerships", kv[0]))
    ]
    return {
        "columns": ["Partnership", "Spent ($)", "Leveraged cash ($)", "Leveraged in-kind ($)", "Awarded ($)"],
        "rows": rows,
    }


def _d(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"))
