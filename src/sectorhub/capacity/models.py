"""Capacity building: events and who attended, the resource library, and technical-assistance (TA) requests.

Every model keeps its change history. Deleting is soft (`is_deleted`) so that history and counts stay explainable.
"""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from simple_history.models import HistoricalRecords

from sectorhub.partnerships.models import Industry, Organization, Partnership, Phase
from sectorhub.regions.models import Region


class PrivateStorage(FileSystemStorage):
    """Resource files live under SECTORHUB_HOME/private/resources: outside STATIC_ROOT, never served directly
    (only through the permission-checked download view). The folder is read from settings on every use."""

    @property
    def base_location(self):
        return settings.SECTORHUB_HOME / "private" / "resources"

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def deconstruct(self):
        return ("sectorhub.capacity.models.PrivateStorage", (), {})


private_storage = PrivateStorage()


def _resource_path(_instance, filename: str) -> str:
    """A random stored name; the uploader's name is kept only in `file_name`."""
    return f"{uuid.uuid4().hex}"


class Capability(models.TextChoices):
    """The six state capabilities of the self-assessment (assessments/instruments/state.yaml)."""

    VISION = "vision", "Shared vision and goals"
    DATA = "data", "Industry data analysis and tools"
    CAPACITY = "capacity", "Training and capacity building"
    OUTREACH = "outreach", "Awareness and industry outreach"
    POLICY = "policy", "Administrative and legislative policy"
    MEASUREMENT = "measurement", "Performance measurement"


class ChallengeCategory(models.Model):
    """A kind of challenge regions ask help with; the state edits the list (seeded by a data migration)."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "challenge categories"

    def __str__(self) -> str:
        return self.name


class EventKind(models.TextChoices):
    """What kind of learning event."""

    ACADEMY = "academy", "Academy"
    SUMMIT = "summit", "Summit"
    TRAINING_MODULE = "training_module", "Training module"
    WEBINAR = "webinar", "Webinar"
    PEER_CALL = "peer_call", "Peer-learning call"


class EventFormat(models.TextChoices):
    """How people take part."""

    IN_PERSON = "in_person", "In person"
    VIRTUAL = "virtual", "Virtual"
    HYBRID = "hybrid", "Hybrid"


class ResourceKind(models.TextChoices):
    """What kind of library item."""

    TOOLKIT = "toolkit", "Toolkit"
    TEMPLATE = "template", "Template"
    CASE_STUDY = "case_study", "Case study"
    RECORDING = "recording", "Recording"


class Resource(models.Model):
    """A library item: a file (checked by content, kept outside the web root) or a link, public or internal."""

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=ResourceKind.choices)
    description = models.TextField(blank=True)
    capability = models.CharField(max_length=20, choices=Capability.choices, default=Capability.CAPACITY)
    phases = models.ManyToManyField(Phase, blank=True, related_name="+")
    industries = models.ManyToManyField(Industry, blank=True, related_name="+")
    categories = models.ManyToManyField(
        ChallengeCategory,
        blank=True,
        related_name="resources",
        help_text="Challenges this resource helps with",
    )
    file = models.FileField(storage=private_storage, upload_to=_resource_path, blank=True, max_length=200)
    file_name = models.CharField(max_length=200, blank=True, help_text="The uploaded file's name")
    content_type = models.CharField(max_length=100, blank=True)
    url = models.URLField(blank=True, help_text="A link, e.g. to a recording")
    is_public = models.BooleanField(default=False, help_text="Shown on the public site")
    is_deleted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[categories])

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Event(models.Model):
    """An academy, summit, training module, webinar or peer-learning call."""

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    format = models.CharField(max_length=20, choices=EventFormat.choices, default=EventFormat.IN_PERSON)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    capability = models.CharField(max_length=20, choices=Capability.choices, default=Capability.CAPACITY)
    phase = models.ForeignKey(Phase, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    categories = models.ManyToManyField(
        ChallengeCategory, blank=True, related_name="events", help_text="Challenges this event addresses"
    )
    regions_invited = models.ManyToManyField(Region, blank=True, related_name="+")
    materials = models.ManyToManyField(Resource, blank=True, related_name="events")
    is_public = models.BooleanField(default=False, help_text="Shown on the public site")
    is_deleted = models.BooleanField(default=False)
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[categories, regions_invited])

    class Meta:
        ordering = ["-starts_on", "title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_on})"


class Person(models.Model):
    """Someone who registers for or attends events: matched by e-mail, else by name and organization."""

    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name


class Attendance(models.Model):
    """One person's registration for an event, and whether they came, for a region and partnership."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attended = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name"]
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="one_attendance_per_person")]

    def __str__(self) -> str:
        return f"{self.person} at {self.event}"


class Priority(models.TextChoices):
    """How urgent a TA request is."""

    LOW = "low", "Low"
    NORMAL = "normal", "Normal"
    HIGH = "high", "High"
    URGENT = "urgent", "Urgent"


class RequestStatus(models.TextChoices):
    """Where a TA request stands."""

    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    RESOLVED = "resolved", "Resolved"


class TARequest(models.Model):
    """A request for technical assistance from a convener or region, with its challenge category."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    category = models.ForeignKey(ChallengeCategory, on_delete=models.PROTECT, related_name="requests")
    description = models.TextField()
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    resolution = models.TextField(blank=True)
    submitted_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = "TA request"

    def __str__(self) -> str:
        return f"{self.category}: {self.region}"

    @property
    def days_to_resolve(self) -> int | None:
        """Whole days from submission to resolution; None while open."""
        if self.resolved_at is None:
            return None
        return (self.resolved_at - self.submitted_at).days
