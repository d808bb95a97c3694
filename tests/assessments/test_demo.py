"""The demo: last year's closed cycle and this year's open one with several respondents, through the app hook."""

from __future__ import annotations

import pytest
from django.conf import settings

from sectorhub.assessments import selectors
from sectorhub.assessments.demo import RESPONDENTS
from sectorhub.assessments.models import Cycle
from sectorhub.partnerships.demo import load_demo
from sectorhub.web_cli import app_demos

pytestmark = pytest.mark.skipif(
    not (settings.SECTORHUB_DATA / "reference").is_dir(),
    reason="shared data folder (SECTORHUB_DATA) not present",
)


@pytest.fixture
def demo(db):
    result = load_demo(password="a demo password 123")
    return app_demos(password=result.password)


def test_the_demo_hook_adds_a_closed_and_an_open_cycle_once(demo, django_user_model):
    assert any(line.startswith("Self-assessment: 2 demo cycles") for line in demo)
    app_demos(password="a demo password 123")  # loading again adds nothing
    cycles = {c.name: c for c in Cycle.objects.all()}
    assert len(cycles) == 2
    last, this = cycles["Demo: State self-assessment 2025"], cycles["Demo: State self-assessment 2026"]
    assert (last.status, this.status) == ("closed", "open")
    assert last.responses.count() == this.responses.count() == len(RESPONDENTS) == 5
    assert last.responses.filter(submitted_at__isnull=False).count() == 4
    assert this.responses.filter(submitted_at__isnull=False).count() == 3
    jfs = django_user_model.objects.get(username="jfs")
    assert jfs.check_password("a demo password 123") and jfs.role == "analyst"


def test_this_years_demo_shows_the_planted_disagreement_and_progress_over_last_year(demo):
    """vision-adopted is rated 3, 2, 0, 1 by the four answering agencies: 3 against 0 is a dispute.
    Vision's base rating rises from 1 (2025) to 2 (2026), so its mean must rise."""
    this = Cycle.objects.get(name="Demo: State self-assessment 2026")
    results = selectors.score(this, selectors.capabilities_of(this))
    vision = next(c for c in results if c.key == "vision")
    adopted = next(i for i in vision.items if i.key == "vision-adopted")
    assert adopted.disputed and (adopted.low, adopted.high) == (0, 3) and adopted.mean == pytest.approx(1.5)
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.get(username="staff")
    points = [p for p in selectors.history(this, user=staff) if p.capability_key == "vision"]
    assert [p.cycle.name for p in points] == [
        "Demo: State self-assessment 2025",
        "Demo: State self-assessment 2026",
    ]
    assert points[1].mean > points[0].mean
