"""The capacity-building section of the annual report: events held, attendance, regions reached, TA requests."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from sectorhub.capacity.models import Event, RequestStatus, TARequest
from sectorhub.capacity.selectors import reached_ids
from sectorhub.regions.models import Region, RegionKind


def annual_report_section(*, start: dt.date, end: dt.date, public: bool) -> dict | None:
    """Events held in [start, end] by kind, people present, local areas reached (calendar year of `end`), TA
    requests filed and resolved. public=True counts public events only (reach included) and gives no TA figures:
    requests are internal records."""
    events = Event.objects.filter(is_deleted=False, starts_on__gte=start, starts_on__lte=end)
    if public:
        events = events.filter(is_public=True)
    if not events.exists():
        return None
    present = events.aggregate(n=Count("attendances", filter=Q(attendances__attended=True)))["n"]
    region_ids, _ = reached_ids(end.year, public=public)
    areas = Region.objects.filter(kind=RegionKind.LOCAL_AREA)
    requests = TARequest.objects.filter(submitted_at__date__gte=start, submitted_at__date__lte=end)
    by_kind = events.values("kind").annotate(n=Count("pk")).order_by("kind")
    labels = dict(Event._meta.get_field("kind").choices)
    return {
        "key": "capacity",
        "title": "Training and capacity building",
        "rows": [
            {"label": "Events held", "value": events.count(), "unit": "count"},
            {"label": "Attendances (people present)", "value": present, "unit": "count"},
            {
                "label": "Local areas reached",
                "value": areas.filter(pk__in=region_ids).count(),
                "unit": "count",
            },
            {"label": "Local areas", "value": areas.count(), "unit": "count"},
        ]
        + (
            []
            if public
            else [
                {"label": "TA requests filed", "value": requests.count(), "unit": "count"},
                {
                    "label": "TA requests resolved",
                    "value": requests.filter(status=RequestStatus.RESOLVED).count(),
                    "unit": "count",
                },
            ]
        ),
        "table": {
            "columns": ["Kind of event", "Events"],
            "rows": [[labels[r["kind"]], r["n"]] for r in by_kind],
        },
        "note": "A local area is reached when someone present at an event that year was recorded for it or for a "
        "partnership in it (docs/capacity.md).",
    }
