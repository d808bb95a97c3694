"""The roles a SectorHub user can hold, and the role sets the permission map is written in."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    """Who someone is to the system; anonymous visitors have the PUBLIC role."""

    STATE_ADMIN = "state_admin", "State administrator"
    STATE_STAFF = "state_staff", "State staff"
    CONVENER = "regional_convener", "Regional convener"
    GRANT_REVIEWER = "grant_reviewer", "Grant reviewer"
    ANALYST = "analyst", "Analyst"
    PUBLIC = "public", "Public"


EVERYONE = frozenset(Role.values)
SIGNED_IN = EVERYONE - {Role.PUBLIC.value}
STATE = frozenset({Role.STATE_ADMIN.value, Role.STATE_STAFF.value})
EDITORS = STATE | {Role.CONVENER.value}
ADMINS = frozenset({Role.STATE_ADMIN.value})
NOBODY: frozenset[str] = frozenset()
