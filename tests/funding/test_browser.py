"""In headless Chromium: staff publish a solicitation, a convener applies, two reviewers score (one declares a
conflict on another application), staff award; the public pages show the open solicitation and then the award.

Fails on any serious or critical accessibility violation (axe-core) on the funding pages it visits and on any
script or CSP error. Uses the helpers and settings of tests/core/test_browser.py.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from django.utils import timezone

from sectorhub.core.roles import Role
from sectorhub.funding import services
from sectorhub.partnerships.defaults import PHASES, QUALITY_CRITERIA
from sectorhub.partnerships.models import Phase, QualityCriterion
from tests.core.factories import UserFactory
from tests.core.test_browser import AXE, CHROMIUM, PASSWORD, scan
from tests.funding.factories import FundingStreamFactory
from tests.partnerships.factories import PartnershipFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not shutil.which("chromium"), reason="chromium not installed"
    ),
    pytest.mark.skipif(not AXE.exists(), reason="front-end vendor files not copied (make frontend)"),
]


@pytest.fixture
def grants(transactional_db, settings, tmp_path):
    """A stream, the convener's partnership, two reviewers, and another round whose application r1 must declare
    on. Everything the test later reads is read here: Playwright's loop forbids queries in the test."""
    settings.SECTORHUB_HOME = tmp_path
    for order, (slug, name, active) in enumerate(PHASES, start=1):
        Phase.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order * 10, "is_active": active}
        )
    for order, (key, name, description) in enumerate(QUALITY_CRITERIA, start=1):
        QualityCriterion.objects.get_or_create(
            key=key, defaults={"name": name, "description": description, "order": order}
        )
    staff = UserFactory(username="staffer", role=Role.STATE_STAFF, password=PASSWORD)
    convener = UserFactory(username="conv", role=Role.CONVENER, password=PASSWORD)
    r1 = UserFactory(username="r1", role=Role.GRANT_REVIEWER, password=PASSWORD)
    UserFactory(username="r2", role=Role.GRANT_REVIEWER, password=PASSWORD)
    stream = FundingStreamFactory(
        name="Governor's reserve", amount="500000", available_until=dt.date(2030, 12, 31)
    )
    mine = PartnershipFactory(name="Capital Health Partnership", convener__name="Capital Workforce Board")
    mine.conveners.add(convener)
    other = PartnershipFactory(name="River Valley Partnership")
    earlier = services.create_solicitation(
        user=staff,
        title="Earlier round",
        description="Another round.",
        amount="1000",
        streams=[stream],
        opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=1),
    )
    services.publish_solicitation(user=staff, solicitation=earlier)
    app = services.create_application(
        user=staff,
        solicitation=earlier,
        organization=other.convener,
        partnership=other,
        title="River Valley plan",
    )
    services.set_budget_request(user=staff, application=app, stream=stream, category="staff", amount="900")
    app = services.submit_application(user=staff, application=app)
    services.assign_reviewer(user=staff, application=app, reviewer=r1)
    return {"conflicted_app": app.pk, "opens": (timezone.localtime() - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "closes": (timezone.localtime() + dt.timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")}  # fmt: skip


def sign_in(page, base: str, username: str) -> None:
    """Sign in through the form."""
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def score_all(page, value: str) -> None:
    """Give every criterion the same score, with a comment."""
    for select in page.locator("main select").all():
        select.select_option(value)
    for box in page.locator("main textarea").all():
        box.fill("Clear employer commitments.")
    page.click("main button[type=submit]")


def test_publish_apply_review_with_a_conflict_and_award(live_server, grants, page):
    base = live_server.url
    title = "Sector Partnership Grants 2027"

    sign_in(page, base, "staffer")
    page.goto(f"{base}/funding/solicitations/new/")
    page.fill("#id_title", title)
    page.fill("#id_description", "Grants for employer-led partnerships.")
    page.click("label[for=id_streams_0]")
    page.fill("#id_amount", "250000")
    page.fill("#id_opens_at", grants["opens"])
    page.fill("#id_closes_at", grants["closes"])
    page.fill("#id_questions", "What will the partnership do?")
    page.click("main button[type=submit]")
    page.wait_for_selector(f"h1:has-text('{title}')")
    assert page.locator("text=Draft").count() >= 1
    page.click("main button:has-text('Publish')")
    page.wait_for_selector("text=Published.")
    assert scan(page) == []

    page.context.clear_cookies()
    page.goto(f"{base}/funding/solicitations/")
    assert title in page.content()
    assert scan(page) == []

    sign_in(page, base, "conv")
    page.goto(f"{base}/funding/solicitations/")
    page.click(f"text={title}")
    page.click("text=Start an application")
    page.select_option("#id_partnership", label="Capital Health Partnership")
    page.fill("#id_title", "Capital nursing pipeline")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1:has-text('answers and budget')")
    page.locator("main textarea").nth(1).fill("Train 40 nurses with three hospitals.")
    page.fill("input[name$=_training]", "120000")
    assert scan(page) == []
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Draft saved.")
    page.click("main button:has-text('Submit')")
    page.wait_for_selector("h1:has-text('Application received')")
    assert "Receipt number" in page.content() and "$120,000.00" in page.content()
    application_url = page.url.replace("receipt/", "")

    sign_in(page, base, "staffer")
    for reviewer in ("r1", "r2"):
        page.goto(application_url + "assign/")
        page.select_option("#id_reviewer", label=reviewer)
        page.click("main button[type=submit]")
        page.wait_for_selector("text=Reviewer assigned.")

    sign_in(page, base, "r1")
    page.goto(f"{base}/funding/reviews/")
    page.click("text=River Valley plan")
    page.click("label[for=id_has_conflict_1]")
    page.fill("#id_conflict_note", "I sit on River Valley's board.")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Declaration recorded.")
    assert "Conflict declared" in page.content()
    assert page.goto(f"{base}/funding/applications/{grants['conflicted_app']}/").status == 404
    assert page.goto(f"{base}/api/funding/applications/{grants['conflicted_app']}").status == 404
    page.goto(f"{base}/funding/reviews/")
    page.click("text=Capital nursing pipeline")
    page.click("label[for=id_has_conflict_0]")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1:has-text('Score')")
    assert "stay hidden until every reviewer is in" in page.content()
    assert scan(page) == []
    score_all(page, "4")
    page.wait_for_selector("text=Scores saved.")

    sign_in(page, base, "r2")
    page.goto(f"{base}/funding/reviews/")
    page.click("text=Capital nursing pipeline")
    page.click("label[for=id_has_conflict_0]")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1:has-text('Score')")
    score_all(page, "2")
    page.wait_for_selector("text=Scores saved.")

    sign_in(page, base, "staffer")
    page.goto(f"{base}/funding/solicitations/")
    page.click(f"main a:has-text('{title}')")
    page.click("text=Ranking and decisions")
    assert "3.00" in page.content() and "spread" in page.content()  # (4 + 2) / 2 = 3 on every criterion
    assert scan(page) == []
    page.click("main a:has-text('Decide')")
    page.click("label[for=id_outcome_0]")
    page.fill("#id_amount", "300000")
    page.fill("#id_reasons", "Ranked first.")
    page.click("main button[type=submit]")
    assert "than the $120,000.00 requested" in page.content()
    page.fill("#id_amount", "100000")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Decision recorded.")

    page.context.clear_cookies()
    page.goto(f"{base}/funding/awards/")
    assert "Capital Workforce Board" in page.content() and "100,000.00" in page.content()
    assert "r1" not in page.locator("main").inner_text()
    assert scan(page) == []
    assert [p for p in page.problems if "404" not in p] == []
