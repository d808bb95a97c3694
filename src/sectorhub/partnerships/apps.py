"""The partnerships app: the statewide registry of sector partnerships and the state's goals."""

from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    """Partnerships app configuration."""

    name = "sectorhub.partnerships"
    label = "partnerships"
    verbose_name = "Partnerships"
    nav_links = [
        ("Dashboard", "partnerships:dashboard"),
        ("Partnerships", "partnerships:list"),
        ("Organizations", "partnerships:organization_list"),
        ("Goals", "partnerships:goals"),
    ]
    nav_order = 10

    def ready(self) -> None:
        """Cached registry figures are invalidated by any change to this app's models."""
        from sectorhub.core.cache import invalidate_on_change

        invalidate_on_change(self.label)
