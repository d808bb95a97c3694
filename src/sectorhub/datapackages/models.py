"""Published data packages: a snapshot of what state staff published for a region, shown read-only to everyone."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class PublishedPackage(models.Model):
    """A region's data package as published (its HTML body and JSON), frozen at the moment of publishing."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="published_packages")
    year = models.PositiveSmallIntegerField()
    period = models.CharField(max_length=1, help_text="1..4 for a quarter, A for the annual average")
    level = models.CharField(max_length=12, default="2")
    ownership = models.CharField(max_length=1, default="5")
    title = models.CharField(max_length=300)
    body_html = models.TextField(help_text="The package body as rendered when published (charts as specs)")
    data = models.JSONField(help_text="The package as JSON, as published")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return self.title


class TrainingSupply(models.Model):
    """Program completions (an IPEDS completions file, uploaded) and a separation rate for a region's packages.

    They feed the supply section's training-gap table; the newest upload of a region is the one used. The
    completions are kept summed by CIP code (first majors), not the uploaded file.
    """

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="training_supplies")
    source_name = models.CharField(max_length=200, help_text="The uploaded file's name")
    completions = models.JSONField(help_text="[[cip_code, completers], ...], first majors summed by CIP code")
    completers = models.PositiveIntegerField()
    separation_rate = models.FloatField(
        null=True, blank=True, help_text="Occupational separations a year per job (0 to 1), if supplied"
    )
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.source_name} ({self.completers:,} completers)"
