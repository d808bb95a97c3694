"""Make a process ready to build packages fast: heavy imports, reference tables, compiled queries.

A package's first build in a fresh process costs seconds that no later build pays: importing pandas, Ibis,
Altair and WeasyPrint, reading the O*NET skill profiles and the OEWS staffing patterns, compiling the region
queries into prepared statements, WeasyPrint's font set-up. A server calls :func:`warm_imports` once before it
forks its workers (what it loads is shared by them) and :func:`warm_store` in each worker, before the worker's
first request.

>>> warm_imports()                # doctest: +SKIP
>>> warm_store(store)             # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import time

# Bump when DataPackage changes shape: a cached package of an older shape is then never read.
PACKAGE_FORMAT = "4"


def warm_imports() -> dict[str, float]:
    """Import the package builder and renderers and load the reference tables; seconds taken by each step.

    Needs no store and opens no database connection, so it is safe before ``fork``. Reference files that are
    missing (a deployment without OEWS or O*NET) are skipped: the package says so when it is built.
    """
    timings: dict[str, float] = {}
    t = time.perf_counter()
    import weasyprint

    from sectorhub.lmi.packages.building import build  # noqa: F401
    from sectorhub.lmi.packages.rendering import charts, data, html, xlsx  # noqa: F401
    from sectorhub.lmi.packages.supply_side import section as _supply  # noqa: F401

    timings["imports"] = time.perf_counter() - t
    # WeasyPrint's first PDF sets up fontconfig and Pango (about a second; fontconfig may write its cache, which
    # several workers doing at once serialise on): done once here, before fork, a worker's first PDF is fast.
    t = time.perf_counter()
    weasyprint.HTML(string="<p>SectorHub</p>").write_pdf()
    timings["pdf fonts"] = time.perf_counter() - t
    from sectorhub.lmi.sources.oews import OewsError
    from sectorhub.lmi.sources.onet import OnetError
    from sectorhub.lmi.supply import careers, report

    t = time.perf_counter()
    try:
        report.national_patterns()
        report.occupation_facts()
        careers.skill_profiles()
    except (OewsError, OnetError, FileNotFoundError):
        pass
    timings["reference tables"] = time.perf_counter() - t
    return timings


def warm_store(store, *, pdf: bool = False) -> dict[str, float]:
    """Build one small package on ``store`` (its newest county period) so that the region queries are compiled
    (and render it as PDF if asked); seconds taken by each step ({} when nothing is loaded)."""
    from sectorhub.lmi.packages import build_package
    from sectorhub.lmi.packages.rendering.html import fragment, to_pdf

    timings: dict[str, float] = {}
    row = store.sql(
        "SELECT area_fips, year, qtr FROM qcew WHERE own_code = '0' AND industry_code = '10' "
        "AND length(area_fips) = 5 AND area_fips NOT LIKE '%000' AND area_fips NOT LIKE 'C%' "
        "ORDER BY year DESC, qtr DESC, area_fips LIMIT 1"
    ).fetchone()
    if row is None:
        return timings
    county, year, period = row
    t = time.perf_counter()
    pkg = build_package(store, [county], int(year), period)
    fragment(pkg, "embed")
    timings["package"] = time.perf_counter() - t
    if pdf:
        t = time.perf_counter()
        to_pdf(pkg)
        timings["pdf"] = time.perf_counter() - t
    return timings


def data_version(store) -> str:
    """A digest of what is loaded (every ledger row) and of the package format: it changes with any load.

    A cache of built packages keyed by it never serves a package built from other data.
    """
    digest = hashlib.sha256(PACKAGE_FORMAT.encode())
    for sha, loaded_at in store.sql("SELECT sha256, loaded_at FROM ledger ORDER BY file_id").fetchall():
        digest.update(f"{sha} {loaded_at}\n".encode())
    return digest.hexdigest()[:20]
