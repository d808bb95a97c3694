"""Links the public site lists on its home page and in its navigation (found by core.discovery.app_modules)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PublicLink:
    """A public page of this app."""

    label: str
    url_name: str
    description: str


PUBLIC_LINKS = [
    PublicLink(
        label="Grant solicitations",
        url_name="funding:solicitation_list",
        description="Competitive grants for regional sector partnerships that are open now.",
    ),
    PublicLink(
        label="Grant awards",
        url_name="funding:awards",
        description="Who was funded, for which partnership, and how much.",
    ),
    PublicLink(
        label="Policy inventory",
        url_name="funding:policies",
        description="Legislation and administrative policies that support sector partnerships.",
    ),
]
