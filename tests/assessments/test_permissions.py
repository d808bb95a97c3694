"""Who sees what: a respondent sees only their own answers until the cycle closes; state staff see all."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from sectorhub.assessments import services
from sectorhub.assessments.models import Item
from sectorhub.assessments.services import AnswerIn
from sectorhub.core.roles import Role
from tests.assessments.factories import CycleFactory, ResponseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(make_user):
    """An open cycle with two respondents from two agencies, each with one distinctive evidence note."""
    cycle = CycleFactory(name="Statewide 2026")
    item = Item.objects.get(capability__version=cycle.version, key="vision-adopted")
    for username, agency, note in [
        ("labor", "Department of Labor", "Labor's own note"),
        ("education", "Department of Education", "Education's own note"),
    ]:
        user = make_user(Role.ANALYST, username=username, organization_name=agency)
        ResponseFactory(cycle=cycle, respondent=user, organization_name=agency)
        services.save_response(user=user, cycle=cycle, answers=[AnswerIn(item.pk, "established", 3, note)])
    return cycle


def page(client, user, name, cycle):
    client.force_login(user)
    return client.get(reverse(f"assessments:{name}", args=[cycle.pk]))


def test_a_respondent_sees_their_own_answers_but_not_anothers_while_the_cycle_is_open(client, cycle):
    labor = cycle.responses.get(organization_name="Department of Labor").respondent
    own = page(client, labor, "respond", cycle).content.decode()
    assert "Labor&#x27;s own note" in own
    assert "Education&#x27;s own note" not in own and "Department of Education" not in own
    detail = page(client, labor, "cycle_detail", cycle).content.decode()
    assert "Department of Education" not in detail
    assert page(client, labor, "report", cycle).status_code == 403
    assert page(client, labor, "report_pdf", cycle).status_code == 403
    assert client.get(f"/api/assessments/cycles/{cycle.pk}/results").status_code == 403


def test_state_staff_see_every_answer_while_the_cycle_is_open(client, cycle, staff):
    report = page(client, staff, "report", cycle).content.decode()
    assert "Labor&#x27;s own note" in report and "Education&#x27;s own note" in report
    assert "Department of Education" in page(client, staff, "cycle_detail", cycle).content.decode()


def test_once_closed_respondents_see_everyones_answers_and_the_results(client, cycle, staff):
    services.close_cycle(user=staff, cycle=cycle)
    labor = cycle.responses.get(organization_name="Department of Labor").respondent
    report = page(client, labor, "report", cycle)
    assert report.status_code == 200
    assert "Education&#x27;s own note" in report.content.decode()
    assert client.get(f"/api/assessments/cycles/{cycle.pk}/results").status_code == 200


def test_someone_outside_an_open_cycle_cannot_find_it(client, cycle, make_user):
    outsider = make_user(Role.CONVENER, username="outsider")
    assert page(client, outsider, "cycle_detail", cycle).status_code == 404
    assert page(client, outsider, "respond", cycle).status_code == 404
    client.force_login(outsider)
    assert "Statewide 2026" not in client.get(reverse("assessments:cycle_list")).content.decode()


def test_a_signed_in_non_respondent_reads_a_closed_cycle_but_has_no_answer_form(
    client, cycle, staff, make_user
):
    services.close_cycle(user=staff, cycle=cycle)
    analyst = make_user(Role.ANALYST, username="reader")
    assert page(client, analyst, "report", cycle).status_code == 200
    assert page(client, analyst, "respond", cycle).status_code == 403


def test_the_public_is_sent_to_sign_in(client, cycle):
    response = client.get(reverse("assessments:report", args=[cycle.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("core:login"))


@pytest.mark.parametrize("name", ["cycle_create", "instrument_list", "instrument_import"])
def test_only_state_staff_reach_the_running_pages(client, make_user, name):
    client.force_login(make_user(Role.CONVENER))
    assert client.get(reverse(f"assessments:{name}")).status_code == 403
    client.force_login(make_user(Role.STATE_STAFF))
    assert client.get(reverse(f"assessments:{name}")).status_code == 200


def test_services_refuse_what_the_role_may_not_do(cycle, make_user):
    labor = cycle.responses.get(organization_name="Department of Labor").respondent
    with pytest.raises(PermissionDenied):
        services.close_cycle(user=labor, cycle=cycle)
    with pytest.raises(PermissionDenied):
        services.add_respondents(user=labor, cycle=cycle, respondents=[make_user(Role.ANALYST)])
    outsider = make_user(Role.STATE_STAFF, username="state-person")
    with pytest.raises(PermissionDenied):
        services.save_response(user=outsider, cycle=cycle, answers=[])


def test_a_closed_cycle_takes_no_more_answers(cycle, staff):
    services.close_cycle(user=staff, cycle=cycle)
    labor = cycle.responses.get(organization_name="Department of Labor").respondent
    item = Item.objects.get(capability__version=cycle.version, key="vision-adopted")
    with pytest.raises(PermissionDenied):
        services.save_response(user=labor, cycle=cycle, answers=[AnswerIn(item.pk, "emerging", 2, "")])


def test_the_top_level_needs_evidence_and_a_submission_needs_every_item(cycle):
    labor = cycle.responses.get(organization_name="Department of Labor").respondent
    items = list(Item.objects.filter(capability__version=cycle.version))
    with pytest.raises(ValidationError) as caught:
        services.save_response(
            user=labor, cycle=cycle, answers=[AnswerIn(items[1].pk, "established", 2, " ")]
        )
    assert f"evidence_{items[1].pk}" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.save_response(
            user=labor, cycle=cycle, answers=[AnswerIn(items[1].pk, "dont_know", 2, "")], submit=True
        )
    # The first item was answered when the fixture ran; the second now; the rest are missing.
    assert len(caught.value.message_dict) == len(items) - 2
    answers = [AnswerIn(i.pk, "emerging", 2, "") for i in items]
    response = services.save_response(user=labor, cycle=cycle, answers=answers, submit=True)
    assert response.submitted_at is not None and response.answers.count() == len(items)
