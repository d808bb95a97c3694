"""The pages a state uses to run a cycle: open it, invite respondents, answer, close, read the report."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sectorhub.assessments.models import Answer, Cycle, Item
from sectorhub.core.roles import Role
from tests.assessments.factories import state_version

pytestmark = pytest.mark.django_db


def test_a_state_runs_a_cycle_from_opening_to_report(client, staff, make_user):
    labor = make_user(Role.ANALYST, username="labor", organization_name="Department of Labor")
    client.force_login(staff)
    response = client.post(
        reverse("assessments:cycle_create"),
        {
            "name": "Statewide 2026",
            "version": state_version().pk,
            "opens_on": "2026-09-01",
            "closes_on": "2026-10-15",
        },
    )
    cycle = Cycle.objects.get()
    assert response["Location"] == reverse("assessments:respondents", args=[cycle.pk])
    client.post(reverse("assessments:respondents", args=[cycle.pk]), {"respondents": [labor.pk]})
    assert cycle.responses.get().organization_name == "Department of Labor"

    client.force_login(labor)
    assert "Your answers wanted" in client.get(reverse("assessments:cycle_list")).content.decode()
    url = reverse("assessments:respond", args=[cycle.pk])
    items = list(Item.objects.filter(capability__version=cycle.version))
    first = items[0]
    draft = {
        f"level_{first.pk}": "established",
        f"importance_{first.pk}": "3",
        f"evidence_{first.pk}": "",
        "save": "",
    }
    refused = client.post(url, draft)
    assert refused.status_code == 200
    assert "evidence is required at this level" in refused.content.decode()
    assert not Answer.objects.exists()

    draft[f"evidence_{first.pk}"] = "Signed by four agency heads in March"
    assert client.post(url, draft)["Location"] == url
    answer = Answer.objects.get()
    assert (answer.level, answer.importance, answer.evidence) == (
        "established",
        3,
        draft[f"evidence_{first.pk}"],
    )

    full = {"submit": ""}
    for item in items:
        full[f"level_{item.pk}"] = "developing"
        full[f"importance_{item.pk}"] = "2"
        full[f"evidence_{item.pk}"] = ""
    assert client.post(url, full).status_code == 302
    assert cycle.responses.get().submitted_at is not None
    assert Answer.objects.filter(level="developing").count() == len(items)

    client.force_login(staff)
    assert client.post(reverse("assessments:close", args=[cycle.pk])).status_code == 302
    cycle.refresh_from_db()
    assert cycle.status == "closed" and cycle.history.first().history_change_reason == "Cycle closed"
    client.force_login(labor)
    report = client.get(reverse("assessments:report", args=[cycle.pk])).content.decode()
    assert "Department of Labor" in report
    closed_form = client.get(url).content.decode()
    assert "The cycle is closed" in closed_form and '<form method="post" class="usa-form' not in closed_form


def test_the_header_links_the_self_assessment_for_signed_in_users_only(client, make_user):
    link = reverse("assessments:cycle_list")
    assert link not in client.get(reverse("partnerships:dashboard")).content.decode()
    client.force_login(make_user(Role.ANALYST))
    assert link in client.get(reverse("partnerships:dashboard")).content.decode()


def test_a_due_date_before_the_opening_is_refused(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("assessments:cycle_create"),
        {
            "name": "Backwards",
            "version": state_version().pk,
            "opens_on": "2026-09-01",
            "closes_on": "2026-08-01",
        },
    )
    assert response.status_code == 200 and "on or after the opening date" in response.content.decode()
    assert not Cycle.objects.exists()


def test_instrument_pages_show_the_scale_items_and_versions(client, staff):
    client.force_login(staff)
    instrument = state_version().instrument
    html = client.get(reverse("assessments:instrument_detail", args=[instrument.pk])).content.decode()
    assert "Established</strong>" in html and "(evidence required)" in html
    assert "Performance measurement" in html and "Shipped with SectorHub" in html


def test_a_regional_assessment_names_its_region_and_a_state_one_does_not(client, staff):
    from sectorhub.assessments.models import InstrumentVersion
    from tests.regions.factories import RegionFactory

    region = RegionFactory(name="North Area")
    regional = InstrumentVersion.objects.get(instrument__slug="regional")
    client.force_login(staff)
    url = reverse("assessments:cycle_create")
    base = {"name": "North 2026", "opens_on": "2026-09-01"}
    missing = client.post(url, {**base, "version": regional.pk})
    assert "Choose the region a regional assessment is for." in missing.content.decode()
    extra = client.post(url, {**base, "version": state_version().pk, "region": region.pk})
    assert "leave the region empty" in extra.content.decode()
    assert client.post(url, {**base, "version": regional.pk, "region": region.pk}).status_code == 302
    assert Cycle.objects.get().region == region
