"""Admin for users: state administrators assign roles here."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin

from sectorhub.core.models import ApiToken, User
from sectorhub.core.tokens import issue_token


@admin.register(User)
class SectorHubUserAdmin(UserAdmin):
    """The standard user admin plus the role and organization fields."""

    fieldsets = (*UserAdmin.fieldsets, ("SectorHub", {"fields": ("role", "organization_name")}))
    list_display = ("username", "email", "role", "is_active")
    list_filter = ("role", "is_active")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Issue and revoke API tokens; a new token's key is shown once, in the confirmation message."""

    list_display = ("name", "user", "created_at", "last_used_at", "is_active")
    list_filter = ("is_active",)
    fields = ("user", "name", "is_active")

    def save_model(self, request, obj, form, change):
        """Generate the key on creation and show it once."""
        if change:
            return super().save_model(request, obj, form, change)
        token, key = issue_token(user=obj.user, name=obj.name)
        obj.pk, obj.key_hash = token.pk, token.key_hash
        messages.warning(request, f"API token for {obj.user}: {key} (copy it now; it is not shown again)")
