"""Partnership registry models. Every model keeps its change history (django-simple-history)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sectorhub.regions.models import County, Region


class Industry(models.Model):
    """A NAICS code with BLS's title (QCEW industry titles), e.g. 3361 Motor vehicle manufacturing."""

    code = models.CharField(max_length=10, primary_key=True)
    title = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "industries"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Phase(models.Model):
    """A lifecycle phase; the state may rename, add or reorder them. `order` ranks "launched or later"."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    order = models.PositiveSmallIntegerField(unique=True)
    is_active = models.BooleanField(default=True, help_text="Partnerships in this phase count as active")
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class OrganizationKind(models.TextChoices):
    """What kind of organization a partner is."""

    BUSINESS = "business", "Business"
    EDUCATION = "education", "Education and training"
    WORKFORCE_BOARD = "workforce_board", "Workforce board"
    ECONOMIC_DEVELOPMENT = "economic_development", "Economic development"
    LABOR = "labor", "Labor"
    COMMUNITY = "community", "Community organization"
    GOVERNMENT = "government", "Government"


class Organization(models.Model):
    """An employer or partner organization; one row per organization wherever it takes part."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=OrganizationKind.choices)
    industry = models.ForeignKey(
        Industry,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text="Main NAICS industry, for businesses",
    )
    county = models.ForeignKey(County, null=True, blank=True, on_delete=models.SET_NULL)
    website = models.URLField(blank=True)
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Partnership(models.Model):
    """A regional sector partnership: employers of one industry in one region, with a convener."""

    name = models.CharField(max_length=200, unique=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="partnerships")
    industries = models.ManyToManyField(Industry, related_name="partnerships", help_text="NAICS codes")
    convener = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="convened_partnerships", verbose_name="convener"
    )
    phase = models.ForeignKey(Phase, on_delete=models.PROTECT, related_name="partnerships")
    launch_date = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    is_public = models.BooleanField(default=True, help_text="Shown on the public pages")
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    conveners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="convened_partnerships",
        verbose_name="assigned conveners",
        help_text="Regional conveners who may change this partnership",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[industries], excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipRole(models.TextChoices):
    """An organization's role in a partnership."""

    INDUSTRY_CHAMPION = "industry_champion", "Industry champion"
    CO_CHAIR = "co_chair", "Co-chair"
    MEMBER = "member", "Member"
    PUBLIC_PARTNER = "public_partner", "Public partner"


class Membership(models.Model):
    """An organization's part in a partnership; a membership ends when `left_on` is set."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=32, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    joined_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organization"], name="one_membership_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} in {self.partnership}"


class PhaseChange(models.Model):
    """A dated move of a partnership into a phase; the partnership's phase history."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="phase_changes")
    phase = models.ForeignKey(Phase, on_delete=models.PROTECT, related_name="+")
    changed_on = models.DateField()
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-changed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.partnership}: {self.phase} on {self.changed_on}"


class QualityCriterion(models.Model):
    """One criterion of the state's definition of a high-quality partnership (default: the five traits)."""

    key = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "key"]
        verbose_name_plural = "quality criteria"

    def __str__(self) -> str:
        return self.name


class Rating(models.IntegerChoices):
    """The rating scale for a quality criterion (our scale, four levels)."""

    NOT_YET = 1, "Not yet"
    EMERGING = 2, "Emerging"
    DEVELOPING = 3, "Developing"
    STRONG = 4, "Strong"


class QualityRating(models.Model):
    """A dated rating of one partnership against one criterion, with its evidence; ratings are kept over time."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="quality_ratings")
    criterion = models.ForeignKey(QualityCriterion, on_delete=models.PROTECT, related_name="ratings")
    rating = models.PositiveSmallIntegerField(
        choices=Rating.choices, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    evidence = models.TextField()
    rated_on = models.DateField()
    rated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-rated_on", "-id"]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.get_rating_display()}"


class MeetingKind(models.TextChoices):
    """Kinds of entries in the engagement log."""

    MEETING = "meeting", "Partnership meeting"
    ENGAGEMENT = "engagement", "Employer engagement"
    EVENT = "event", "Event"
    SITE_VISIT = "site_visit", "Site visit"


class Meeting(models.Model):
    """An entry in a partnership's meetings and engagements log."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField()
    kind = models.CharField(max_length=20, choices=MeetingKind.choices, default=MeetingKind.MEETING)
    title = models.CharField(max_length=200)
    employers_present = models.PositiveIntegerField(default=0)
    attendees = models.PositiveIntegerField(default=0)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on})"


class Priority(models.Model):
    """A priority the partnership's businesses set; action items hang from it."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="priorities")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.TextChoices):
    """Where an action item stands."""

    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


class ActionItem(models.Model):
    """An action item with an owner, a status and dates, usually under one of the partnership's priorities."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="action_items")
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    title = models.CharField(max_length=200)
    owner_name = models.CharField(max_length=120, verbose_name="owner")
    owner_organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    due_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title


class Goal(models.Model):
    """A statewide goal, evaluated live from the registry by a registered evaluator (see goals.py)."""

    name = models.CharField(max_length=200)
    evaluator = models.CharField(max_length=60, help_text="Key of a registered evaluator")
    parameters = models.JSONField(default=dict, blank=True)
    target_date = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    is_public = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name
