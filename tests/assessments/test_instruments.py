"""Instruments are data: the shipped files, file checks, and versioning that never alters past responses."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from sectorhub.assessments import selectors, services
from sectorhub.assessments.instruments import DEFAULTS, InstrumentError, parse_instrument, read_default
from sectorhub.assessments.models import Answer, Capability, Cycle, Instrument, InstrumentVersion, Item
from sectorhub.assessments.services import AnswerIn
from sectorhub.core.roles import Role
from tests.assessments.factories import CycleFactory, ResponseFactory, state_version

SIX = [
    "Shared vision and goals",
    "Industry data analysis and tools",
    "Training and capacity building",
    "Awareness and industry outreach",
    "Administrative and legislative policy",
    "Performance measurement",
]


def test_the_shipped_state_instrument_covers_the_six_capabilities_with_our_default_scale():
    spec = read_default(DEFAULTS[0])
    assert [c.name for c in spec.capabilities] == SIX
    assert all(len(c.items) >= 2 and c.high_performance for c in spec.capabilities)
    assert [lv.label for lv in spec.scale.levels] == ["Not started", "Emerging", "Developing", "Established"]
    assert [lv.requires_evidence for lv in spec.scale.levels] == [False, False, False, True]
    assert spec.scale.dont_know_label == "Don't know"
    assert {i.evidence for c in spec.capabilities for i in c.items} >= {
        "partnership_coverage",
        "goals_met",
        "packages_published",
    }


def test_the_regional_instrument_has_six_elements():
    spec = read_default(DEFAULTS[1])
    assert spec.level == "regional" and len(spec.capabilities) == 6


@pytest.mark.django_db
def test_the_data_migration_stores_both_shipped_instruments_as_version_1():
    assert sorted(Instrument.objects.values_list("slug", flat=True)) == ["regional", "state"]
    version = state_version()
    assert selectors.version_spec(version) == read_default(DEFAULTS[0])
    assert Item.objects.filter(capability__version=version).count() == sum(
        len(c.items) for c in read_default(DEFAULTS[0]).capabilities
    )


def test_a_file_with_mistakes_is_refused_with_every_problem_located():
    text = """
slug: Bad Slug
name: ""
level: county
capabilities:
  - key: a
    name: A
    items:
      - key: x
        text: first
      - key: x
        text: ""
        evidence: weather
  - key: a
    name: B
    items: []
"""
    with pytest.raises(InstrumentError) as caught:
        parse_instrument(text, evidence_keys={"goals_met"})
    message = str(caught.value)
    for expected in [
        "slug: 'Bad Slug' must be",
        "name: is required",
        "level: must be one of state, regional",
        "capabilities[0].items[1].key: 'x' is used twice",
        "capabilities[0].items[1].text: is required",
        "capabilities[0].items[1].evidence: unknown source 'weather'",
        "capabilities[1].items: give at least one item",
        "capabilities[1].key: 'a' is used twice",
    ]:
        assert expected in message


def test_json_files_are_read_too_and_the_scale_defaults_when_left_out():
    spec = parse_instrument(
        json.dumps(
            {
                "slug": "mini",
                "name": "Mini",
                "level": "state",
                "capabilities": [{"key": "c", "name": "C", "items": [{"key": "i", "text": "I"}]}],
            }
        )
    )
    assert spec.scale.top == 3 and spec.scale.disagreement_range == 2
    assert parse_instrument(spec.to_yaml()) == spec


@pytest.mark.django_db
def test_editing_an_instrument_adds_a_version_and_past_answers_keep_their_wording(make_user):
    """A cycle answered on version 1 still shows version 1's text, items and scale after an edit."""
    staff = make_user(Role.STATE_STAFF)
    cycle = CycleFactory(version=state_version())
    response = ResponseFactory(cycle=cycle)
    item = Item.objects.get(capability__version=cycle.version, key="vision-adopted")
    old_text = item.text
    services.save_response(
        user=response.respondent, cycle=cycle, answers=[AnswerIn(item.pk, "developing", 3, "")], submit=False
    )

    spec = selectors.version_spec(cycle.version).as_dict()
    spec["capabilities"][0]["items"][0]["text"] = "A reworded vision item."
    spec["capabilities"][0]["name"] = "Vision and goals"
    spec["scale"]["levels"][3]["label"] = "Fully in place"
    import yaml

    new = services.import_instrument(user=staff, text=yaml.safe_dump(spec), note="Reworded", slug="state")

    assert new.number == 2 and new.pk != cycle.version_id
    assert InstrumentVersion.objects.filter(instrument__slug="state").count() == 2
    cycle = Cycle.objects.get(pk=cycle.pk)
    assert cycle.version.number == 1
    answer = Answer.objects.select_related("item__capability").get(response=response)
    assert answer.item.text == old_text
    assert answer.item.capability.name == "Shared vision and goals"
    assert cycle.version.rating_scale.levels[3].label == "Established"
    assert Capability.objects.get(version=new, key="vision").name == "Vision and goals"
    assert Item.objects.get(capability__version=new, key="vision-adopted").text == "A reworded vision item."


@pytest.mark.django_db
def test_saving_an_unchanged_instrument_adds_no_version(make_user):
    staff = make_user(Role.STATE_STAFF)
    text = DEFAULTS[0].read_text(encoding="utf-8")
    assert services.import_instrument(user=staff, text=text) == state_version()
    assert InstrumentVersion.objects.filter(instrument__slug="state").count() == 1


@pytest.mark.django_db
def test_the_edit_page_cannot_turn_one_instrument_into_another(make_user):
    staff = make_user(Role.STATE_STAFF)
    with pytest.raises(ValidationError, match="keep its slug"):
        services.import_instrument(user=staff, text=DEFAULTS[1].read_text(encoding="utf-8"), slug="state")


@pytest.mark.django_db
def test_only_state_staff_import_instruments(make_user):
    with pytest.raises(PermissionDenied):
        services.import_instrument(
            user=make_user(Role.CONVENER), text=DEFAULTS[0].read_text(encoding="utf-8")
        )


@pytest.mark.django_db
def test_staff_import_a_new_instrument_file_and_edit_it_in_the_browser_form(client, make_user):
    client.force_login(make_user(Role.STATE_STAFF))
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = "slug: pilot\nname: Pilot\nlevel: regional\ncapabilities:\n  - key: c\n    name: C\n    items:\n      - key: i\n        text: I\n"
    response = client.post(
        reverse("assessments:instrument_import"),
        {"file": SimpleUploadedFile("pilot.yaml", text.encode()), "note": "first"},
    )
    pilot = Instrument.objects.get(slug="pilot")
    assert response.status_code == 302 and pilot.versions.get().note == "first"

    edit_url = reverse("assessments:instrument_edit", args=[pilot.pk])
    assert "slug: pilot" in client.get(edit_url).content.decode()
    response = client.post(edit_url, {"text": text.replace("text: I", "text: Item two"), "note": "second"})
    assert response.status_code == 302
    assert list(pilot.versions.order_by("number").values_list("number", "note")) == [
        (1, "first"),
        (2, "second"),
    ]

    bad = client.post(edit_url, {"text": "slug: pilot\nname: Pilot\n", "note": ""})
    assert bad.status_code == 200 and "capabilities: give at least one capability" in bad.content.decode()
    download = client.get(reverse("assessments:instrument_download", args=[pilot.versions.get(number=2).pk]))
    assert "text: Item two" in download.content.decode()


@pytest.mark.django_db
def test_history_follows_a_renamed_capability_across_versions_by_its_key(client, make_user):
    """2025 on version 1: outreach items rated 2 and 2 → mean 2.00. The capability is then renamed (version 2).
    2026 on version 2: rated 3 and 1 → mean 2.00. The report's history shows one row, under the new name."""
    import yaml

    from sectorhub.assessments.models import Cycle as CycleModel

    staff = make_user(Role.STATE_STAFF)

    def run(name, version, opens, scores, close):
        cycle = services.create_cycle(user=staff, name=name, version=version, opens_on=opens)
        response = ResponseFactory(cycle=cycle)
        items = {i.key: i for i in Item.objects.filter(capability__version=version)}
        levels = ["not_started", "emerging", "developing", "established"]
        services.save_response(
            user=response.respondent,
            cycle=cycle,
            answers=[AnswerIn(items[k].pk, levels[s], 2, "Evidence") for k, s in scores.items()],
        )
        if close:
            services.close_cycle(user=staff, cycle=cycle)
        return cycle

    import datetime as dt

    run("Assessment 2025", state_version(), dt.date(2025, 9, 1), {"promotion": 2, "champions": 2}, True)
    spec = selectors.version_spec(state_version()).as_dict()
    spec["capabilities"][3]["name"] = "Outreach and champions"
    v2 = services.import_instrument(user=staff, text=yaml.safe_dump(spec), slug="state")
    this = run("Assessment 2026", v2, dt.date(2026, 9, 1), {"promotion": 3, "champions": 1}, False)
    assert CycleModel.objects.count() == 2
    client.force_login(staff)
    html = client.get(reverse("assessments:report", args=[this.pk])).content.decode()
    history = html.split('data-table="history"')[1].split("</table>")[0]
    assert '<th scope="row">Outreach and champions</th><td>2.00</td><td>2.00</td>' in history
    assert "Awareness and industry outreach" not in history
