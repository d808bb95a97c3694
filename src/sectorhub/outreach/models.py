"""Industry outreach: champions (with consent for anything public), networks, engagements, recommendations and
campaigns. Every model keeps its change history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from sectorhub.partnerships.models import Industry, Organization, Partnership


class Network(models.Model):
    """An industry network: business leaders of one industry statewide (Montana's key industry networks)."""

    name = models.CharField(max_length=200, unique=True)
    industry = models.ForeignKey(Industry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    description = models.TextField(blank=True)
    partnerships = models.ManyToManyField(Partnership, blank=True, related_name="+")
    is_public = models.BooleanField(default=False, help_text="Name, industry and counts shown publicly")
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Champion(models.Model):
    """A business leader who speaks for partnerships; shown publicly only with recorded consent."""

    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200, blank=True, help_text="Job title")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    network = models.ForeignKey(
        Network, null=True, blank=True, on_delete=models.SET_NULL, related_name="champions"
    )
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField(blank=True, help_text="Never shown publicly")
    phone = models.CharField(max_length=40, blank=True, help_text="Never shown publicly")
    consent_public = models.BooleanField(default=False, verbose_name="consents to public listing")
    consent_date = models.DateField(null=True, blank=True)
    consent_scope = models.CharField(
        max_length=200,
        blank=True,
        help_text="What they agreed to, e.g. name, title and organization on the website",
    )
    quote = models.TextField(blank=True, help_text="Why they take part, in their words (public with consent)")
    is_deleted = models.BooleanField(default=False)
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.organization}"


class EngagementKind(models.TextChoices):
    """Kinds of engagement with a business."""

    MEETING = "meeting", "Meeting"
    SITE_VISIT = "site_visit", "Site visit"
    COMMITMENT = "commitment", "Commitment"


class Engagement(models.Model):
    """A meeting, site visit or commitment with an organization, for a partnership or network."""

    kind = models.CharField(max_length=20, choices=EngagementKind.choices)
    held_on = models.DateField()
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    network = models.ForeignKey(Network, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    champion = models.ForeignKey(Champion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    summary = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} with {self.organization} ({self.held_on})"


class RecommendationKind(models.TextChoices):
    """Policy or program."""

    POLICY = "policy", "Policy"
    PROGRAM = "program", "Program"


class RecommendationStatus(models.TextChoices):
    """proposed → under review → adopted → implemented; or declined (with a reason) before implementation."""

    PROPOSED = "proposed", "Proposed"
    UNDER_REVIEW = "under_review", "Under review"
    ADOPTED = "adopted", "Adopted"
    IMPLEMENTED = "implemented", "Implemented"
    DECLINED = "declined", "Declined"


class Recommendation(models.Model):
    """A policy or program recommendation made by a network or partnership, followed to its outcome."""

    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=RecommendationKind.choices)
    network = models.ForeignKey(
        Network, null=True, blank=True, on_delete=models.PROTECT, related_name="recommendations"
    )
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    addressed_to = models.CharField(max_length=200, help_text="Agency, board or official it is addressed to")
    made_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=RecommendationStatus.choices, default=RecommendationStatus.PROPOSED
    )
    decline_reason = models.TextField(blank=True)
    owner = models.CharField(max_length=200, blank=True, help_text="Who moves it forward")
    due_on = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-made_on", "title"]

    def __str__(self) -> str:
        return self.title


class Campaign(models.Model):
    """An awareness campaign: audience, channel, dates and the people it reached."""

    name = models.CharField(max_length=200)
    audience = models.CharField(max_length=200, help_text="e.g. manufacturers in Northwest Ohio")
    channel = models.CharField(max_length=100, help_text="e.g. e-mail, events, radio, social media")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.name


class Material(models.Model):
    """One piece of a campaign (a flyer, a video, a mailing) and how many people it reached."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(max_length=200)
    channel = models.CharField(max_length=100, blank=True)
    url = models.URLField(blank=True)
    reach = models.PositiveIntegerField(default=0, help_text="People reached (opens, attendees, views)")
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title
