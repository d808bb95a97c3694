"""The report from stored answers: figures worked by hand, disagreement, priorities, history, action plan, PDF."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sectorhub.assessments import selectors, services
from sectorhub.assessments.models import ActionPlanItem, Capability, Item
from sectorhub.assessments.services import AnswerIn
from sectorhub.core.roles import Role
from tests.assessments.factories import CycleFactory, ResponseFactory

pytestmark = pytest.mark.django_db

LEVELS = {0: "not_started", 1: "emerging", 2: "developing", 3: "established", None: "dont_know"}

# The worked example of test_scoring.py on real items: outreach plays capability A (promotion a1, champions a2)
# and performance measurement plays B (common-indicators b1; results-used left unanswered by everyone).
ANSWERS = {
    "Department of Labor": {"promotion": (3, 3), "champions": (2, 1), "common-indicators": (0, 3)},
    "Board of Regents": {"promotion": (1, 2), "champions": (2, 2), "common-indicators": (1, 3)},
    "Development Agency": {"promotion": (None, 3), "champions": (3, 3), "common-indicators": (0, 3)},
}


def answer(cycle, response, answers: dict) -> None:
    """Store `answers` {item key: (score or None, importance)} for `response`."""
    items = {i.key: i for i in Item.objects.filter(capability__version=cycle.version)}
    services.save_response(
        user=response.respondent,
        cycle=cycle,
        answers=[
            AnswerIn(
                items[key].pk, LEVELS[score], importance, "Shown in the annual report" if score == 3 else ""
            )
            for key, (score, importance) in answers.items()
        ],
    )


@pytest.fixture
def cycles(make_user, staff):
    """Last year's closed cycle (one respondent) and this year's open one (three respondents)."""
    last = CycleFactory(name="Assessment 2025", opens_on=dt.date(2025, 9, 1))
    board = ResponseFactory(cycle=last, organization_name="Board of Regents")
    answer(last, board, {"promotion": (2, 2), "champions": (2, 2), "common-indicators": (1, 2)})
    services.close_cycle(user=staff, cycle=last)
    this = CycleFactory(name="Assessment 2026", opens_on=dt.date(2026, 9, 1))
    for agency, answers in ANSWERS.items():
        response = ResponseFactory(cycle=this, organization_name=agency, respondent=make_user(Role.ANALYST))
        answer(this, response, answers)
    return last, this


def row(html: str, heading: str) -> list[str]:
    """The cells of the table row headed `heading`, as text."""
    match = re.search(rf"<th scope=\"row\">{re.escape(heading)}</th>(.*?)</tr>", html, re.S)
    assert match, heading
    return [
        re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", match.group(1), re.S)
    ]


def test_the_report_shows_the_hand_worked_figures(client, staff, cycles):
    """Outreach (A): respondent scores 2.5, 1.5, 3.0 → mean 2.33, spread 0.62, 1.50-3.00, importance 14/6 = 2.33,
    gap 0.67; promotion (3 against 1) is disputed. Measurement (B): 0, 1, 0 → mean 0.33, spread 0.47,
    importance 3.00, gap 2.67. Priorities: measurement 8.00 first, outreach 14/9 = 1.56 second."""
    client.force_login(staff)
    html = client.get(reverse("assessments:report", args=[cycles[1].pk])).content.decode()
    assert row(html.split('data-table="priorities"')[0], "Awareness and industry outreach") == [
        "3", "2.33", "0.62", "1.50–3.00", "Disagreement on 1 item", "2.33", "0.67",
    ]  # fmt: skip
    assert row(html.split('data-table="priorities"')[0], "Performance measurement") == [
        "3", "0.33", "0.47", "0.00–1.00", "Agreement", "3.00", "2.67",
    ]  # fmt: skip
    priorities = html.split('data-table="priorities"')[1].split("</table>")[0]
    assert row(priorities, "Performance measurement") == ["2.67", "3.00", "8.00"]
    assert row(priorities, "Awareness and industry outreach") == ["0.67", "2.33", "1.56"]
    assert priorities.index("Performance measurement") < priorities.index("Awareness and industry outreach")
    assert (
        "Shared vision and goals" not in priorities
    )  # nobody rated it: no priority, rather than a false zero
    assert "Respondents disagree on 1 item" in html
    assert 'data-vega-chart="radar-spec"' in html


def test_history_compares_cycles_capability_by_capability(client, staff, cycles):
    """Outreach: 2025 one respondent (2 + 2) / 2 = 2.00; 2026 2.33. Measurement 2025: 1.00; 2026: 0.33."""
    client.force_login(staff)
    html = client.get(reverse("assessments:report", args=[cycles[1].pk])).content.decode()
    history = html.split('data-table="history"')[1].split("</table>")[0]
    assert row(history, "Awareness and industry outreach") == ["2.00", "2.33"]
    assert row(history, "Performance measurement") == ["1.00", "0.33"]
    assert row(history, "Shared vision and goals") == ["—", "—"]
    assert 'data-vega-chart="history-spec"' in html
    points = selectors.history(cycles[1], user=staff)
    assert [(p.cycle.name, round(p.mean, 2)) for p in points if p.capability_key == "outreach"] == [
        ("Assessment 2025", 2.0),
        ("Assessment 2026", 2.33),
    ]


def test_a_respondent_of_the_open_cycle_sees_only_closed_cycles_in_last_years_report(client, cycles):
    """Last year's report, read by a respondent after it closed, does not leak this year's open figures."""
    respondent = cycles[1].responses.first().respondent
    client.force_login(respondent)
    html = client.get(reverse("assessments:report", args=[cycles[0].pk])).content.decode()
    assert "Assessment 2026" not in html


def test_staff_plan_actions_linked_to_a_capability_and_item(client, staff, cycles):
    cycle = cycles[1]
    outreach = Capability.objects.get(version=cycle.version, key="outreach")
    champions = Item.objects.get(capability=outreach, key="champions")
    vision = Capability.objects.get(version=cycle.version, key="vision")
    client.force_login(staff)
    url = reverse("assessments:action_add", args=[cycle.pk])
    data = {"capability": vision.pk, "item": champions.pk, "title": "Recruit champions", "owner": "Commerce",
            "due_on": "2027-03-31", "status": "planned", "notes": ""}  # fmt: skip
    mismatch = client.post(url, data)
    assert (
        mismatch.status_code == 200 and "Choose an item of the chosen capability" in mismatch.content.decode()
    )
    assert client.post(url, {**data, "capability": outreach.pk}).status_code == 302
    action = ActionPlanItem.objects.get()
    assert (action.capability, action.item, action.due_on) == (outreach, champions, dt.date(2027, 3, 31))
    edit = reverse("assessments:action_edit", args=[action.pk])
    assert client.post(edit, {**data, "capability": outreach.pk, "status": "in_progress"}).status_code == 302
    action.refresh_from_db()
    assert action.status == "in_progress" and action.history.count() == 2
    html = client.get(reverse("assessments:report", args=[cycle.pk])).content.decode()
    actions = html.split('data-table="actions"')[1].split("</table>")[0]
    assert "Recruit champions" in actions and "2027-03-31" in actions and "In progress" in actions


def test_the_pdf_carries_the_same_figures_and_the_radar_chart(client, staff, cycles):
    from pypdf import PdfReader

    client.force_login(staff)
    response = client.get(reverse("assessments:report_pdf", args=[cycles[1].pk]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert re.search(r"Awareness and\s+industry outreach\s+3\s+2\.33\s+0\.62", text)
    assert re.search(r"1\s+Performance measurement\s+2\.67\s+3\.00\s+8\.00", text)
    # WeasyPrint shares one resource dictionary between pages, so the same image is listed on each page.
    images = {img.name for page in reader.pages for img in page.images}
    assert len(images) == 2, "the radar and the history charts are embedded as images"


def test_the_report_runs_a_fixed_number_of_queries_however_many_respondents(client, staff, cycles, make_user):
    client.force_login(staff)
    url = reverse("assessments:report", args=[cycles[1].pk])
    client.get(url)  # warm the goal cache used by the live evidence
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for n in range(4):
        response = ResponseFactory(cycle=cycles[1], respondent=make_user(Role.ANALYST))
        answer(cycles[1], response, {"promotion": (n % 4, 2), "champions": (1, 2)})
    client.get(url)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after.captured_queries) == len(before.captured_queries)


def test_the_api_returns_the_same_results(client, staff, cycles):
    client.force_login(staff)
    data = client.get(f"/api/assessments/cycles/{cycles[1].pk}/results").json()
    outreach = next(c for c in data if c["key"] == "outreach")
    assert round(outreach["mean"], 4) == round(7 / 3, 4) and outreach["disputed"] is True
    assert [i["key"] for i in outreach["items"] if i["disputed"]] == ["promotion"]
    listed = client.get("/api/assessments/cycles").json()
    assert [(c["name"], c["status"], c["respondents"]) for c in listed] == [
        ("Assessment 2026", "open", 3),
        ("Assessment 2025", "closed", 1),
    ]
