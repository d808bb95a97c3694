"""Admin for self-assessments; versions are read-only there, since cycles depend on them never changing."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sectorhub.assessments import models


@admin.register(models.InstrumentVersion)
class InstrumentVersionAdmin(admin.ModelAdmin):
    """Versions can be looked at, not changed (edit the instrument in the app to make a new version)."""

    list_display = ("instrument", "number", "created_at", "created_by")

    def has_change_permission(self, request, obj=None) -> bool:
        """Stored versions are frozen."""
        return False


@admin.register(models.Cycle)
class CycleAdmin(SimpleHistoryAdmin):
    """Cycles."""

    list_display = ("name", "version", "status", "opens_on", "closes_on")
    list_filter = ("status",)


for model in (models.Instrument, models.Response, models.Answer, models.ActionPlanItem):
    admin.site.register(model, SimpleHistoryAdmin)
