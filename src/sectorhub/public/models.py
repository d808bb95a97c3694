"""The public site's own records: each partnership's public profile and the messages employers send."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from sectorhub.partnerships.models import Partnership

RETENTION_DAYS = 365  # contact messages are deleted a year after they arrive (docs/public-site.md)


class PartnershipProfile(models.Model):
    """What a partnership says publicly: what it works on and how an employer joins; shown only when published."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="public_profile")
    works_on = models.TextField(verbose_name="What we work on")
    how_to_join = models.TextField(verbose_name="How an employer joins")
    accepts_messages = models.BooleanField(default=True, help_text="Show the contact form")
    is_published = models.BooleanField(default=False, help_text="Shown on the public directory")
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership__name"]

    def __str__(self) -> str:
        return f"Public profile of {self.partnership}"


class ContactMessage(models.Model):
    """A message from the public to a partnership's conveners, stored only with the sender's consent."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    organization = models.CharField(max_length=200, blank=True)
    message = models.TextField(max_length=5000)
    consent_at = models.DateTimeField(help_text="When the sender agreed that the message be stored")
    received_at = models.DateTimeField(auto_now_add=True)
    emailed = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.name} to {self.partnership}"
