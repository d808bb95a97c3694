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
