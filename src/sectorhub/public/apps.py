"""The state's public site: the partnership directory, contact forms, data packages, events and resources."""

from django.apps import AppConfig


class PublicConfig(AppConfig):
    """Public site configuration; its header link appears for everyone, so `/` leads to every public page."""

    name = "sectorhub.public"
    label = "public"
    verbose_name = "Public site"
    nav_links = [("Public site", "public:home"), ("Inbox", "public:inbox")]
    nav_order = 95
