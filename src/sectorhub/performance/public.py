"""Links the public site lists on its home page and in its navigation (read by the public app by attribute)."""

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
        label="Partnership scorecard",
        url_name="performance:public_scorecard",
        description="What sector partnerships achieved each quarter, and employment outcomes of program exiters.",
    ),
    PublicLink(
        label="Annual report",
        url_name="performance:public_annual_report",
        description="The state's annual report of sector partnerships, from published records, as a page, PDF "
        "and Excel.",
    ),
]
