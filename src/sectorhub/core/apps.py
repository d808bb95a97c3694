"""The core app: users, roles, the permission map and the base layout."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Core app configuration; `nav_links` lists (label, URL name) pairs for the header navigation."""

    name = "sectorhub.core"
    label = "core"
    verbose_name = "Core"
    nav_links: list[tuple[str, str]] = [("API", "api:openapi-view")]
    nav_order = 90
