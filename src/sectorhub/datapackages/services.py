"""Writes: publish a region's package (a frozen snapshot) and withdraw it. State staff only."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from sectorhub.datapackages import selectors
from sectorhub.datapackages.models import PublishedPackage
from sectorhub.datapackages.permissions import can_publish


@transaction.atomic
def publish_package(*, user, region, choice: selectors.Choice) -> PublishedPackage:
    """Freeze the region's package as it is now and list it on the public page."""
    if not can_publish(user):
        raise PermissionDenied("only state staff publish data packages")
    from sectorhub.lmi.packages.render_html import fragment

    pkg = selectors.region_package(region, choice)
    return PublishedPackage.objects.create(
        region=region,
        year=choice.year,
        period=choice.period,
        level=choice.level,
        ownership=choice.ownership,
        title=f"{region.name}: {pkg.period_label}, {pkg.level_label}, {pkg.ownership_label}",
        body_html=fragment(pkg, "embed"),
        data=pkg.to_dict(),
        published_by=user,
    )


@transaction.atomic
def withdraw_package(*, user, snapshot: PublishedPackage) -> PublishedPackage:
    """Take a published package off the public page (its history stays)."""
    if not can_publish(user):
        raise PermissionDenied("only state staff withdraw data packages")
    snapshot.withdrawn_at = timezone.now()
    snapshot.save(update_fields=["withdrawn_at"])
    return snapshot
