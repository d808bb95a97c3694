"""Admin for the registry, every model with its history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sectorhub.partnerships import models


class MembershipInline(admin.TabularInline):
    """Members inside the partnership admin."""

    model = models.Membership
    extra = 0
    autocomplete_fields = ("organization",)


@admin.register(models.Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    """Partnerships with their members."""

    list_display = ("name", "region", "phase", "is_public")
    list_filter = ("phase", "region__kind", "is_public")
    search_fields = ("name",)
    filter_horizontal = ("industries", "conveners")
    inlines = [MembershipInline]


@admin.register(models.Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    """Organizations."""

    list_display = ("name", "kind", "county")
    list_filter = ("kind",)
    search_fields = ("name",)


@admin.register(models.Industry)
class IndustryAdmin(SimpleHistoryAdmin):
    """NAICS codes."""

    search_fields = ("code", "title")


for model in (
    models.Phase,
    models.Membership,
    models.PhaseChange,
    models.QualityCriterion,
    models.QualityRating,
    models.Meeting,
    models.Priority,
    models.ActionItem,
    models.Goal,
):
    admin.site.register(model, SimpleHistoryAdmin)
