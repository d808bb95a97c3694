"""Admin for the public site's records."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sectorhub.public.models import ContactMessage, PartnershipProfile

admin.site.register(PartnershipProfile, SimpleHistoryAdmin)
admin.site.register(ContactMessage, SimpleHistoryAdmin)
