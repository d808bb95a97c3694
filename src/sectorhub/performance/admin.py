"""Admin: catalogues, reports, outcome runs and stories (history in each change page)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sectorhub.performance.models import Catalogue, Indicator, OutcomeRun, Report, ReportValue, Story, Target


class IndicatorInline(admin.TabularInline):
    """A catalogue's indicators."""

    model = Indicator
    extra = 0


@admin.register(Catalogue)
class CatalogueAdmin(SimpleHistoryAdmin):
    """Catalogue versions (load new ones with `sectorhub performance catalogue PATH`)."""

    list_display = ("name", "version", "loaded_at")
    inlines = [IndicatorInline]


class ValueInline(admin.TabularInline):
    """A report's values."""

    model = ReportValue
    extra = 0


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    """Quarterly reports."""

    list_display = ("partnership", "quarter", "status", "is_published")
    list_filter = ("status", "quarter", "is_published")
    inlines = [ValueInline]


admin.site.register(Target, SimpleHistoryAdmin)
admin.site.register(OutcomeRun, SimpleHistoryAdmin)
admin.site.register(Story, SimpleHistoryAdmin)
