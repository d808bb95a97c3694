"""Competitive solicitations, applications, review (conflicts and scores) and award decisions."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import LazyObject
from simple_history.models import HistoricalRecords

from sectorhub.funding.models.budgets import MONEY, ZERO, CostCategory, FundingStream

SCORE_MIN, SCORE_MAX = 1, 5


class _PrivateStorage(LazyObject):
    """Uploads live under SECTORHUB_HOME/private/funding, outside the web root, served only by a checked view."""

    def _setup(self):
        self._wrapped = FileSystemStorage(location=settings.SECTORHUB_HOME / "private" / "funding")


private_storage = _PrivateStorage()


def _private_storage():
    return private_storage


class Solicitation(models.Model):
    """A competitive grant round: funds, eligibility, weighted criteria, a window, questions and documents."""

    title = models.CharField(max_length=200, unique=True)
    description = models.TextField()
    streams = models.ManyToManyField(FundingStream, related_name="solicitations")
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    region_kinds = models.JSONField(
        default=list, blank=True, help_text="Region kinds an applicant partnership may be in (empty: any)"
    )
    min_partner_kinds = models.JSONField(
        default=dict,
        blank=True,
        help_text="Organization kind → minimum number of partners, e.g. {'business': 3}",
    )
    min_phase = models.ForeignKey(
        "partnerships.Phase", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_published = models.BooleanField(default=False)
    scores_released = models.BooleanField(
        default=False, help_text="Applicants see their scores and comments once the state releases them"
    )
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[streams])

    class Meta:
        ordering = ["-closes_at", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def partner_minimums(self) -> list[tuple[str, int]]:
        """(organization type label, minimum) pairs, as the eligibility rules read."""
        from sectorhub.partnerships.models import OrganizationKind

        labels = dict(OrganizationKind.choices)
        return [(labels.get(kind, kind), n) for kind, n in self.min_partner_kinds.items()]

    @property
    def region_kind_labels(self) -> list[str]:
        """The eligible region kinds' labels."""
        from sectorhub.regions.models import RegionKind

        labels = dict(RegionKind.choices)
        return [labels.get(kind, kind) for kind in self.region_kinds]


class Criterion(models.Model):
    """A scoring criterion with its weight; defaults come from the state's high-quality partnership definition."""

    solicitation = models.ForeignKey(Solicitation, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    weight = models.DecimalField(
        max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    quality_criterion = models.ForeignKey(
        "partnerships.QualityCriterion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name_plural = "criteria"

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    """A narrative question applicants answer."""

    solicitation = models.ForeignKey(Solicitation, on_delete=models.CASCADE, related_name="questions")
    prompt = models.TextField()
    max_words = models.PositiveIntegerField(default=500)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.prompt[:80]


class SolicitationDocument(models.Model):
    """A document of a solicitation (guidance, a budget template, a scoring guide): a link or an uploaded file
    (checked by content, kept outside the web root). Public ones are offered on the solicitation's page once it
    is published; internal ones only to state staff and grant reviewers."""

    solicitation = models.ForeignKey(Solicitation, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    url = models.URLField(blank=True)
    file = models.FileField(
        storage=_private_storage, upload_to="solicitations/%Y/", blank=True, max_length=200
    )
    original_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    is_public = models.BooleanField(
        default=False, help_text="Downloadable from the solicitation's public page once it is published"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class ApplicationStatus(models.TextChoices):
    """Where an application stands."""

    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    FUNDED = "funded", "Funded"
    NOT_FUNDED = "not_funded", "Not funded"


class Application(models.Model):
    """A partnership's or organization's application to a solicitation."""

    solicitation = models.ForeignKey(Solicitation, on_delete=models.PROTECT, related_name="applications")
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    organization = models.ForeignKey(
        "partnerships.Organization",
        on_delete=models.PROTECT,
        related_name="applications",
        help_text="The applicant (the fiscal agent)",
    )
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    status = models.CharField(
        max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    receipt_number = models.CharField(max_length=40, blank=True)
    receipt_text = models.TextField(blank=True, help_text="The confirmation sent on submission (email-style)")
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    history = HistoricalRecords()

    class Meta:
        ordering = ["solicitation", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def requested(self) -> Decimal:
        """The total of the application's budget lines."""
        return sum((line.amount for line in self.budget_lines.all()), ZERO)


class Answer(models.Model):
    """A narrative answer to one question."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    text = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question}"


class ApplicationBudgetLine(models.Model):
    """A requested amount by stream and cost category."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    stream = models.ForeignKey(FundingStream, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=32, choices=CostCategory.choices)
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    history = HistoricalRecords()

    class Meta:
        ordering = ["stream__name", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "stream", "category"], name="one_request_per_stream_and_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} from {self.stream}: {self.amount}"


class Attachment(models.Model):
    """A file attached to an application (a letter of commitment or other), kept outside the web root."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(max_length=200)
    file = models.FileField(storage=_private_storage, upload_to="attachments/%Y/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.title


class ApplicationPartner(models.Model):
    """A partner organization named in an application, with its letter of commitment if any."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="partners")
    organization = models.ForeignKey("partnerships.Organization", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=200, blank=True)
    letter = models.ForeignKey(
        Attachment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="letter of commitment",
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "organization"], name="one_partner_entry_per_org")
        ]

    def __str__(self) -> str:
        return str(self.organization)


class ReviewAssignment(models.Model):
    """A reviewer assigned to an application: first a conflict-of-interest declaration, then scores."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments"
    )
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    has_conflict = models.BooleanField(null=True, help_text="Empty until the reviewer declares")
    conflict_note = models.TextField(blank=True)
    declared_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True, help_text="When every criterion was scored")
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "reviewer__username"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="one_assignment_per_reviewer")
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} on {self.application}"


class Score(models.Model):
    """One reviewer's score (1 to 5) of one criterion, with a comment."""

    assignment = models.ForeignKey(ReviewAssignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )
    comment = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class Outcome(models.TextChoices):
    """The state's decision on an application."""

    FUNDED = "funded", "Funded"
    NOT_FUNDED = "not_funded", "Not funded"


class Award(models.Model):
    """The state's decision on an application, with its reasons; funded awards count against the solicitation."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="award")
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    amount = models.DecimalField(**MONEY, default=ZERO, validators=[MinValueValidator(ZERO)])
    reasons = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.application}"
