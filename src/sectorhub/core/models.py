"""Users: a Django user with one role; conveners are scoped by the regions and partnerships assigned to them."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from sectorhub.core.roles import Role


class User(AbstractUser):
    """A person who signs in; `role` decides what they may see and change."""

    USER_ROLES = [(value, label) for value, label in Role.choices if value != Role.PUBLIC]

    role = models.CharField(max_length=32, choices=USER_ROLES, default=Role.ANALYST)
    organization_name = models.CharField(
        max_length=200, blank=True, help_text="Agency, board or organization"
    )

    class Meta:
        ordering = ["username"]

    @property
    def effective_role(self) -> str:
        """The role used for permission checks: superusers act as state administrators."""
        return Role.STATE_ADMIN.value if self.is_superuser else self.role

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class ApiToken(models.Model):
    """A personal API token for scripts; only its SHA-256 hash is stored, the key is shown once when issued."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"
