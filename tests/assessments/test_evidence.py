"""Live evidence beside items: figures from the partnership registry, and data packages when an app publishes them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sectorhub.assessments import evidence
from sectorhub.assessments.models import Item
from sectorhub.core.roles import Role
from sectorhub.partnerships.models import Goal, Phase
from tests.assessments.factories import CycleFactory, ResponseFactory
from tests.partnerships.factories import PartnershipFactory
from tests.regions.factories import CountyFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    """Two local areas; a launched partnership in the first, an exploring one in the second. Two goals:
    one active partnership (met: the launched one is active) and five (not met)."""
    north = RegionFactory(name="North Area", counties=[CountyFactory(fips="39901")])
    south = RegionFactory(name="South Area", counties=[CountyFactory(fips="39902")])
    PartnershipFactory(region=north)
    PartnershipFactory(region=south, phase=Phase.objects.get(slug="exploring"))
    Goal.objects.create(name="One active", evaluator="active_count", parameters={"target": 1})
    Goal.objects.create(name="Five active", evaluator="active_count", parameters={"target": 5})
    return north, south


def test_coverage_goals_and_active_partnerships_come_from_the_registry(registry, staff):
    """Coverage: North has a launched partnership, South only an exploring one → 1 of 2 areas.
    Goals: 1 active ≥ 1 met, 1 active < 5 not met → 1 of 2. Active in South: the exploring one is not active → 0."""
    figures = evidence.evidence_for(["partnership_coverage", "goals_met", "active_partnerships"], user=staff)
    assert figures["partnership_coverage"].summary == (
        "1 of 2 local workforce development areas covered by a launched partnership"
    )
    assert figures["partnership_coverage"].value == 0.5
    assert figures["goals_met"].summary == "1 of 2 statewide goals met"
    assert figures["active_partnerships"].summary == "1 active partnership statewide"
    south = evidence.active_partnerships(user=staff, region=registry[1])
    assert south.summary == "0 active partnerships in or overlapping South Area"


def test_packages_come_from_whichever_app_publishes_them(monkeypatch, staff):
    """An app's selectors module with published_packages() is found without naming the app."""
    from sectorhub.regions import selectors as region_selectors

    monkeypatch.setattr(region_selectors, "published_packages", lambda: ["a", "b", "c"], raising=False)
    assert evidence.packages_published(user=staff).summary == "3 regional data packages published"


def test_without_a_packages_app_the_figure_says_so_rather_than_zero(monkeypatch, staff):
    monkeypatch.setattr(evidence, "app_modules", lambda *args, **kwargs: iter(()))
    figure = evidence.packages_published(user=staff)
    assert not figure.available and figure.value is None
    assert figure.summary == "Data packages are not published through SectorHub yet"


def test_the_answer_page_shows_the_live_figure_beside_its_item(client, registry, make_user):
    cycle = CycleFactory()
    respondent = make_user(Role.ANALYST)
    ResponseFactory(cycle=cycle, respondent=respondent)
    client.force_login(respondent)
    html = client.get(reverse("assessments:respond", args=[cycle.pk])).content.decode()
    coverage = Item.objects.get(capability__version=cycle.version, key="coverage")
    block = html.split(f'id="item-{coverage.pk}"')[1].split('id="item-')[0]
    assert "1 of 2 local workforce development areas covered by a launched partnership." in block


def test_an_unknown_evidence_source_in_a_file_is_refused():
    from sectorhub.assessments.instruments import InstrumentError, parse_instrument

    text = "slug: x\nname: X\nlevel: state\ncapabilities:\n- key: c\n  name: C\n  items:\n  - key: i\n    text: I\n    evidence: rainfall\n"
    with pytest.raises(InstrumentError, match="unknown source 'rainfall'"):
        parse_instrument(text, evidence_keys=evidence.evidence_keys())


def test_packages_published_and_not_withdrawn_are_counted_from_the_data_packages_app(staff):
    """Three packages: two for North (one withdrawn), one for South → 2 statewide, 1 for North."""
    from django.apps import apps
    from django.utils import timezone

    if not apps.is_installed("sectorhub.datapackages"):
        pytest.skip("the data packages app is not installed")
    from sectorhub.datapackages.models import PublishedPackage

    north, south = RegionFactory(name="North"), RegionFactory(name="South")
    for region, withdrawn in [(north, None), (north, timezone.now()), (south, None)]:
        PublishedPackage.objects.create(
            region=region, year=2024, period="A", title=f"{region.name} 2024", body_html="", data={},
            published_by=staff, withdrawn_at=withdrawn,
        )  # fmt: skip
    assert evidence.packages_published(user=staff).summary == "2 regional data packages published"
    assert evidence.packages_published(user=staff, region=north).summary == (
        "1 regional data package published for North"
    )


def test_an_app_adds_evidence_sources_through_its_evidence_module(monkeypatch, staff):
    """A module named evidence.py with an EVIDENCE dict is merged without naming the app."""
    import types

    module = types.SimpleNamespace(
        EVIDENCE={
            "events_held": lambda *, user, region=None: evidence.Evidence("events_held", "Events", "4 events")
        }
    )
    monkeypatch.setattr(evidence, "app_modules", lambda *args, **kwargs: iter([(None, module)]))
    assert "events_held" in evidence.evidence_keys()
    assert evidence.evidence_for(["events_held"], user=staff)["events_held"].summary == "4 events"
