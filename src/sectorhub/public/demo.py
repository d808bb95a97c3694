"""Demo data for the public site: published profiles for the demo's public partnerships (idempotent)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from sectorhub.partnerships.models import Partnership
from sectorhub.public import services
from sectorhub.public.models import PartnershipProfile


@transaction.atomic
def extend_demo(*, password: str) -> str:
    """Write a public profile for each public demo partnership that has none; returns one line."""
    staff = get_user_model().objects.get(username="staff")
    added = 0
    for p in Partnership.objects.filter(is_demo=True, is_public=True).prefetch_related("industries"):
        if PartnershipProfile.objects.filter(partnership=p).exists():
            continue
        industries = ", ".join(i.title.lower() for i in p.industries.all())
        services.save_profile(
            user=staff, partnership=p, accepts_messages=True, is_published=True,
            works_on=f"Demo data: employers in {industries} working together on hiring, training and retention.",
            how_to_join="Demo data: any employer in the industry and region is welcome. Send a message below; "
            "the convener will invite you to the next quarterly meeting.",
        )  # fmt: skip
        added += 1
    return f"Public site demo: {added} partnership profiles published."
