"""The permission map: every URL name → the roles that may read it (GET) and write to it (POST, PUT, PATCH, DELETE).

Each app declares `URL_PERMISSIONS` in its own `permissions.py`; `url_permissions()` merges them into one map that
`PermissionMapMiddleware` enforces on every request. A URL that is not in the map is refused, and
tests/core/test_permission_map.py fails for it. Object-level rules (a convener's own partnerships) live in the
apps' services, which call the `can_*` helpers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.core.exceptions import ImproperlyConfigured

from sectorhub.core.discovery import app_modules
from sectorhub.core.roles import ADMINS, EVERYONE, NOBODY, SIGNED_IN, Role


@dataclass(frozen=True)
class Access:
    """The roles allowed to read and to write one URL."""

    read: frozenset[str]
    write: frozenset[str]

    def allows(self, role: str, method: str) -> bool:
        """Whether `role` may send a request with `method` to the URL."""
        roles = self.read if method.upper() in {"GET", "HEAD", "OPTIONS"} else self.write
        return role in roles


def allow(read: frozenset[str], write: frozenset[str] = NOBODY) -> Access:
    """An Access entry; writes are refused unless `write` names roles."""
    return Access(read=frozenset(read), write=frozenset(write))


def role_of(user) -> str:
    """The role of a request's user: PUBLIC when anonymous."""
    if user is None or not user.is_authenticated:
        return Role.PUBLIC.value
    return user.effective_role


URL_PERMISSIONS: dict[str, Access] = {
    "core:login": allow(EVERYONE, write=EVERYONE),
    "core:logout": allow(NOBODY, write=SIGNED_IN),
    "core:health": allow(EVERYONE),
    # The API's own pages; each endpoint has its entry in its app's map.
    "api:api-root": allow(EVERYONE),
    "api:openapi-json": allow(EVERYONE),
    "api:openapi-view": allow(EVERYONE),
    # Django's admin keeps its own is_staff checks; only state administrators reach it.
    "admin:*": allow(ADMINS, write=ADMINS),
}


@cache
def url_permissions() -> dict[str, Access]:
    """The merged map from every installed app's `permissions.URL_PERMISSIONS`."""
    merged: dict[str, Access] = {}
    for _config, module in app_modules("permissions"):
        for name, access in getattr(module, "URL_PERMISSIONS", {}).items():
            if name in merged:
                raise ImproperlyConfigured(f"URL name {name!r} appears in two permission maps")
            merged[name] = access
    return merged


def access_for(view_name: str) -> Access | None:
    """The Access for a namespaced URL name, or for its namespace wildcard (`admin:*`); None when unmapped."""
    table = url_permissions()
    if view_name in table:
        return table[view_name]
    namespace = view_name.split(":", 1)[0] if ":" in view_name else ""
    return table.get(f"{namespace}:*") if namespace else None


def can_read(user, view_name: str) -> bool:
    """Whether `user` may GET the URL named `view_name` (used to hide links they cannot follow)."""
    access = access_for(view_name)
    return bool(access and access.allows(role_of(user), "GET"))
