"""States, counties and regions. A Region is a named set of counties of one kind; every capability uses it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class State(models.Model):
    """A state or state-equivalent, by two-digit FIPS code (BLS QCEW area titles)."""

    fips = models.CharField(max_length=2, primary_key=True)
    name = models.CharField(max_length=100)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class County(models.Model):
    """A county or county-equivalent, by five-digit FIPS code; joins QCEW `area_fips` and the map's GEOID."""

    fips = models.CharField(max_length=5, primary_key=True)
    name = models.CharField(max_length=100)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="counties")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "counties"

    def __str__(self) -> str:
        return self.name


class RegionKind(models.TextChoices):
    """What a region is for."""

    LOCAL_AREA = "local_area", "Local workforce development area"
    PLANNING_REGION = "planning_region", "Planning region"
    METRO = "metro", "Metropolitan area"
    CUSTOM = "custom", "Custom region"


class Region(models.Model):
    """A named set of counties: a local workforce area, a planning region, a metro or a custom region."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=RegionKind.choices)
    description = models.TextField(blank=True)
    code = models.CharField(max_length=20, blank=True, help_text="An official code, e.g. the OMB CBSA code")
    is_demo = models.BooleanField(
        default=False,
        verbose_name="demo data",
        help_text="Invented for the demonstration; not an official region",
    )
    counties = models.ManyToManyField(County, related_name="regions")
    conveners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="convened_regions",
        help_text="Regional conveners who may change this region and the partnerships in it",
    )
    history = HistoricalRecords(m2m_fields=[counties])

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name
