"""The data packages app: a regional data package page per region, downloads, and the public published list."""

from django.apps import AppConfig


class DatapackagesConfig(AppConfig):
    """Data packages app configuration."""

    name = "sectorhub.datapackages"
    label = "datapackages"
    verbose_name = "Data packages"
    nav_links = [
        ("Data packages", "datapackages:published"),
        ("Occupations", "datapackages:occupation_search"),
    ]
    nav_order = 25
