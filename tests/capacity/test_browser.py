"""In headless Chromium: staff add an event and a resource, a convener files a TA request, staff resolve it and the
challenge report shows it; then an anonymous employer finds a published partnership in the public directory and
sends the contact form. axe-core scans every page visited, every public page included."""

from __future__ import annotations

import datetime as dt

import pytest

from sectorhub.capacity.migrations._defaults import CATEGORIES
from sectorhub.capacity.models import ChallengeCategory
from sectorhub.core.roles import Role
from sectorhub.partnerships.defaults import PHASES
from sectorhub.partnerships.models import Phase
from sectorhub.public.models import PartnershipProfile
from tests.core.factories import UserFactory
from tests.core.test_browser import PASSWORD, pytestmark, scan  # noqa: F401  (the same skips and marks)
from tests.partnerships.factories import OrganizationFactory, PartnershipFactory
from tests.regions.factories import RegionFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def world(transactional_db, tmp_path, settings):
    """Transactional tests start from empty tables: phases and categories are re-created."""
    settings.SECTORHUB_HOME = tmp_path
    for order, (slug, name, active) in enumerate(PHASES, start=1):
        Phase.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order * 10, "is_active": active}
        )
    for order, (slug, name) in enumerate(CATEGORIES, start=1):
        ChallengeCategory.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
    north = RegionFactory(name="North Area")
    p = PartnershipFactory(name="North Advanced Manufacturing", region=north,
                           convener=OrganizationFactory(name="North Workforce Board"))  # fmt: skip
    PartnershipProfile.objects.create(partnership=p, works_on="Maintenance technicians", is_published=True,
                                      how_to_join="Write to the convener")  # fmt: skip
    UserFactory(username="staffer", role=Role.STATE_STAFF, password=PASSWORD)
    convener = UserFactory(username="conv", role=Role.CONVENER, password=PASSWORD, email="conv@example.org")
    north.conveners.add(convener)
    return p


def _sign_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_staff_and_a_convener_close_the_feedback_loop_and_an_employer_writes_in(
    live_server, world, page, tmp_path
):
    base = live_server.url
    _sign_in(page, base, "staffer")
    page.goto(f"{base}/capacity/events/new/")
    page.fill("#id_title", "Data diagnostics academy")
    page.select_option("#id_kind", label="Academy")
    page.fill("#id_starts_on", dt.date.today().isoformat())
    page.check("label:has-text('Data use')")
    page.check("label[for=id_is_public]")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1:has-text('Data diagnostics academy')")
    assert scan(page) == []

    pdf = tmp_path / "lq-guide.pdf"
    pdf.write_bytes(PDF)
    page.goto(f"{base}/capacity/resources/new/")
    page.fill("#id_title", "Reading location quotients")
    page.select_option("#id_kind", label="Toolkit")
    page.set_input_files("#id_upload", str(pdf))
    page.check("label:has-text('Partner alignment')")
    page.check("label[for=id_is_public]")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1:has-text('Reading location quotients')")
    assert scan(page) == []

    _sign_in(page, base, "conv")
    page.goto(f"{base}/capacity/requests/new/")
    page.select_option("#id_region", label="North Area")
    page.select_option("#id_category", label="Employer engagement")
    page.fill("#id_description", "Our employers stopped coming to meetings.")
    page.click("main button[type=submit]")
    page.wait_for_selector("#ta-status:has-text('Open')")
    assert scan(page) == []
    request_url = page.url

    _sign_in(page, base, "staffer")
    page.goto(request_url)
    page.select_option("#id_status", label="Resolved")
    page.fill("#id_resolution", "Facilitation coaching for the convener.")
    page.click("main form[action$='/update/'] button[type=submit]")
    page.wait_for_selector("#ta-status:has-text('Resolved')")
    page.goto(f"{base}/capacity/report/")
    row = page.locator("#by-category tr", has_text="Employer engagement")
    assert "NO OFFERING" in row.inner_text().upper() and row.locator("td").nth(4).inner_text() == "1"
    assert "Data diagnostics academy" in page.locator("#by-category tr", has_text="Data use").inner_text()
    assert scan(page) == []
    for path in (
        "/capacity/events/",
        "/capacity/resources/",
        "/capacity/requests/",
        "/capacity/not-reached/",
        "/capacity/attendance/",
    ):
        page.goto(f"{base}{path}")
        assert scan(page) == [], path

    page.context.clear_cookies()
    page.goto(f"{base}/")
    page.click("header a:has-text('Public site')")
    assert scan(page) == []
    page.click("main a:has-text('Find a partnership')")
    page.click("a:has-text('North Advanced Manufacturing')")
    assert "Maintenance technicians" in page.content()
    page.click("main button[type=submit]")  # empty: the errors must be accessible too
    assert scan(page) == []
    page.fill("#id_name", "Erin Employer")
    page.fill("#id_email", "erin@plant.example")
    page.fill("#id_message", "We make gearboxes and want to join.")
    page.check("label[for=id_consent]")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Your message is on its way")
    assert scan(page) == []
    for path in ("/public/", "/public/partnerships/", "/public/why-join/", "/public/events/", "/public/resources/",
                 "/public/data-packages/", "/outreach/champions/public/"):  # fmt: skip
        page.goto(f"{base}{path}")
        assert scan(page) == [], path
    assert "Data diagnostics academy" in page.goto(f"{base}/public/events/").text()
    _sign_in(page, base, "conv")  # the message reached the convener's inbox
    page.goto(f"{base}/public/inbox/")
    assert "erin@plant.example" in page.content() and "want to join" in page.content()
    assert scan(page) == []
    assert page.problems == []
    assert any((tmp_path / "private" / "resources").iterdir())  # the upload is stored outside the web root
