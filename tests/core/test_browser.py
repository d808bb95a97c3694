"""In headless Chromium: sign in, register a partnership, and scan the main pages with axe-core.

Fails on any serious or critical accessibility violation, on any Content-Security-Policy violation, and on a
county map that does not draw. Needs Debian's `chromium` (scripts/system-deps.sh installs it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.conf import settings

from sectorhub.core.roles import Role
from sectorhub.partnerships.defaults import PHASES, QUALITY_CRITERIA
from sectorhub.partnerships.models import Goal, Phase, QualityCriterion
from sectorhub.regions.reference import COUNTY_TOPOJSON
from tests.core.factories import UserFactory
from tests.partnerships.factories import IndustryFactory, OrganizationFactory, PartnershipFactory
from tests.regions.factories import CountyFactory, RegionFactory, StateFactory

CHROMIUM = "/usr/bin/chromium"
AXE = Path(settings.STATICFILES_DIRS[0]) / "vendor" / "axe" / "axe.min.js"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip
PASSWORD = "correct horse battery staple"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not shutil.which("chromium"), reason="chromium not installed"
    ),
    pytest.mark.skipif(not AXE.exists(), reason="front-end vendor files not copied (make frontend)"),
    pytest.mark.skipif(
        not (settings.SECTORHUB_DATA / COUNTY_TOPOJSON).is_file(), reason="shared data not present"
    ),
]


@pytest.fixture
def registry(transactional_db):
    """A small registry; the default phases are re-created because transactional tests start from empty tables."""
    for order, (slug, name, active) in enumerate(PHASES, start=1):
        Phase.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order * 10, "is_active": active}
        )
    for order, (key, name, description) in enumerate(QUALITY_CRITERIA, start=1):
        QualityCriterion.objects.get_or_create(
            key=key, defaults={"name": name, "description": description, "order": order}
        )
    ohio = StateFactory()
    franklin = CountyFactory(fips="39049", name="Franklin County", state=ohio)
    delaware = CountyFactory(fips="39041", name="Delaware County", state=ohio)
    capital = RegionFactory(name="Capital Area", counties=[franklin])
    RegionFactory(name="Delaware Area", counties=[delaware])
    IndustryFactory(code="3363", title="Motor vehicle parts manufacturing")
    OrganizationFactory(name="Capital Workforce Board")
    existing = PartnershipFactory(name="Existing Health Partnership", region=capital)
    Goal.objects.create(name="Every local area covered", evaluator="region_coverage", parameters={})
    Goal.objects.create(name="Five active", evaluator="active_count", parameters={"target": 5})
    UserFactory(username="staffer", role=Role.STATE_STAFF, password=PASSWORD)
    return existing


def scan(page) -> list[str]:
    """Run axe-core on the current page; return its serious and critical violations as text."""
    page.add_script_tag(url="/static/vendor/axe/axe.min.js")
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_sign_in_register_a_partnership_and_scan_the_main_pages(live_server, registry, page):
    base = live_server.url
    page.goto(f"{base}/login/")
    assert scan(page) == []
    page.fill("#id_username", "staffer")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")

    page.goto(f"{base}/partnerships/new/")
    page.click(
        "main button[type=submit]"
    )  # empty form: the error summary and messages must be accessible too
    assert page.locator(".usa-alert--error").count() == 1
    assert scan(page) == []
    page.fill("#id_name", "Capital Auto Parts Partnership")
    page.select_option("#id_region", label="Capital Area")
    page.fill("#id_industries", "3363")
    page.select_option("#id_convener", label="Capital Workforce Board")
    page.select_option("#id_phase", label="Launched")
    page.fill("#id_launch_date", "2025-05-01")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1:has-text('Capital Auto Parts Partnership')")
    assert "is registered" in page.content()
    assert scan(page) == []

    for path, has_map in [
        ("/", False),
        ("/partnerships/", False),
        (f"/partnerships/{registry.pk}/", False),
        ("/goals/", True),
        ("/regions/", True),
        (f"/regions/{registry.region_id}/", True),
        ("/organizations/", False),
    ]:
        page.goto(f"{base}{path}")
        if has_map:
            page.wait_for_selector("[data-county-map][data-rendered]", timeout=15000)
            assert page.get_attribute("[data-county-map]", "data-rendered") == "true", path
            assert page.locator("[data-county-map] svg path").count() >= 2, path
        assert scan(page) == [], path
    assert page.problems == []
    # The scan itself must be able to fail: an unlabeled text field is a critical violation.
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\">')")
    assert any(v.startswith("label (critical)") for v in scan(page))
