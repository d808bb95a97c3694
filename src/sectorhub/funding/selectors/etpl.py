"""The training provider list and its alignment to a region's target occupations.

Target occupations come from the region's published data package (its supply section's high-demand occupations,
read through `sectorhub.lmi.api.target_occupations`); a user may instead type SOC codes. The crosswalk is read
once per process (it does not change between requests).
"""

from __future__ import annotations

from functools import lru_cache

from sectorhub.funding.models import ProgramUpload, TrainingProgram


@lru_cache(maxsize=2)
def _links(data_dir: str):
    from sectorhub.lmi import api

    return api.cip_soc_links()


def crosswalk_links():
    """The CIP–SOC links (cached per data folder)."""
    from sectorhub.paths import data_dir

    return _links(str(data_dir()))


def program_rows() -> list[dict]:
    """Programs as dicts the engine's alignment reads."""
    return list(
        TrainingProgram.objects.values(
            "id",
            "provider",
            "name",
            "cip_code",
            "credential",
            "cost",
            "length_weeks",
            "enrollments",
            "completers",
        )
    )


def package_targets(region) -> tuple[list[tuple[str, str]], object | None]:
    """(SOC, title) target occupations of the region's newest published package, and that package."""
    from sectorhub.datapackages.models import PublishedPackage
    from sectorhub.lmi import api

    pkg = (
        PublishedPackage.objects.filter(region=region, withdrawn_at__isnull=True)
        .order_by("-published_at")
        .first()
    )
    if pkg is None:
        return [], None
    return api.target_occupations(pkg.data), pkg


def alignment(targets: list[str]):
    """The engine's alignment of the current list to `targets` (SOC codes)."""
    from sectorhub.lmi import api

    return api.etpl_alignment(program_rows(), targets, crosswalk_links())


def etpl_page(*, region_id: int | None = None, socs: list[str] | None = None) -> dict:
    """What the ETPL page shows: the upload, the regions to choose, and the alignment if a region is chosen."""
    from sectorhub.regions.models import Region

    context = {
        "upload": ProgramUpload.objects.select_related("uploaded_by").first(),
        "program_count": TrainingProgram.objects.count(),
        "regions": Region.objects.filter(published_packages__withdrawn_at__isnull=True).distinct(),
        "region": None,
        "result": None,
        "package": None,
        "target_titles": {},
    }
    targets: list[str] = []
    if region_id is not None:
        region = Region.objects.filter(pk=region_id).first()
        if region is not None:
            pairs, pkg = package_targets(region)
            context.update(region=region, package=pkg, target_titles=dict(pairs))
            targets = [soc for soc, _ in pairs]
    if socs:
        targets = socs
    if targets and context["program_count"]:
        context["result"] = alignment(targets)
    return context
