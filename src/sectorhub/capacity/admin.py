"""Admin for capacity building: the challenge-category list is edited here (it is data, not code)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sectorhub.capacity.models import ChallengeCategory, Event, Resource, TARequest


@admin.register(ChallengeCategory)
class ChallengeCategoryAdmin(SimpleHistoryAdmin):
    """The configurable list of challenge categories."""

    list_display = ["name", "slug", "order", "is_active"]
    list_editable = ["order", "is_active"]


admin.site.register(Event, SimpleHistoryAdmin)
admin.site.register(Resource, SimpleHistoryAdmin)
admin.site.register(TARequest, SimpleHistoryAdmin)
