"""Form validation: each mistake gets a message that says what to fix, and nothing is saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from sectorhub.partnerships.forms import ActionItemForm, PartnershipForm
from sectorhub.partnerships.models import Partnership, Phase
from tests.partnerships.factories import IndustryFactory, OrganizationFactory, PartnershipFactory
from tests.regions.factories import RegionFactory


@pytest.fixture
def valid(db):
    """Valid form data for a new partnership."""
    IndustryFactory(code="3363", title="Motor vehicle parts manufacturing")
    IndustryFactory(code="622", title="Hospitals")
    return {
        "name": "Capital Manufacturing",
        "region": RegionFactory().pk,
        "industries": "3363, 622",
        "convener": OrganizationFactory().pk,
        "phase": Phase.objects.get(slug="exploring").pk,
        "launch_date": "",
        "description": "",
    }


def errors(data, staff, **changes) -> dict:
    form = PartnershipForm({**data, **changes}, user=staff)
    form.is_valid()
    return form.errors


def test_valid_data_gives_the_industries_in_the_order_typed(valid, staff):
    form = PartnershipForm(valid, user=staff)
    assert form.is_valid(), form.errors
    assert [i.code for i in form.cleaned_data["industries"]] == ["3363", "622"]


def test_an_unknown_naics_code_is_named_in_the_error(valid, staff):
    assert errors(valid, staff, industries="3363, 9999")["industries"] == ["Unknown NAICS code: 9999."]


def test_a_malformed_naics_code_is_explained(valid, staff):
    assert errors(valid, staff, industries="cars")["industries"] == [
        "Not a NAICS code: cars. Use 2 to 6 digits, e.g. 622."
    ]


def test_an_empty_industry_list_is_required(valid, staff):
    assert errors(valid, staff, industries="")["industries"] == ["This field is required."]


def test_a_duplicate_name_is_refused_whatever_its_case(valid, staff):
    PartnershipFactory(name="Capital Manufacturing")
    assert errors(valid, staff, name="capital manufacturing")["name"] == [
        "A partnership with this name is already registered."
    ]


def test_a_launch_date_in_the_future_is_refused(valid, staff):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert errors(valid, staff, launch_date=tomorrow)["launch_date"] == [
        "The launch date cannot be in the future."
    ]


def test_a_done_action_item_needs_its_completion_date():
    form = ActionItemForm({"title": "Map roles", "owner_name": "Co-chair", "status": "done"})
    assert not form.is_valid()
    assert form.errors["completed_on"] == ["Give the date a done item was completed."]


def test_the_create_page_shows_every_error_in_a_summary_and_saves_nothing(client, valid, staff):
    client.force_login(staff)
    response = client.post(reverse("partnerships:create"), {**valid, "name": "", "industries": "9999"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Please correct the 2 problems below" in page
    assert 'href="#id_name"' in page and "Unknown NAICS code: 9999." in page
    assert 'aria-invalid="true"' in page
    assert Partnership.objects.count() == 0


# --- Forms refuse what cannot be true (issue 10) -----------------------------------------------------------------


@pytest.fixture
def bls_industries(db, settings):
    """The real BLS QCEW industry titles (SECTORHUB_DATA/reference/qcew_industry_titles.csv)."""
    from sectorhub.partnerships.services import load_industries

    path = settings.SECTORHUB_DATA / "reference" / "qcew_industry_titles.csv"
    if not path.exists():
        pytest.skip("shared data folder (SECTORHUB_DATA) not present")
    load_industries(path=path)


def test_bls_unclassified_9999_is_refused_as_not_an_industry(valid, staff, bls_industries):
    """BLS's titles list 9999 as "NAICS 9999 Unclassified" (so it was accepted); 000 is in no title row."""
    message = errors(valid, staff, industries="3363, 9999")["industries"][0]
    assert message.startswith("9999 is BLS's “Unclassified” placeholder, not an industry.")
    assert errors(valid, staff, industries="000")["industries"] == ["Unknown NAICS code: 000."]
    assert "industries" not in errors(valid, staff, industries="3361, 622")


def test_the_api_refuses_the_unclassified_placeholder_with_a_422(client, staff, bls_industries):
    """POST /api/partnerships with industries ["9999"]: 422 naming the code, nothing stored."""
    client.force_login(staff)
    payload = {
        "name": "Nowhere Partnership",
        "region_id": RegionFactory().pk,
        "industries": ["9999"],
        "convener_id": OrganizationFactory().pk,
    }
    response = client.post("/api/partnerships", payload, content_type="application/json")
    assert response.status_code == 422
    assert "9999 is BLS's “Unclassified” placeholder" in response.json()["detail"]["industries"][0]
    assert not Partnership.objects.filter(name="Nowhere Partnership").exists()


def test_a_phase_change_dated_1900_is_refused(client, staff):
    """1900-01-01 is before 1997 (NAICS), so before any sector partnership; nothing is recorded."""
    partnership = PartnershipFactory()
    client.force_login(staff)
    url = reverse("partnerships:phase", args=[partnership.pk])
    launched = Phase.objects.get(slug="launched").pk
    response = client.post(url, {"phase": launched, "changed_on": "1900-01-01", "note": ""})
    assert response.status_code == 200
    assert "before 1997" in response.content.decode()
    assert not partnership.phase_changes.exists()


def test_a_phase_change_before_the_partnerships_first_phase_is_refused(staff):
    """Registered (exploring) on 2024-03-01: a change dated 2020-05-01 would come before it existed."""
    from django.core.exceptions import ValidationError

    from sectorhub.partnerships import services

    p = services.create_partnership(
        user=staff,
        name="Dated",
        region=RegionFactory(),
        industries=[IndustryFactory()],
        convener=OrganizationFactory(),
        phase=Phase.objects.get(slug="exploring"),
        phase_date=dt.date(2024, 3, 1),
    )
    with pytest.raises(ValidationError) as caught:
        services.change_phase(
            user=staff,
            partnership=p,
            phase=Phase.objects.get(slug="launched"),
            changed_on=dt.date(2020, 5, 1),
        )
    assert "before the partnership's first recorded phase (2024-03-01)" in str(caught.value)
    assert p.phase_changes.count() == 1


def test_a_meeting_with_more_employers_than_attendees_is_refused(client, staff):
    """12 employers present among 8 attendees cannot be; the form says so and nothing is logged."""
    partnership = PartnershipFactory()
    client.force_login(staff)
    url = reverse("partnerships:meeting_add", args=[partnership.pk])
    data = {
        "title": "Kickoff",
        "kind": "meeting",
        "held_on": "2025-05-01",
        "employers_present": 12,
        "attendees": 8,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "12 employers present but 8 attendees" in response.content.decode()
    assert not partnership.meetings.exists()
    response = client.post(url, {**data, "employers_present": 8})
    assert response.status_code == 302 and partnership.meetings.count() == 1


def test_a_save_that_changes_nothing_records_no_history(client, staff):
    """Submitting the edit form unchanged used to add a "Partnership edited" entry with no fields."""
    partnership = PartnershipFactory(name="Steady", launch_date=dt.date(2022, 1, 10))
    client.force_login(staff)
    before = partnership.history.count()
    form = {
        "name": "Steady",
        "region": partnership.region.pk,
        "industries": ", ".join(i.code for i in partnership.industries.all()),
        "convener": partnership.convener.pk,
        "launch_date": "2022-01-10",
        "description": partnership.description,
        "is_public": "on",
    }
    response = client.post(reverse("partnerships:edit", args=[partnership.pk]), form)
    assert response.status_code == 302
    assert partnership.history.count() == before
    client.post(reverse("partnerships:edit", args=[partnership.pk]), {**form, "description": "Now described"})
    assert partnership.history.count() == before + 1
    assert partnership.history.first().history_change_reason == "Partnership edited"
