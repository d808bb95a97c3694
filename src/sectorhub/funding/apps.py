"""The funding app: funding streams and braided budgets, competitive solicitations and their review, leveraged
funds, the policy inventory and the Eligible Training Provider List alignment."""

from django.apps import AppConfig


class FundingConfig(AppConfig):
    """Funding app configuration."""

    name = "sectorhub.funding"
    label = "funding"
    verbose_name = "Funding"
    nav_links = [
        ("Funding", "funding:home"),
        ("Grants", "funding:solicitation_list"),
        ("My reviews", "funding:reviews"),
    ]
    nav_order = 60
