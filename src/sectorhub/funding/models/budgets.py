"""Funding streams, braided budgets, spending and leveraged funds. Money is Decimal (cents), never float."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

MONEY = {"max_digits": 14, "decimal_places": 2}
ZERO = Decimal("0.00")


class FundingSource(models.TextChoices):
    """Where a stream's money comes from."""

    WIOA_RESERVE = "wioa_reserve", "WIOA governor's reserve"
    WIOA_ADULT_DW = "wioa_adult_dw", "WIOA adult / dislocated worker"
    WAGNER_PEYSER = "wagner_peyser", "Wagner-Peyser"
    SNAP_ET = "snap_et", "SNAP Employment and Training"
    TANF = "tanf", "TANF"
    STATE_GENERAL = "state_general", "State general fund"
    PRIVATE = "private", "Private or philanthropic"
    OTHER = "other", "Other"


class CostCategory(models.TextChoices):
    """What a budget line pays for."""

    STAFF = "staff", "Staff"
    TRAINING = "training", "Training"
    SUPPORTIVE = "supportive_services", "Supportive services"
    EQUIPMENT = "equipment", "Equipment"
    CONVENING = "convening", "Convening"
    OTHER = "other", "Other"


class FundingStream(models.Model):
    """A pot of money with its rules: allowed cost categories, match, period of availability and amount."""

    name = models.CharField(max_length=200, unique=True)
    source = models.CharField(max_length=32, choices=FundingSource.choices)
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(ZERO)])
    allowed_uses = models.JSONField(
        default=list, help_text="Cost categories this stream may pay for (keys of CostCategory)"
    )
    match_share = models.DecimalField(
        max_digits=5,
        decimal_places=4,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("5"))],
        help_text="Match required per dollar obligated from this stream (0.25 = 25%)",
    )
    match_in_kind = models.BooleanField(
        default=False, verbose_name="in-kind counts toward match", help_text="Whether in-kind match counts"
    )
    available_from = models.DateField()
    available_until = models.DateField()
    description = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def allows(self, category: str) -> bool:
        """Whether this stream may pay for `category`."""
        return category in (self.allowed_uses or [])


class Budget(models.Model):
    """A braided budget for a partnership or an award: lines, each charged to one stream."""

    name = models.CharField(max_length=200)
    partnership = models.ForeignKey(
        "partnerships.Partnership", null=True, blank=True, on_delete=models.PROTECT, related_name="budgets"
    )
    award = models.OneToOneField(
        "funding.Award", null=True, blank=True, on_delete=models.PROTECT, related_name="budget"
    )
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BudgetLine(models.Model):
    """An amount obligated from one stream for one cost category of a budget."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="lines")
    stream = models.ForeignKey(FundingStream, on_delete=models.PROTECT, related_name="lines")
    category = models.CharField(max_length=32, choices=CostCategory.choices)
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    description = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["budget", "stream__name", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "stream", "category"], name="one_line_per_stream_and_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.budget}: {self.get_category_display()} from {self.stream}"


class Expenditure(models.Model):
    """Money spent against a budget line."""

    line = models.ForeignKey(BudgetLine, on_delete=models.PROTECT, related_name="expenditures")
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    spent_on = models.DateField()
    description = models.CharField(max_length=300)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-spent_on", "-id"]

    def __str__(self) -> str:
        return f"{self.amount} on {self.spent_on}"


class LeveragedKind(models.TextChoices):
    """Cash or in-kind."""

    CASH = "cash", "Cash"
    IN_KIND = "in_kind", "In-kind"


class LeveragedFund(models.Model):
    """A cash or in-kind contribution by an organization to a partnership or award; counts once staff verify it."""

    organization = models.ForeignKey(
        "partnerships.Organization", on_delete=models.PROTECT, related_name="leveraged_funds"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership", null=True, blank=True, on_delete=models.PROTECT, related_name="leveraged"
    )
    award = models.ForeignKey(
        "funding.Award", null=True, blank=True, on_delete=models.PROTECT, related_name="leveraged"
    )
    kind = models.CharField(max_length=10, choices=LeveragedKind.choices)
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    source = models.CharField(max_length=200, help_text="e.g. employer cash, donated equipment, staff time")
    received_on = models.DateField()
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False, verbose_name="demo data")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} from {self.organization}"
