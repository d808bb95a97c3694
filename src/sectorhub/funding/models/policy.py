"""The policy inventory, the brief's six administrative policies, and the Eligible Training Provider List."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sectorhub.funding.models.budgets import MONEY


class PolicyKind(models.TextChoices):
    """Legislation or an administrative policy."""

    LEGISLATION = "legislation", "Legislation"
    ADMINISTRATIVE = "administrative", "Administrative policy"


class PolicyStatus(models.TextChoices):
    """Where a policy stands."""

    PROPOSED = "proposed", "Proposed"
    ENACTED = "enacted", "Enacted"
    IN_EFFECT = "in_effect", "In effect"
    EXPIRED = "expired", "Expired or repealed"


class Capability(models.TextChoices):
    """The capability a policy serves (the brief's state capabilities)."""

    PARTNERSHIPS = "partnerships", "Regional sector partnerships"
    DATA = "data", "Labor market data and analysis"
    CAPACITY = "capacity", "Capacity building"
    OUTREACH = "outreach", "Industry engagement and champions"
    POLICY = "policy", "Administrative and legislative policy"
    PERFORMANCE = "performance", "Performance measurement"


class Policy(models.Model):
    """A law or administrative policy that names or supports sector partnerships."""

    kind = models.CharField(max_length=20, choices=PolicyKind.choices)
    title = models.CharField(max_length=300)
    citation = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(validators=[MinValueValidator(1900)])
    status = models.CharField(max_length=20, choices=PolicyStatus.choices)
    capability = models.CharField(max_length=20, choices=Capability.choices, default=Capability.POLICY)
    link = models.URLField(blank=True)
    is_public = models.BooleanField(default=True)
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "title"]
        verbose_name_plural = "policies"

    def __str__(self) -> str:
        return self.title


ADMINISTRATIVE_POLICIES = [
    ("competitive_grants", "Competitive grant solicitations for sector partnerships"),
    ("ajc_standards", "Voluntary workforce-system standards in American Job Center certification"),
    ("etpl_targeting", "Targeting occupations on the Eligible Training Provider List"),
    ("braided_funding", "Braided funding for sector partnerships"),
    ("business_services", "Unified business services organized around sectors"),
    ("local_guidance", "Regulatory guidance for local areas"),
]


class PolicyCheck(models.Model):
    """One of the brief's six administrative policies: whether the state has it in place, with evidence."""

    class State(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        IN_PLACE = "in_place", "In place"

    key = models.SlugField(max_length=40, unique=True, choices=ADMINISTRATIVE_POLICIES)
    state = models.CharField(max_length=20, choices=State.choices, default=State.NOT_STARTED)
    evidence = models.TextField(blank=True)
    link = models.URLField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.get_key_display()


class ProgramUpload(models.Model):
    """One uploaded Eligible Training Provider List file (the programs it held replace the earlier ones)."""

    source_name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_name} ({self.rows} programs)"


class TrainingProgram(models.Model):
    """A program on the Eligible Training Provider List."""

    upload = models.ForeignKey(ProgramUpload, on_delete=models.CASCADE, related_name="programs")
    provider = models.CharField(max_length=200)
    name = models.CharField(max_length=200, verbose_name="program name")
    cip_code = models.CharField(max_length=7, verbose_name="CIP code")
    credential = models.CharField(max_length=200)
    cost = models.DecimalField(**MONEY)
    length_weeks = models.PositiveIntegerField()
    enrollments = models.PositiveIntegerField()
    completers = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["provider", "name"]

    def __str__(self) -> str:
        return f"{self.provider}: {self.name}"
