"""Indicator catalogues, targets, quarterly reports from partnerships, outcomes computed from records, stories."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from sectorhub.partnerships.models import Partnership

QUARTER_RE = re.compile(r"^(\d{4})Q([1-4])$")


def validate_quarter(value: str) -> None:
    """A calendar quarter written YYYYQn."""
    if not QUARTER_RE.match(value or ""):
        raise ValidationError(f"{value!r} is not a quarter like 2026Q1")


class Category(models.TextChoices):
    """The three categories of impact (Colorado's sector partnership metrics, domain notes B6)."""

    EMPLOYERS = "employers", "Impact on employers"
    WORKERS = "workers", "Impact on job seekers and workers"
    PROGRAMS = "programs", "Impact on public programs"


class Direction(models.TextChoices):
    """Whether a higher or a lower value is better."""

    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class Source(models.TextChoices):
    """Where an indicator's value comes from."""

    REPORTED = "reported", "Reported by the partnership"
    COMPUTED = "computed", "Computed from records"


class Catalogue(models.Model):
    """A version of the indicator catalogue; the latest loaded one is current, earlier ones keep their reports."""

    name = models.CharField(max_length=200)
    version = models.CharField(max_length=40, unique=True)
    loaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-loaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"


class Indicator(models.Model):
    """One indicator of a catalogue: unit, direction, source and, for WIOA indicators, the outcome key."""

    catalogue = models.ForeignKey(Catalogue, on_delete=models.CASCADE, related_name="indicators")
    key = models.SlugField(max_length=60)
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=Category.choices)
    unit = models.CharField(max_length=20, help_text="people, percent, dollars, days, count")
    direction = models.CharField(max_length=10, choices=Direction.choices)
    source = models.CharField(max_length=10, choices=Source.choices)
    outcome = models.CharField(
        max_length=40, blank=True, help_text="sectorhub.lmi.outcomes indicator, if any"
    )
    order = models.PositiveIntegerField(default=0)
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["catalogue", "order", "key"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "key"], name="indicator_key_per_catalogue")
        ]

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    """A target for one period (a quarter YYYYQn or a program year PYyyyy), with the WIOA negotiated level."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    period = models.CharField(max_length=8)
    value = models.DecimalField(max_digits=14, decimal_places=4)
    negotiated = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period"]
        constraints = [models.UniqueConstraint(fields=["indicator", "period"], name="target_per_period")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period}"


class ReportStatus(models.TextChoices):
    """Where a quarterly report is in its review."""

    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for changes"
    APPROVED = "approved", "Approved"


class Report(models.Model):
    """A partnership's quarterly report of its reported indicators."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="performance_reports")
    quarter = models.CharField(max_length=6, validators=[validate_quarter])
    catalogue = models.ForeignKey(Catalogue, on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    review_comment = models.TextField(blank=True)
    narrative = models.TextField(blank=True, help_text="What happened this quarter")
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_published = models.BooleanField(
        default=False, help_text="Shown on the public scorecard (approved only)"
    )
    is_demo = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-quarter", "partnership__name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "quarter"], name="one_report_per_quarter")
        ]

    def __str__(self) -> str:
        return f"{self.partnership} {self.quarter}"


class ReportValue(models.Model):
    """One indicator's value in a report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    value = models.DecimalField(max_digits=14, decimal_places=4)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="one_value_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


class OutcomeRun(models.Model):
    """Outcomes computed from loaded participant and wage records (only counts are kept; ids were hashed)."""

    label = models.CharField(max_length=200)
    exits_from = models.DateField()
    exits_to = models.DateField()
    wages_through = models.CharField(max_length=6)
    min_cell = models.PositiveIntegerField(default=10)
    participants_rows = models.PositiveIntegerField()
    wage_rows = models.PositiveIntegerField()
    participants_sha256 = models.CharField(max_length=64)
    wages_sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_published = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-exits_to", "-pk"]

    def __str__(self) -> str:
        return self.label


class OutcomeCell(models.Model):
    """One cell of an outcome run, already suppressed (numerator and value empty when suppressed)."""

    run = models.ForeignKey(OutcomeRun, on_delete=models.CASCADE, related_name="cells")
    indicator = models.CharField(max_length=40)
    group_by = models.CharField(max_length=20)
    group = models.CharField(max_length=200, blank=True)
    numerator = models.IntegerField(null=True, blank=True)
    denominator = models.IntegerField()
    value = models.FloatField(null=True, blank=True)
    suppressed = models.BooleanField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["run", "pk"]

    def __str__(self) -> str:
        return f"{self.indicator} {self.group_by} {self.group}"


class Story(models.Model):
    """A story state staff add to the annual report; public only when marked public with consent recorded."""

    year = models.PositiveIntegerField(help_text="The report's year")
    title = models.CharField(max_length=200)
    body = models.TextField()
    partnership = models.ForeignKey(Partnership, null=True, blank=True, on_delete=models.SET_NULL)
    attribution = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who the story is about or told by, as it may be printed (e.g. a name and employer)",
    )
    consent = models.BooleanField(
        default=False,
        verbose_name="consent to publish",
        help_text="The people and employers the story names agreed to its publication",
    )
    is_public = models.BooleanField(
        default=False,
        verbose_name="public",
        help_text="Shown in the public annual report (needs consent to publish)",
    )
    is_deleted = models.BooleanField(default=False)
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "title"]
        verbose_name_plural = "stories"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_public=False) | models.Q(consent=True), name="public_story_has_consent"
            )
        ]

    def __str__(self) -> str:
        return self.title
