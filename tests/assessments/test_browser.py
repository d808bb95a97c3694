"""In headless Chromium: a respondent fills in the state self-assessment, staff close the cycle and open the report.

Fails on any serious or critical accessibility violation (axe-core), any Content-Security-Policy or script error,
and a radar chart that does not draw. Uses the helpers and settings of tests/core/test_browser.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sectorhub.assessments import services
from sectorhub.assessments.models import Item
from sectorhub.core.roles import Role
from sectorhub.partnerships.defaults import PHASES
from sectorhub.partnerships.models import Phase
from tests.core.factories import UserFactory
from tests.core.test_browser import AXE, CHROMIUM, PASSWORD, scan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not shutil.which("chromium"), reason="chromium not installed"
    ),
    pytest.mark.skipif(not AXE.exists(), reason="front-end vendor files not copied (make frontend)"),
]

LEVELS = ["emerging", "developing", "established", "dont_know"]


@pytest.fixture
def cycle(transactional_db):
    """An open cycle on the shipped state instrument with one respondent; transactional tests start from empty
    tables, so the shipped instruments and the default phases are stored again here."""
    for order, (slug, name, active) in enumerate(PHASES, start=1):
        Phase.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order * 10, "is_active": active}
        )
    services.ensure_default_instruments()
    staff = UserFactory(username="staffer", role=Role.STATE_STAFF, password=PASSWORD)
    respondent = UserFactory(
        username="labor", role=Role.ANALYST, password=PASSWORD, organization_name="Department of Labor"
    )
    cycle = services.create_cycle(
        user=staff, name="Statewide 2026", version=services.latest_version("state"), opens_on="2026-09-01"
    )
    services.add_respondents(user=staff, cycle=cycle, respondents=[respondent])
    # Read the items now: the database cannot be queried once Playwright's event loop runs in this thread.
    cycle.items = list(
        Item.objects.filter(capability__version=cycle.version).order_by("capability__order", "order")
    )
    return cycle


def sign_in(page, base: str, username: str) -> None:
    """Sign in through the form."""
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_a_respondent_fills_in_the_assessment_and_staff_open_the_report(live_server, cycle, page):
    base = live_server.url
    items = cycle.items

    sign_in(page, base, "labor")
    page.goto(f"{base}/assessments/")
    page.click("text=Statewide 2026")
    page.click("text=Answer the assessment")
    assert page.locator("[data-evidence=partnership_coverage]").count() == 1
    assert scan(page) == []
    for index, item in enumerate(items):
        level = LEVELS[index % len(LEVELS)]
        page.click(f"label[for=id_level_{item.pk}_{['not_started', *LEVELS].index(level)}]")
        page.select_option(f"#id_importance_{item.pk}", str(1 + index % 3))
    page.click("button[name=submit]")
    # "Established" without evidence is refused, with the problems listed at the top and beside each item.
    assert page.locator(".usa-alert--error").count() == 1
    assert scan(page) == []
    established = [item for index, item in enumerate(items) if LEVELS[index % len(LEVELS)] == "established"]
    for item in established:
        page.fill(f"#id_evidence_{item.pk}", "Named in the state plan")
    page.click("button[name=submit]")
    page.wait_for_selector("text=Your answers are submitted.")

    sign_in(page, base, "staffer")
    page.goto(f"{base}/assessments/{cycle.pk}/")
    page.click("text=Close the cycle")
    page.wait_for_selector("h1:has-text('Statewide 2026: report')")
    page.wait_for_selector("[data-vega-chart=radar-spec][data-rendered]", timeout=15000)
    assert page.get_attribute("[data-vega-chart=radar-spec]", "data-rendered") == "true"
    assert page.locator("[data-vega-chart=radar-spec] svg").count() == 1
    assert "Named in the state plan" in page.content()
    assert scan(page) == []
    pdf = page.request.get(f"{base}/assessments/{cycle.pk}/report.pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    for path in [
        "/assessments/",
        f"/assessments/{cycle.pk}/",
        "/assessments/new/",
        f"/assessments/{cycle.pk}/actions/add/",
        "/assessments/instruments/",
        f"/assessments/instruments/{cycle.version.instrument_id}/",
        f"/assessments/instruments/{cycle.version.instrument_id}/edit/",
    ]:
        page.goto(f"{base}{path}")
        assert scan(page) == [], path
    assert page.problems == []
