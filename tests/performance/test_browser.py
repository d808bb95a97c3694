"""In headless Chromium: a convener submits a quarterly report, staff return it, the convener fixes and
resubmits, staff approve, and the partnership dashboard shows the approved value (with its trend chart)."""

from __future__ import annotations

import pytest

from sectorhub.core.roles import Role
from sectorhub.partnerships.defaults import PHASES
from sectorhub.partnerships.models import Phase
from tests.core.factories import UserFactory
from tests.core.test_browser import PASSWORD, scan
from tests.core.test_browser import pytestmark as browser_marks
from tests.partnerships.factories import PartnershipFactory

pytestmark = browser_marks


@pytest.fixture
def people(transactional_db):
    """A partnership, its convener and a state staff member (phases re-created: transactional tests start empty)."""
    for order, (slug, name, active) in enumerate(PHASES, start=1):
        Phase.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order * 10, "is_active": active}
        )
    p = PartnershipFactory(name="Capital Manufacturing Partnership")
    convener = UserFactory(username="conv", role=Role.CONVENER, password=PASSWORD)
    p.conveners.add(convener)
    UserFactory(username="staffer", role=Role.STATE_STAFF, password=PASSWORD)
    return p


def sign_in(page, base: str, username: str) -> None:
    """Sign out whoever is signed in, then sign in."""
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_convener_submits_staff_return_convener_resubmits_staff_approve_dashboard_shows_it(
    live_server, people, page
):
    """Enrollment first 12, returned as too low, corrected to 44; the dashboard then shows 44 against 40."""
    base = live_server.url
    sign_in(page, base, "conv")
    page.goto(f"{base}/performance/partnerships/{people.pk}/reports/new/")
    assert scan(page) == []
    page.fill("#id_quarter", "2026Q1")
    page.fill("#id_v_enrollment", "12")
    page.click("main button[type=submit]")
    page.wait_for_selector("#report-status:has-text('Draft')")
    page.click("button:has-text('Submit to state staff')")
    page.wait_for_selector("#report-status:has-text('Submitted')")
    report_url = page.url

    sign_in(page, base, "staffer")
    page.goto(report_url)
    page.click("label[for=id_decision_1]")  # USWDS radios: the label is what a person clicks
    page.fill("#id_comment", "Enrollment looks low: count the evening cohort too")
    page.click("button:has-text('Record the review')")
    page.wait_for_selector("#report-status:has-text('Returned')")

    sign_in(page, base, "conv")
    page.goto(report_url)
    assert "count the evening cohort too" in page.content()
    page.click("a:has-text('Change')")
    page.fill("#id_v_enrollment", "44")
    page.click("main button[type=submit]")
    page.click("button:has-text('Submit to state staff')")
    page.wait_for_selector("#report-status:has-text('Submitted')")

    sign_in(page, base, "staffer")
    page.goto(report_url)
    page.click("label[for=id_decision_0]")
    page.click("button:has-text('Record the review')")
    page.wait_for_selector("#report-status:has-text('Approved')")

    page.goto(f"{base}/performance/partnerships/{people.pk}/?quarter=2026Q1")
    row = page.locator("tr", has=page.locator("th", has_text="People enrolled in training"))
    assert row.locator("td").nth(1).inner_text() == "44"
    assert row.locator("td").nth(2).inner_text() == "40"
    page.wait_for_selector("[data-vega-chart][data-rendered]", timeout=15000)
    assert page.get_attribute("[data-vega-chart]", "data-rendered") == "true"
    assert scan(page) == []
    assert page.problems == []


def test_staff_upload_records_see_the_cells_publish_them_and_add_a_public_story(
    live_server, people, page, settings
):
    """The hand-built cohort of test_records_upload (employment_q2 10 / 15 for all, the adult cell suppressed as
    youth's complement) through the form; a bad wage line first names its line; then a story with consent, public,
    shows in the public annual report. Every page passes axe."""
    from tests.performance.test_records_upload import KEY, RAW, participants_csv, wages_csv

    settings.SECTORHUB_ID_KEY = KEY
    base = live_server.url
    sign_in(page, base, "staffer")
    page.goto(f"{base}/performance/outcomes/upload/")
    assert scan(page) == []

    def choose(wages: bytes):
        page.set_input_files("#id_participants", {"name": "p.csv", "mimeType": "text/csv",
                                                  "buffer": participants_csv()})  # fmt: skip
        page.set_input_files("#id_wages", {"name": "w.csv", "mimeType": "text/csv", "buffer": wages})
        page.fill("#id_program_year", "2023")
        page.fill("#id_wages_through", "2024Q4")
        page.click("main button[type=submit]")

    choose(wages_csv(bad_line=4))
    page.wait_for_selector(".usa-alert--error")
    assert "w.csv, line 4, column 3 (quarter): bad quarter '5'" in page.inner_text(".usa-alert--error")
    assert scan(page) == []
    choose(wages_csv())
    page.wait_for_selector("#run-status:has-text('Not published')")
    row = page.locator("#cells tr", has=page.locator("td", has_text="employment_q2")).first
    assert row.locator("td").all_inner_texts() == ["employment_q2", "all", "All", "10", "15", "0.667"]
    adult = page.locator("#cells tr", has_text="adult").first
    assert adult.locator("td").all_inner_texts()[3:] == ["—", "12", "suppressed"]
    assert RAW not in page.content()
    assert scan(page) == []
    page.click("button:has-text('Publish on the public scorecard')")
    page.wait_for_selector("#run-status:has-text('Published')")

    page.goto(f"{base}/performance/stories/new/")
    assert scan(page) == []
    page.fill("#id_year", "2024")
    page.fill("#id_title", "A shared welding lab")
    page.fill("#id_body", "Three employers and the college opened a lab.")
    page.fill("#id_attribution", "Ana Ruiz, Acme Fabrication")
    page.click("label[for=id_is_public]")
    page.click("main button[type=submit]")
    page.wait_for_selector(".usa-alert--error")  # public without consent is refused
    page.click("label[for=id_consent]")
    page.click("main button[type=submit]")
    page.wait_for_selector("#story-status:has-text('Public')")
    assert "story added" in page.inner_text("#history-heading + table")
    assert scan(page) == []

    page.context.clear_cookies()
    page.goto(f"{base}/performance/public/annual-report/?year=2024")
    assert "A shared welding lab" in page.content() and "Ana Ruiz, Acme Fabrication" in page.content()
    assert scan(page) == []
    assert page.problems == []
