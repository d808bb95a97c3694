"""Live evidence for the self-assessment's capability 4 (awareness and industry outreach)."""

from __future__ import annotations

from sectorhub.core.evidence import Evidence


def champions(*, user, region=None) -> Evidence:
    """Industry champions recorded, and how many agreed to speak publicly."""
    from sectorhub.outreach.selectors import champions as all_champions
    from sectorhub.outreach.selectors import public_champions

    qs = all_champions()
    if region is not None:
        qs = qs.filter(partnership__region=region)
    public = len(public_champions())
    return Evidence(
        source="outreach_champions",
        label="Industry champions",
        summary=f"{qs.count()} champions recorded; {public} listed publicly with their consent.",
        value=float(qs.count()),
    )


def recommendations(*, user, region=None) -> Evidence:
    """Recommendations made, adopted and implemented (Montana's count)."""
    from sectorhub.outreach.models import Recommendation
    from sectorhub.outreach.selectors import recommendation_totals

    qs = Recommendation.objects.all()
    if region is not None:
        qs = qs.filter(partnership__region=region)
    t = recommendation_totals(qs)
    return Evidence(
        source="outreach_recommendations",
        label="Recommendations by industry networks and partnerships",
        summary=f"{t['made']} made, {t['adopted']} adopted, {t['implemented']} implemented.",
        value=float(t["implemented"]),
    )


def campaign_reach(*, user, region=None) -> Evidence:
    """Awareness campaigns and the people their materials reached."""
    from sectorhub.outreach.selectors import campaigns

    rows = list(campaigns().values_list("reach", flat=True))
    reach = sum(r or 0 for r in rows)
    return Evidence(
        source="outreach_campaign_reach",
        label="Awareness campaigns",
        summary=f"{len(rows)} campaigns reaching {reach:,} people.",
        value=float(reach),
    )


EVIDENCE = {
    "outreach_champions": champions,
    "outreach_recommendations": recommendations,
    "outreach_campaign_reach": campaign_reach,
}
