"""The regions app: counties, local workforce areas, planning regions, metros and custom regions."""

from django.apps import AppConfig


class RegionsConfig(AppConfig):
    """Regions app configuration."""

    name = "sectorhub.regions"
    label = "regions"
    verbose_name = "Regions"
    nav_links = [("Regions", "regions:list")]
    nav_order = 40

    def ready(self) -> None:
        """Cached registry figures are invalidated by any change to this app's models."""
        from sectorhub.core.cache import invalidate_on_change

        invalidate_on_change(self.label)
