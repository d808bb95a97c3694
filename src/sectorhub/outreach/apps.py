"""The outreach app: industry champions and networks, engagements, recommendations, campaigns."""

from django.apps import AppConfig


class OutreachConfig(AppConfig):
    """Industry outreach app configuration."""

    name = "sectorhub.outreach"
    label = "outreach"
    verbose_name = "Industry outreach"
    nav_links = [("Outreach", "outreach:home")]
    nav_order = 55
