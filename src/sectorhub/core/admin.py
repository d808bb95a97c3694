"""Admin for users: state administrators assign roles here."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from sectorhub.core.models import User


@admin.register(User)
class SectorHubUserAdmin(UserAdmin):
    """The standard user admin plus the role and organization fields."""

    fieldsets = (*UserAdmin.fieldsets, ("SectorHub", {"fields": ("role", "organization_name")}))
    list_display = ("username", "email", "role", "is_active")
    list_filter = ("role", "is_active")
