"""Role-matrix objects for capacity building: a public event, a public resource with a file, and TA requests.

Object rules (capacity/selectors.py): every signed-in user reads events and resources; a convener sees the TA
requests of regions and partnerships assigned to them only (another convener's request answers 404); state staff
see and work every request.
"""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone

from sectorhub.capacity.models import ChallengeCategory, Event, EventKind, Resource, ResourceKind, TARequest
from sectorhub.core.roles import Role
from tests.matrix import Case
from tests.regions.factories import CountyFactory, RegionFactory


def cases(*, users, other_convener) -> dict[str, Case]:
    """Own: a TA request for the convener's region; other: one for another convener's region."""
    own_region = RegionFactory(name="Matrix TA region", counties=[CountyFactory(fips="39981", name="TA own")])
    own_region.conveners.add(users[Role.CONVENER])
    other_region = RegionFactory(
        name="Matrix other TA region", counties=[CountyFactory(fips="39983", name="TA other")]
    )
    other_region.conveners.add(other_convener)
    event = Event.objects.create(
        title="Matrix academy", kind=EventKind.choices[0][0], starts_on=dt.date(2026, 3, 2), is_public=True
    )
    resource = Resource(title="Matrix guide", kind=ResourceKind.choices[0][0], is_public=True)
    resource.file.save("matrix-guide.txt", ContentFile(b"A guide.\n"), save=False)
    resource.content_type = "text/plain"
    resource.save()
    category = ChallengeCategory.objects.order_by("order").first() or ChallengeCategory.objects.create(
        slug="matrix", name="Matrix"
    )
    now = timezone.now()
    own = TARequest.objects.create(
        region=own_region,
        category=category,
        description="Own request",
        requested_by=users[Role.CONVENER],
        submitted_at=now,
    )
    other = TARequest.objects.create(
        region=other_region,
        category=category,
        description="Other request",
        requested_by=other_convener,
        submitted_at=now,
    )
    return {
        "capacity:event_detail": Case(kwargs={"pk": event.pk}),
        "capacity:event_edit": Case(kwargs={"pk": event.pk}),
        "capacity:attendance_add": Case(kwargs={"pk": event.pk}),
        "capacity:attendance_import": Case(kwargs={"pk": event.pk}),
        "capacity:resource_detail": Case(kwargs={"pk": resource.pk}),
        "capacity:resource_download": Case(kwargs={"pk": resource.pk}),
        "capacity:request_detail": Case(kwargs={"pk": own.pk}, other={"pk": other.pk}),
        "capacity:request_update": Case(kwargs={"pk": own.pk}),
        "api:capacity_event_detail": Case(kwargs={"pk": event.pk}),
        "api:capacity_resource_detail": Case(kwargs={"pk": resource.pk}),
        "api:capacity_request_detail": Case(kwargs={"pk": own.pk}, other={"pk": other.pk}),
    }
