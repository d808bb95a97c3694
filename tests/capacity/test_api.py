"""The capacity API: the public reads public events and resources only; signed-in users read what the pages show
them, with attendance counts; TA requests only for signed-in users, a convener only their regions'."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from sectorhub.capacity.models import Attendance, Event, Person, Resource, TARequest


@pytest.fixture
def library(world):
    """Events: a public academy (2026-03-02, North invited, 3 registered of whom 2 came), an internal peer call
    (2026-05-11), a deleted public summit, a public webinar of 2025. Resources: a public toolkit with a file, an
    internal template (a link), a deleted public case study."""
    academy = Event.objects.create(
        title="Spring Academy",
        kind="academy",
        starts_on=dt.date(2026, 3, 2),
        is_public=True,
        location="Columbus",
    )
    academy.regions_invited.set([world.north])
    for name, came in (("Ann", True), ("Bo", True), ("Cy", False)):
        Attendance.objects.create(event=academy, person=Person.objects.create(name=name), attended=came)
    Event.objects.create(title="Internal peer call", kind="peer_call", starts_on=dt.date(2026, 5, 11))
    Event.objects.create(
        title="Deleted summit", kind="summit", starts_on=dt.date(2026, 6, 1), is_public=True, is_deleted=True
    )
    Event.objects.create(title="Old webinar", kind="webinar", starts_on=dt.date(2025, 9, 9), is_public=True)
    toolkit = Resource(title="Employer toolkit", kind="toolkit", is_public=True, content_type="text/plain")
    toolkit.file.save("x", ContentFile(b"Steps.\n"), save=True)
    Resource.objects.create(title="Internal template", kind="template", url="https://example.org/t")
    Resource.objects.create(title="Deleted case", kind="case_study", is_public=True, is_deleted=True)
    return academy, toolkit


def test_the_public_reads_public_events_without_attendance(client, library):
    academy, _ = library
    body = client.get("/api/capacity/events").json()
    assert [e["title"] for e in body["items"]] == ["Spring Academy", "Old webinar"]
    assert body["items"][0] == {
        "id": academy.pk,
        "title": "Spring Academy",
        "kind": "academy",
        "format": "in_person",
        "starts_on": "2026-03-02",
        "ends_on": None,
        "location": "Columbus",
        "description": "",
        "capability": "capacity",
        "regions_invited": ["North"],
        "is_public": True,
        "registered": None,
        "present": None,
    }
    assert [e["title"] for e in client.get("/api/capacity/events?year=2025").json()["items"]] == [
        "Old webinar"
    ]
    internal = Event.objects.get(title="Internal peer call")
    assert client.get(f"/api/capacity/events/{internal.pk}").status_code == 404
    deleted = Event.objects.get(title="Deleted summit")
    assert client.get(f"/api/capacity/events/{deleted.pk}").status_code == 404


def test_signed_in_users_read_every_event_not_deleted_with_its_counts(client, world, library):
    """The academy had Ann and Bo present and Cy registered only: 3 registered, 2 present."""
    academy, _ = library
    client.force_login(world.analyst)
    body = client.get("/api/capacity/events?year=2026").json()
    assert [(e["title"], e["registered"], e["present"]) for e in body["items"]] == [
        ("Internal peer call", 0, 0),
        ("Spring Academy", 3, 2),
    ]
    assert client.get(f"/api/capacity/events/{academy.pk}").json()["present"] == 2


def test_the_public_reads_public_resources_and_their_download_path(client, world, library):
    _, toolkit = library
    body = client.get("/api/capacity/resources").json()
    assert body["count"] == 1
    assert body["items"][0] | {"id": 0} == {
        "id": 0,
        "title": "Employer toolkit",
        "kind": "toolkit",
        "description": "",
        "capability": "capacity",
        "url": "",
        "download": f"/capacity/resources/{toolkit.pk}/file/",
        "is_public": True,
        "phases": [],
        "industries": [],
    }
    assert client.get(body["items"][0]["download"]).status_code == 200
    internal = Resource.objects.get(title="Internal template")
    assert client.get(f"/api/capacity/resources/{internal.pk}").status_code == 404
    client.force_login(world.analyst)
    titles = [r["title"] for r in client.get("/api/capacity/resources").json()["items"]]
    assert titles == ["Employer toolkit", "Internal template"]
    assert client.get(f"/api/capacity/resources/{internal.pk}").json()["download"] is None


def test_ta_requests_are_for_signed_in_users_and_a_convener_sees_their_regions_only(client, world):
    """North's request is the convener's (North is assigned to them); South's is not."""
    now = timezone.now()
    mine = TARequest.objects.create(
        region=world.north, category=world.cat["data-use"], description="Need LMI help", submitted_at=now
    )
    theirs = TARequest.objects.create(
        region=world.south,
        category=world.cat["data-use"],
        description="Other",
        submitted_at=now,
        status="resolved",
    )
    assert client.get("/api/capacity/requests").status_code == 401
    client.force_login(world.convener)
    body = client.get("/api/capacity/requests").json()
    assert [r["id"] for r in body["items"]] == [mine.pk]
    assert body["items"][0] | {"submitted_at": None} == {
        "id": mine.pk,
        "region_id": world.north.pk,
        "region": "North",
        "partnership": None,
        "category": "data-use",
        "description": "Need LMI help",
        "priority": "normal",
        "status": "open",
        "resolution": "",
        "submitted_at": None,
        "resolved_at": None,
    }
    assert client.get(f"/api/capacity/requests/{theirs.pk}").status_code == 404
    client.force_login(world.staff)
    assert [r["id"] for r in client.get("/api/capacity/requests?status=resolved").json()["items"]] == [
        theirs.pk
    ]
