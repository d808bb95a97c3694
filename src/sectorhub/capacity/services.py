"""Writes for capacity building. Each service checks permission, runs in one transaction and records history."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from sectorhub.capacity.files import check_upload
from sectorhub.capacity.models import (
    Attendance,
    Event,
    Person,
    RequestStatus,
    Resource,
    TARequest,
)
from sectorhub.capacity.permissions import can_file_request, can_manage
from sectorhub.capacity.signin import read_sheet
from sectorhub.core.files import save_file
from sectorhub.core.history import record
from sectorhub.partnerships.models import Organization, Partnership
from sectorhub.regions.models import Region

_EVENT_FIELDS = ("title", "kind", "format", "starts_on", "ends_on", "location", "description", "capability",
                 "phase", "is_public")  # fmt: skip
_EVENT_M2M = ("categories", "regions_invited", "materials")


def _require_manager(user) -> None:
    if not can_manage(user):
        raise PermissionDenied("Only state staff manage events, resources and TA requests.")


def _check_dates(starts_on, ends_on) -> None:
    if ends_on and starts_on and ends_on < starts_on:
        raise ValidationError({"ends_on": "The event cannot end before it starts."})


@transaction.atomic
def create_event(*, user, **data) -> Event:
    """Add an event (state staff)."""
    _require_manager(user)
    _check_dates(data.get("starts_on"), data.get("ends_on"))
    event = Event(**{k: data.get(k) for k in _EVENT_FIELDS if k in data})
    record(event, user=user, reason="Event added")
    event.save()
    for name in _EVENT_M2M:
        if name in data:
            getattr(event, name).set(data[name])
    return event


@transaction.atomic
def update_event(*, user, event: Event, **data) -> Event:
    """Change an event's details (state staff)."""
    _require_manager(user)
    _check_dates(data.get("starts_on", event.starts_on), data.get("ends_on", event.ends_on))
    for key in _EVENT_FIELDS:
        if key in data:
            setattr(event, key, data[key])
    record(event, user=user, reason="Event changed")
    event.save()
    for name in _EVENT_M2M:
        if name in data:
            getattr(event, name).set(data[name])
    return event


def _match_person(*, name: str, email: str, organization) -> Person:
    """The existing person with this e-mail (any case), else with this name at this organization, else a new one."""
    person = None
    if email:
        person = Person.objects.filter(email__iexact=email).order_by("pk").first()
    if person is None:
        person = (
            Person.objects.filter(name__iexact=name, organization=organization)
            .filter(email__in=["", email] if email else [""])
            .order_by("pk")
            .first()
        )
    if person is None:
        person = Person(name=name, email=email, organization=organization)
        person.save()
    elif (email and not person.email) or (organization and not person.organization_id):
        person.email = person.email or email
        person.organization = person.organization or organization
        person.save()
    return person


@transaction.atomic
def record_attendance(
    *, user, event: Event, name: str, email: str = "", organization=None, region=None, partnership=None,
    attended: bool = True,
) -> Attendance:  # fmt: skip
    """Register one person for an event (or mark them present), matching an existing person."""
    _require_manager(user)
    if partnership is not None and region is None:
        region = partnership.region
    person = _match_person(
        name=" ".join(name.split()), email=email.strip().lower(), organization=organization
    )
    attendance = Attendance.objects.filter(event=event, person=person).first()
    if attendance is None:
        attendance = Attendance(event=event, person=person)
    # A second line for the same person fills blanks and never erases what an earlier line said.
    attendance.organization = organization or attendance.organization or person.organization
    attendance.region = region or attendance.region
    attendance.partnership = partnership or attendance.partnership
    attendance.attended = attended
    record(attendance, user=user, reason="Attendance recorded")
    attendance.save()
    return attendance


@dataclass(frozen=True)
class ImportResult:
    """What a sign-in sheet import did."""

    rows: int
    attended: int
    new_people: int


def _lookup(model, field: str, value: str, line: int, column: str, file_name: str, errors: list):
    if not value:
        return None
    found = model.objects.filter(**{f"{field}__iexact": value}).first()
    if found is None:
        errors.append(
            f"{file_name}, line {line}, column {column}: {value!r} is not in the registry "
            f"(check the spelling, or add it first)."
        )
    return found


@transaction.atomic
def import_sign_in_sheet(*, user, event: Event, data: bytes, file_name: str) -> ImportResult:
    """Record a CSV sign-in sheet's people for an event; any bad row refuses the whole file, nothing stored."""
    _require_manager(user)
    rows = read_sheet(data, file_name)
    errors: list[str] = []
    resolved = []
    for row in rows:
        org = _lookup(Organization, "name", row.organization, row.line, "organization", file_name, errors)
        region = _lookup(Region, "name", row.region, row.line, "region", file_name, errors)
        partnership = _lookup(
            Partnership, "name", row.partnership, row.line, "partnership", file_name, errors
        )
        resolved.append((row, org, region, partnership))
    if errors:
        raise ValidationError(errors)
    before = Person.objects.count()
    for row, org, region, partnership in resolved:
        record_attendance(
            user=user, event=event, name=row.name, email=row.email, organization=org, region=region,
            partnership=partnership, attended=row.attended,
        )  # fmt: skip
    return ImportResult(
        rows=len(rows), attended=sum(r.attended for r in rows), new_people=Person.objects.count() - before
    )


_RESOURCE_FIELDS = ("title", "kind", "description", "capability", "url", "is_public")
_RESOURCE_M2M = ("phases", "industries", "categories")


@transaction.atomic
def create_resource(*, user, upload=None, **data) -> Resource:
    """Add a library item with a checked file or a link (state staff)."""
    _require_manager(user)
    if upload is None and not data.get("url"):
        raise ValidationError({"file": "Upload a file or give a link."})
    resource = Resource(**{k: data[k] for k in _RESOURCE_FIELDS if data.get(k) is not None})
    content = None
    if upload is not None:
        content, resource.content_type = check_upload(upload)
        resource.file_name = upload.name.rsplit("/", 1)[-1][:200]
    record(resource, user=user, reason="Resource added")
    resource.save()
    for name in _RESOURCE_M2M:
        if name in data:
            getattr(resource, name).set(data[name])
    if content is not None:
        # Written last, under a random name: every check has passed and only the file row update remains; if that
        # or an enclosing transaction rolls back, the file is deleted again (core.files).
        save_file(resource.file, "upload", ContentFile(content), save=True)
    return resource


@transaction.atomic
def file_request(
    *, user, region, category, description: str, partnership=None, priority="normal"
) -> TARequest:
    """A convener (for their region or partnership) or state staff asks for technical assistance."""
    if partnership is not None:
        region = region or partnership.region
    if region is None:
        raise ValidationError({"region": "Choose the region the request is for."})
    if not can_file_request(user, region, partnership):
        raise PermissionDenied("You may file requests only for your own regions and partnerships.")
    if not description.strip():
        raise ValidationError({"description": "Describe the challenge."})
    request = TARequest(
        region=region, partnership=partnership, category=category, description=description.strip(),
        priority=priority, requested_by=user, submitted_at=timezone.now(),
    )  # fmt: skip
    record(request, user=user, reason="TA request filed")
    request.save()
    return request


@transaction.atomic
def update_request(*, user, request: TARequest, status: str, assignee=None, resolution: str = "",
                   priority: str | None = None) -> TARequest:  # fmt: skip
    """Assign, move or resolve a TA request (state staff); resolving needs a resolution and stamps the time."""
    _require_manager(user)
    if status == RequestStatus.RESOLVED and not resolution.strip():
        raise ValidationError({"resolution": "Say how the request was resolved."})
    request.assignee = assignee
    if priority:
        request.priority = priority
    request.resolution = resolution.strip()
    if status == RequestStatus.RESOLVED and request.status != RequestStatus.RESOLVED:
        request.resolved_at = timezone.now()
    elif status != RequestStatus.RESOLVED:
        request.resolved_at = None
    request.status = status
    record(request, user=user, reason=f"TA request {RequestStatus(status).label.lower()}")
    request.save()
    return request
