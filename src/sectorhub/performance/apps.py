"""The performance app: indicators, quarterly reports, dashboards, outcomes from records and the annual report."""

from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    """Performance app configuration."""

    name = "sectorhub.performance"
    label = "performance"
    verbose_name = "Performance"
    nav_links = [
        ("Performance", "performance:dashboard"),
        ("Reports", "performance:reports"),
    ]
    nav_order = 60
