"""Plug-in for the region page (found by core.discovery.app_modules): a link to the region's data package."""

from __future__ import annotations

from django.urls import reverse

from sectorhub.core.permissions import can_read


def region_links(region, user) -> list[tuple[str, str]]:
    """(label, URL) of the region's data package, for the users the permission map lets build one."""
    if not can_read(user, "datapackages:region_package"):
        return []
    return [("Data package", reverse("datapackages:region_package", args=[region.pk]))]
