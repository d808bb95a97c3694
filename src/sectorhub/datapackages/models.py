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
