"""Live evidence for the self-assessment's capability 3 (training and capacity building)."""

from __future__ import annotations

import datetime as dt
import statistics

from django.utils import timezone

from sectorhub.core.evidence import Evidence


def _since() -> dt.date:
    return timezone.localdate() - dt.timedelta(days=365)


def ta_requests(*, user, region=None) -> Evidence:
    """TA requests filed in the last 12 months, how many were resolved and the median days to resolve."""
    from sectorhub.capacity.models import RequestStatus, TARequest

    qs = TARequest.objects.filter(submitted_at__date__gte=_since())
    if region is not None:
        qs = qs.filter(region=region)
    rows = list(qs.values_list("status", "submitted_at", "resolved_at"))
    resolved = [(b - a).days for s, a, b in rows if s == RequestStatus.RESOLVED and b]
    median = f", median {statistics.median(resolved):g} days to resolve" if resolved else ""
    return Evidence(
        source="capacity_ta_requests",
        label="Technical-assistance requests, last 12 months",
        summary=f"{len(rows)} requests filed, {len(resolved)} resolved{median}.",
        value=float(len(resolved)),
    )


def events_held(*, user, region=None) -> Evidence:
    """Events held in the last 12 months and the local areas reached this calendar year."""
    from sectorhub.capacity.models import Event
    from sectorhub.capacity.selectors import not_reached

    events = Event.objects.filter(
        is_deleted=False, starts_on__gte=_since(), starts_on__lte=timezone.localdate()
    )
    if region is not None:
        events = events.filter(regions_invited=region)
    reach = not_reached(year=timezone.localdate().year)
    reached = reach.regions_total - len(reach.regions)
    return Evidence(
        source="capacity_events_held",
        label="Academies, summits, trainings and peer calls",
        summary=(
            f"{events.distinct().count()} events in the last 12 months; {reached} of {reach.regions_total} "
            "local areas reached this year."
        ),
        value=float(reached),
    )


def resources_published(*, user, region=None) -> Evidence:
    """Public toolkits, templates, case studies and recordings in the library."""
    from sectorhub.capacity.selectors import public

    count = public().resources.count()
    return Evidence(
        source="capacity_resources_public",
        label="Public resource library",
        summary=f"{count} public toolkits, templates, case studies and recordings.",
        value=float(count),
    )


EVIDENCE = {
    "capacity_ta_requests": ta_requests,
    "capacity_events_held": events_held,
    "capacity_resources_public": resources_published,
}
