"""Live evidence for the self-assessment's policy capability (found by core.discovery.app_modules)."""

from __future__ import annotations

from django.db.models import Count, Sum

from sectorhub.core.evidence import Evidence
from sectorhub.funding.models import Award, Budget, LeveragedFund, Outcome, PolicyCheck
from sectorhub.funding.models.budgets import ZERO
from sectorhub.funding.money import dollars


def competitive_awards(*, user, region=None) -> Evidence:
    """Funded competitive awards and their dollars (in the region's partnerships when a region is given)."""
    awards = Award.objects.filter(outcome=Outcome.FUNDED)
    if region is not None:
        awards = awards.filter(application__partnership__region=region)
    totals = awards.aggregate(
        n=Count("id"), t=Sum("amount"), rounds=Count("application__solicitation", distinct=True)
    )
    n = totals["n"]
    where = f" to partnerships in {region.name}" if region is not None else ""
    return Evidence(
        source="funding_competitive_awards",
        label="Competitive grants",
        summary=f"{n} competitive award{'s' if n != 1 else ''}{where} from {totals['rounds']} solicitation"
        f"{'s' if totals['rounds'] != 1 else ''}, {dollars(totals['t'] or ZERO)} in all",
        value=n,
    )


def policies_in_place(*, user, region=None) -> Evidence:
    """How many of the brief's six administrative policies the state has in place."""
    checks = list(PolicyCheck.objects.all())
    in_place = [c for c in checks if c.state == PolicyCheck.State.IN_PLACE]
    return Evidence(
        source="funding_policies_in_place",
        label="Administrative policies",
        summary=f"{len(in_place)} of {len(checks)} administrative policies in place"
        + (f": {', '.join(c.get_key_display().lower() for c in in_place)}" if in_place else ""),
        value=len(in_place) / len(checks) if checks else None,
    )


def braided_budgets(*, user, region=None) -> Evidence:
    """Partnership budgets braided from two or more streams, and verified leveraged funds."""
    budgets = Budget.objects.annotate(streams=Count("lines__stream", distinct=True))
    funds = LeveragedFund.objects.filter(verified_at__isnull=False)
    if region is not None:
        budgets = budgets.filter(partnership__region=region)
        funds = funds.filter(partnership__region=region)
    braided = budgets.filter(streams__gte=2).count()
    leveraged = funds.aggregate(t=Sum("amount"))["t"] or ZERO
    return Evidence(
        source="funding_braided_budgets",
        label="Braided funding",
        summary=f"{braided} budget{'s' if braided != 1 else ''} braided from two or more funding streams; "
        f"{dollars(leveraged)} in verified leveraged funds",
        value=braided,
    )


EVIDENCE = {
    "funding_competitive_awards": competitive_awards,
    "funding_policies_in_place": policies_in_place,
    "funding_braided_budgets": braided_budgets,
}
