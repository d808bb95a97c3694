"""Writes: publish a region's package (a frozen snapshot) and withdraw it (state staff); upload a region's
training supply for the training-gap table (state staff and analysts)."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from sectorhub.datapackages import selectors
from sectorhub.datapackages.models import PublishedPackage, TrainingSupply
from sectorhub.datapackages.permissions import can_publish, can_upload_training

# An IPEDS completions-by-CIP file for a whole year is about 30 MB; a region's extract is far smaller.
MAX_UPLOAD_BYTES = 60 * 1024 * 1024


@transaction.atomic
def publish_package(*, user, region, choice: selectors.Choice) -> PublishedPackage:
    """Freeze the region's package as it is now and list it on the public page.

    The package has no estimate of a suppressed cell (ValueError otherwise): see docs/methods.md.
    """
    if not can_publish(user):
        raise PermissionDenied("only state staff publish data packages")
    from sectorhub.lmi.api import package_fragment as fragment

    pkg = selectors.region_package(region, choice)
    if pkg.estimates_included:  # docs/methods.md, "What a published package contains"
        raise ValueError("a package with estimates of suppressed cells is never published")
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


def upload_training_supply(*, user, region, upload, separation_rate: str = "") -> TrainingSupply:
    """Parse an uploaded IPEDS completions file (C{year}_A layout) and keep it, summed by CIP, for the region.

    ``separation_rate``: an annual fraction (0 to 1) or empty. Raises ValueError with a message naming the file,
    line and column for a file that is not in the IPEDS layout; nothing is kept then.
    """
    import tempfile
    from pathlib import Path

    from sectorhub.lmi.api import IpedsFormatError, read_ipeds_completions, read_separation_rate

    if not can_upload_training(user):
        raise PermissionDenied("only state staff and analysts upload training supply")
    if upload is None:
        raise ValueError("choose an IPEDS completions file (CSV, C{year}_A layout)")
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValueError(f"{upload.name}: {upload.size:,} bytes; the limit is {MAX_UPLOAD_BYTES:,}")
    rate = None
    if separation_rate.strip():
        try:
            rate = float(separation_rate)
        except ValueError:
            raise ValueError(f"separation rate: {separation_rate!r} is not a number") from None
        read_separation_rate(str(rate))  # the same check as the CLI: a fraction from 0 to 1
    # The file is written under a safe name of the user's (shown in messages and the package's sources).
    name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(upload.name).name)[:200].lstrip(".") or "completions.csv"
    with tempfile.TemporaryDirectory(prefix="sectorhub-ipeds-") as tmp:
        path = Path(tmp) / name
        with open(path, "wb") as fh:
            for chunk in upload.chunks():
                fh.write(chunk)
        try:
            parsed = read_ipeds_completions(path)
        except IpedsFormatError as exc:
            raise ValueError(str(exc).replace(str(path), name)) from None
    by_cip = parsed.table.groupby("cip_code", as_index=False)["completers"].sum()
    if by_cip.empty:
        raise ValueError(f"{name}: no first-major completions by 6-digit CIP code")
    with transaction.atomic():
        return TrainingSupply.objects.create(
            region=region,
            source_name=name,
            completions=[[c, int(n)] for c, n in by_cip.itertuples(index=False)],
            completers=int(by_cip["completers"].sum()),
            separation_rate=rate,
            uploaded_by=user,
        )
