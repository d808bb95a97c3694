"""Admin for outreach records."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sectorhub.outreach.models import Campaign, Champion, Network, Recommendation

for model in (Network, Champion, Recommendation, Campaign):
    admin.site.register(model, SimpleHistoryAdmin)
