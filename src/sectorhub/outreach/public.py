"""The outreach app's public pages, listed by the public site."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PublicLink:
    """A link the public site lists on its home page and in its navigation."""

    label: str
    url_name: str
    description: str


PUBLIC_LINKS = [
    PublicLink(
        label="Industry champions",
        url_name="outreach:public_champions",
        description="Business leaders who speak for sector partnerships, listed with their consent.",
    )
]
