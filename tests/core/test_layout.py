"""Layout: the header on one line at 1366 px, no sideways scrolling on a 390 px phone, history in one format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse

from sectorhub.core.history import history_rows, when_text
from sectorhub.core.roles import Role
from tests.core.test_browser import CHROMIUM, PASSWORD, registry  # noqa: F401 - the registry fixture


@pytest.mark.django_db
def test_history_shows_local_times_and_the_forms_field_labels(make_user):
    """A partnership made public then private: 'Show on the public pages' (the form's label), not 'Is public';
    times as 'YYYY-MM-DD HH:MM EST' in America/New_York, never '+00:00' or microseconds."""
    from sectorhub.partnerships import selectors
    from tests.partnerships.factories import PartnershipFactory

    staff = make_user(Role.STATE_STAFF, username="sam")
    partnership = PartnershipFactory(is_public=True)
    partnership._history_user = staff
    partnership.is_public = False
    partnership.save()
    rows = selectors.partnership_history(partnership)
    labels = [c.label for row in rows for c in row.changes]
    assert "Show on the public pages" in labels and "Is public" not in labels
    assert all("+00:00" not in row.when and "." not in row.when for row in rows)
    moment = dt.datetime(2026, 12, 1, 20, 15, 1, 370653, tzinfo=dt.UTC)
    assert when_text(moment) == "2026-12-01 15:15 EST"


@pytest.mark.django_db
def test_a_datetime_field_in_history_reads_in_local_time():
    """A datetime value that changed (e.g. a published package's withdrawal time) is written like the When
    column: 20:15 UTC on 1 Dec 2026 reads '2026-12-01 15:15 EST'."""
    from sectorhub.core.history import _text

    class F:
        is_relation = False
        choices = None

    assert (
        _text(F(), dt.datetime(2026, 12, 1, 20, 15, 1, 370653, tzinfo=dt.UTC), {}) == "2026-12-01 15:15 EST"
    )
    assert history_rows  # the helper the pages call


def test_the_region_map_caption_reads_as_a_sentence(client, db):
    """The region page caption names the region as written and says what the colors mean (it read
    'Counties colored by demo lwa: franklin county.')."""
    from tests.regions.factories import CountyFactory, RegionFactory

    region = RegionFactory(name="Demo LWA: Franklin County", counties=[CountyFactory(fips="39049")])
    html = client.get(reverse("regions:detail", args=[region.pk])).content.decode()
    assert (
        "The 1 county of Demo LWA: Franklin County in color; the state&#x27;s other counties in grey." in html
    )
    assert "demo lwa" not in html


@pytest.mark.django_db
def test_the_goals_page_states_the_goal_then_its_true_status():
    """Two local areas, none covered: 'Goal: “Every local area covered”.' then 'Not met yet: 0 of 2 … covered;
    2 still have none:' above the two areas (it read as if the goal were met)."""
    from django.test import Client

    from sectorhub.partnerships.models import Goal
    from tests.regions.factories import CountyFactory, RegionFactory

    RegionFactory(name="Area One", counties=[CountyFactory(fips="39049")])
    RegionFactory(name="Area Two", counties=[CountyFactory(fips="39041")])
    Goal.objects.create(name="Every local area covered", evaluator="region_coverage", parameters={})
    html = Client().get(reverse("partnerships:goals")).content.decode()
    text = " ".join(html.split())
    assert (
        "Goal: “Every local area covered”. Not met yet: 0 of 2 local workforce development areas covered; "
        in text
    )
    assert "2 still have none:" in text
    assert text.index("Not met yet") < text.index("Area One")


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium not installed")
def test_the_header_fits_one_line_at_1366_px_and_no_page_scrolls_sideways_at_390_px(
    live_server,
    registry,  # noqa: F811 - the imported fixture
    page,
):
    """Signed in as state staff: at 1366 px every header entry is one line high (≤ 50 px: one line plus padding)
    and all primary entries share one row; at 390 px the dashboard and goals page are no wider than the screen."""
    base = live_server.url
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{base}/login/")
    page.fill("#id_username", "staffer")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")
    boxes = page.evaluate(
        "Array.from(document.querySelectorAll('.usa-nav__primary > li > a, .usa-nav__primary > li > button'))"
        ".map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.height, r.top]; })"
    )
    assert {label for label, _h, _t in boxes} >= {
        "Partnerships",
        "Data packages",
        "Regions",
        "Self-assessment",
    }
    assert all(height <= 50 for _label, height, _top in boxes), boxes
    assert len({round(top) for _label, _h, top in boxes}) == 1, boxes
    sign_out = page.locator("text=Sign out staffer")
    assert sign_out.bounding_box()["height"] <= 30
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    # Every installed app's entry stays inside the header's grid (not only inside the window).
    overflow = page.evaluate(
        """() => {
            const grid = document.querySelector('.usa-nav__inner').getBoundingClientRect();
            const items = Array.from(document.querySelectorAll('.usa-nav__primary > li'));
            return items.map(li => li.getBoundingClientRect().right - grid.right).filter(d => d > 1);
        }"""
    )
    assert overflow == [], overflow
    # The four capability apps to come (capacity, outreach, funding, performance) add a link each: still one row.
    more = page.evaluate(
        """() => {
          const list = document.querySelector('.usa-nav__primary');
          const model = Array.from(list.children).find(li => li.querySelector(':scope > a'));
          for (const label of ['Capacity', 'Outreach', 'Funding', 'Performance']) {
            const li = model.cloneNode(true);
            li.querySelector('span').textContent = label;
            list.appendChild(li);
          }
          return Array.from(list.querySelectorAll(':scope > li > a, :scope > li > button'))
            .map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.height, r.top]; });
        }"""
    )
    assert len(more) == len(boxes) + 4
    assert all(height <= 50 for _label, height, _top in more), more
    assert len({round(top) for _label, _h, top in more}) == 1, more
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/", "/goals/"):
        page.goto(f"{base}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
