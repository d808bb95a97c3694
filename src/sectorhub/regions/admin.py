"""Admin for states, counties and regions, with history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sectorhub.regions.models import County, Region, State


@admin.register(State)
class StateAdmin(SimpleHistoryAdmin):
    """States by FIPS."""

    list_display = ("fips", "name")
    search_fields = ("name",)


@admin.register(County)
class CountyAdmin(SimpleHistoryAdmin):
    """Counties by FIPS."""

    list_display = ("fips", "name", "state")
    list_filter = ("state",)
    search_fields = ("name", "fips")


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    """Regions with their counties and conveners."""

    list_display = ("name", "kind", "is_demo")
    list_filter = ("kind", "is_demo")
    filter_horizontal = ("counties", "conveners")
    search_fields = ("name",)
