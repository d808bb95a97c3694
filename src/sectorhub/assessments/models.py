"""Self-assessment models: versioned instruments, cycles with many respondents, answers and the action plan.

An InstrumentVersion, with its capabilities and items, is never changed once stored: editing an instrument adds a
version, and a Cycle pins the version its respondents answer, so past answers keep the text they were given.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sectorhub.assessments.instruments import Scale
from sectorhub.regions.models import Region


class InstrumentLevel(models.TextChoices):
    """Who an instrument is for."""

    STATE = "state", "State"
    REGIONAL = "regional", "Regional"


class Instrument(models.Model):
    """A named self-assessment (e.g. the state instrument); its content lives in its versions."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    level = models.CharField(max_length=20, choices=InstrumentLevel.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["level", "name"]

    def __str__(self) -> str:
        return self.name


class InstrumentVersion(models.Model):
    """One frozen version of an instrument: its rating scale (JSON), capabilities and items."""

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    scale = models.JSONField(help_text="Levels lowest first, the don't-know answer, the disagreement range")
    note = models.CharField(max_length=300, blank=True, help_text="What changed in this version")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["instrument", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="one_number_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.name}, version {self.number}"

    @cached_property
    def rating_scale(self) -> Scale:
        """The scale as an object."""
        return Scale.from_dict(self.scale)


class Capability(models.Model):
    """A capability area within one instrument version, with what high performance looks like."""

    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="capabilities")
    key = models.SlugField(max_length=60, help_text="Stable across versions; history compares by key")
    name = models.CharField(max_length=200)
    high_performance = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["version", "order"]
        verbose_name_plural = "capabilities"
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="one_capability_key_per_version")
        ]

    def __str__(self) -> str:
        return self.name


class EvidenceSource(models.TextChoices):
    """Live figures from the registry that can stand beside an item (evidence.py computes them)."""

    NONE = "", "None"
    PARTNERSHIP_COVERAGE = "partnership_coverage", "Local areas covered by a launched partnership"
    GOALS_MET = "goals_met", "Statewide goals met"
    PACKAGES_PUBLISHED = "packages_published", "Data packages published"
    ACTIVE_PARTNERSHIPS = "active_partnerships", "Active partnerships"


class Item(models.Model):
    """One statement respondents rate."""

    capability = models.ForeignKey(Capability, on_delete=models.CASCADE, related_name="items")
    key = models.SlugField(max_length=60)
    text = models.TextField()
    evidence = models.CharField(max_length=40, blank=True, choices=EvidenceSource.choices)
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["capability__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["capability", "key"], name="one_item_key_per_capability")
        ]

    def __str__(self) -> str:
        return self.text


class CycleStatus(models.TextChoices):
    """Open cycles take answers; closed cycles show everyone the results."""

    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Cycle(models.Model):
    """One round of the assessment: an instrument version, its respondents and a period."""

    name = models.CharField(max_length=200)
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="cycles", verbose_name="instrument version"
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, help_text="For a regional assessment"
    )
    opens_on = models.DateField()
    closes_on = models.DateField(null=True, blank=True, help_text="When answers are due")
    status = models.CharField(max_length=10, choices=CycleStatus.choices, default=CycleStatus.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_on", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        """Whether respondents may still answer."""
        return self.status == CycleStatus.OPEN


class Response(models.Model):
    """One respondent's answers in a cycle (each agency or board answers on its own)."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organization_name = models.CharField(max_length=200, help_text="The agency or board answering")
    submitted_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization_name"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "respondent"], name="one_response_per_respondent")
        ]

    def __str__(self) -> str:
        return f"{self.organization_name} in {self.cycle}"


class Importance(models.IntegerChoices):
    """How much an item matters to the respondent; weights the priorities."""

    LOW = 1, "Low"
    MEDIUM = 2, "Medium"
    HIGH = 3, "High"


class Answer(models.Model):
    """A rating of one item: a scale level key (or don't know), its importance and the evidence."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    level = models.CharField(max_length=40, help_text="A key of the version's scale, or its don't-know key")
    importance = models.PositiveSmallIntegerField(
        choices=Importance.choices,
        default=Importance.MEDIUM,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
    )
    evidence = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item__capability__order", "item__order"]
        constraints = [models.UniqueConstraint(fields=["response", "item"], name="one_answer_per_item")]

    def __str__(self) -> str:
        return f"{self.item.key}: {self.level}"


class ActionStatus(models.TextChoices):
    """Where an action plan item stands."""

    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


class ActionPlanItem(models.Model):
    """A next step for a capability (and, optionally, one item), with an owner, a due date and a status."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="actions")
    capability = models.ForeignKey(Capability, on_delete=models.PROTECT, related_name="actions")
    item = models.ForeignKey(Item, null=True, blank=True, on_delete=models.PROTECT, related_name="actions")
    title = models.CharField(max_length=200, verbose_name="action")
    owner = models.CharField(max_length=200, help_text="The person or agency responsible")
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["capability__order", "due_on", "id"]

    def __str__(self) -> str:
        return self.title
