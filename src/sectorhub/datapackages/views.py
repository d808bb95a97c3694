"""Data package pages: a region's package with filters (htmx), downloads, publishing, and the public list."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from sectorhub.datapackages import building, selectors, services
from sectorhub.datapackages.models import PublishedPackage
from sectorhub.datapackages.permissions import can_publish, can_upload_training
from sectorhub.datapackages.views_occupations import occupation_link_pattern
from sectorhub.regions.models import Region

# How long a request waits for a package being built before the page polls instead (a download waits longer:
# a file cannot poll). Both stay well under gunicorn's worker timeout (config/gunicorn.py).
PAGE_WAIT_SECONDS = 2.0
DOWNLOAD_WAIT_SECONDS = 20.0  # below the request guard (SECTORHUB_REQUEST_TIMEOUT, 25 s by default)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "html": "text/html; charset=utf-8",
}


def _region_choice(request, pk):
    region = get_object_or_404(Region.objects.prefetch_related("counties"), pk=pk)
    try:
        periods = selectors.periods_for(selectors.region_counties(region))
    except FileNotFoundError as exc:
        raise Http404("no labor-market data is loaded (run `sectorhub lmi load`)") from exc
    if not periods:
        raise Http404("no loaded period covers every county of this region")
    return region, periods, selectors.choice_from(request.GET, periods)


def _period_labels(periods) -> list[tuple[str, str]]:
    return [(f"{y}-{q}", f"{y} Q{q}" if q != "A" else f"{y} annual") for y, q in periods]


def _filter_query(choice) -> str:
    """The package filters as a query string (downloads and the way back from the confirmation page)."""
    return urlencode(selectors.package_params(choice), doseq=True)


def region_package(request, pk: int):
    """The package page; an htmx filter change re-renders only the package body.

    A package not built yet is built in the background: after PAGE_WAIT_SECONDS the page says it is being built
    and polls (htmx, or a refresh without JavaScript) until it is there.
    """
    region, periods, choice = _region_choice(request, pk)
    sectors = (
        selectors.sector_choices()
    )  # before a build may take the engine (memoised: no query after the first)
    key, build = selectors.package_request(region, choice)
    query = _filter_query(choice)  # the checked filters, not the raw query
    body = building.cached(_fragment_key(key, region))  # a warm page needs only the rendered body
    if body is None:
        pkg = building.get_or_build(key, build, wait=PAGE_WAIT_SECONDS)
        body = _fragment(region, key, pkg, query) if pkg is not None else None
    context = {
        "region": region,
        "building": body is None,
        "poll_url": reverse("datapackages:region_package", args=[region.pk]) + f"?{query}",
        "periods": _period_labels(periods),
        "choice": choice,
        "period_value": f"{choice.year}-{choice.period}",
        "levels": selectors.LEVELS,
        "ownerships": selectors.OWNERSHIPS,
        "map_measures": selectors.MAP_MEASURES,
        "sector_choices": sectors,
        "can_publish": can_publish(request.user),
        "can_upload_training": can_upload_training(request.user),
        "training_supply": selectors.training_supply(region),
        "published": selectors.published_for(region),
    }
    if body is not None:
        context["body"] = mark_safe(body)  # noqa: S308 - rendered by the engine's autoescaped template
    template = "datapackages/_package.html" if request.htmx else "datapackages/region_package.html"
    return render(request, template, context)


def _fragment_key(key: str, region) -> str:
    return f"{key}:{region.pk}:embed"


def _fragment(region, key: str, pkg, query: str) -> str:
    """The package body with its download links and occupation links (cached with the package)."""
    from sectorhub.lmi.api import package_fragment

    downloads = {
        fmt.upper(): reverse("datapackages:download", args=[region.pk, fmt]) + f"?{query}"
        for fmt in ("pdf", "xlsx", "csv", "json")
    }
    # The supply section's SOC codes link to the occupation pages, in this region.
    links = {"soc_code": occupation_link_pattern(region)}
    return building.cached_output(
        f"{key}:{region.pk}", "embed", lambda: package_fragment(pkg, "embed", downloads, links)
    )  # stored under _fragment_key(key, region)


def download(request, pk: int, fmt: str):
    """The package as a file: pdf, xlsx, csv or json (the same package as the page)."""
    if fmt not in CONTENT_TYPES:
        raise Http404("unknown format")
    region, _, choice = _region_choice(request, pk)
    from sectorhub.lmi.api import render_package

    key, pkg = selectors.cached_package(region, choice, wait=DOWNLOAD_WAIT_SECONDS)
    if pkg is None:
        response = HttpResponse(
            "The package is still being built; try again in a few seconds.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "5"
        return response
    body = building.cached_output(key, fmt, lambda: render_package(pkg, fmt))
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    name = slugify(f"{region.name} {pkg.period_label} {pkg.level_label}")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def publish(request, pk: int):
    """Publish the region's package with the posted filters (state staff), after a confirmation page.

    The first POST (from the package page) only shows what will be published, filter by filter; the package is
    published when that page's own button posts the same filters back with ``confirm``.
    """
    region, periods, _ = _region_choice(request, pk)
    choice = selectors.choice_from(request.POST, periods)
    if (
        choice.estimates
    ):  # the page offers no publish button then; a crafted request is refused, nothing stored
        return HttpResponse(
            "A package with SectorHub estimates of suppressed figures is never published.",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    if request.POST.get("confirm") != "yes":
        if not can_publish(request.user):
            raise PermissionDenied("only state staff publish data packages")
        context = {
            "region": region,
            "choice": choice,
            "period_value": f"{choice.year}-{choice.period}",
            "period_label": dict(_period_labels(periods))[f"{choice.year}-{choice.period}"],
            "level_label": dict(selectors.LEVELS)[choice.level],
            "ownership_label": dict(selectors.OWNERSHIPS)[choice.ownership],
            "back": reverse("datapackages:region_package", args=[region.pk]) + "?" + _filter_query(choice),
            "published": selectors.published_for(region),
        }
        return render(request, "datapackages/publish_confirm.html", context)
    snapshot = services.publish_package(user=request.user, region=region, choice=choice)
    messages.success(request, f"Published: {snapshot.title}.")
    return redirect("datapackages:published_detail", pk=snapshot.pk)


def training_supply(request, pk: int):
    """Upload the region's program completions (IPEDS) and separation rate (state staff and analysts)."""
    region = get_object_or_404(Region, pk=pk)
    try:
        supply = services.upload_training_supply(
            user=request.user,
            region=region,
            upload=request.FILES.get("completions"),
            separation_rate=request.POST.get("separation_rate", ""),
        )
    except ValueError as exc:
        messages.error(request, f"Nothing was kept: {exc}")
    else:
        messages.success(request, f"Training supply for {region.name}: {supply}.")
    return redirect("datapackages:region_package", pk=region.pk)


def withdraw(request, pk: int):
    """Withdraw a published package (state staff)."""
    snapshot = get_object_or_404(PublishedPackage, pk=pk, withdrawn_at__isnull=True)
    services.withdraw_package(user=request.user, snapshot=snapshot)
    messages.success(request, f"Withdrawn: {snapshot.title}.")
    return redirect("datapackages:published")


def published(request):
    """Every published package, for anyone; signed-in users also get every region's package to build."""
    regions = selectors.package_regions() if request.user.is_authenticated else []
    context = {"packages": selectors.published_packages(), "regions": regions}
    return render(request, "datapackages/published_list.html", context)


def published_detail(request, pk: int):
    """One published package, read-only, as it was published."""
    snapshot = get_object_or_404(selectors.published_packages(), pk=pk)
    context = {
        "snapshot": snapshot,
        "body": mark_safe(snapshot.body_html),  # noqa: S308 - rendered by our autoescaped template
        "can_publish": can_publish(request.user),
    }
    return render(request, "datapackages/published_detail.html", context)


def published_download(request, pk: int):
    """A published package's JSON, as published."""
    snapshot = get_object_or_404(selectors.published_packages(), pk=pk)
    response = HttpResponse(
        json.dumps(snapshot.data, indent=1, ensure_ascii=False),
        content_type=CONTENT_TYPES["json"],
    )
    response["Content-Disposition"] = f'attachment; filename="{slugify(snapshot.title)}.json"'
    return response
