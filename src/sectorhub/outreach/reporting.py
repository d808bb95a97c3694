"""The outreach section of the annual report: recommendations made, adopted and implemented per network."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from sectorhub.outreach.models import Network, Recommendation, RecommendationStatus

SMALL_CELL = 3  # public tables show network counts below this as None (suppressed)


def annual_report_section(*, start: dt.date, end: dt.date, public: bool) -> dict | None:
    """Recommendations made in [start, end] and their status now; public=True: public networks only, small
    counts suppressed."""
    recs = Recommendation.objects.filter(made_on__gte=start, made_on__lte=end)
    networks = Network.objects.all()
    if public:
        recs = recs.filter(network__is_public=True)
        networks = networks.filter(is_public=True)
    if not recs.exists():
        return None
    adopted = [RecommendationStatus.ADOPTED, RecommendationStatus.IMPLEMENTED]
    made = recs.count()
    n_adopted = recs.filter(status__in=adopted).count()
    n_implemented = recs.filter(status=RecommendationStatus.IMPLEMENTED).count()
    window = Q(recommendations__made_on__gte=start, recommendations__made_on__lte=end)
    table = []
    for n in networks.annotate(
        made=Count("recommendations", filter=window),
        adopted=Count("recommendations", filter=window & Q(recommendations__status__in=adopted)),
        implemented=Count(
            "recommendations", filter=window & Q(recommendations__status=RecommendationStatus.IMPLEMENTED)
        ),
    ).order_by("name"):
        cells = [n.made, n.adopted, n.implemented]
        if public:
            cells = [c if c == 0 or c >= SMALL_CELL else None for c in cells]
        table.append([n.name, *cells])
    return {
        "key": "outreach",
        "title": "Industry outreach",
        "rows": [
            {"label": "Recommendations made", "value": made, "unit": "count"},
            {
                "label": "Recommendations adopted (adopted or implemented)",
                "value": n_adopted,
                "unit": "count",
            },
            {"label": "Recommendations implemented", "value": n_implemented, "unit": "count"},
        ],
        "table": {"columns": ["Network", "Made", "Adopted", "Implemented"], "rows": table},
        "note": "Adopted counts recommendations adopted or since implemented. "
        + ("Counts of 1 or 2 are suppressed." if public else ""),
    }
