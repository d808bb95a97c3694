"""The assessments app: where the state stands on the six capabilities, and what to do next."""

from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Assessments app configuration."""

    name = "sectorhub.assessments"
    label = "assessments"
    verbose_name = "Self-assessment"
    nav_links = [("Self-assessment", "assessments:cycle_list")]
    nav_order = 30
