"""The regions app: counties, local workforce areas, planning regions, metros and custom regions."""

from django.apps import AppConfig


class RegionsConfig(AppConfig):
    """Regions app configuration."""

    name = "sectorhub.regions"
    label = "regions"
    verbose_name = "Regions"
    nav_links = [("Regions", "regions:list")]
    nav_order = 40
