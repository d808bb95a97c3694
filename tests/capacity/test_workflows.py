"""Events and sign-in sheets, the resource library and TA requests, with each role's permissions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sectorhub.capacity import services
from sectorhub.capacity.models import Attendance, Event, Person, Resource, TARequest
from sectorhub.core.roles import Role


@pytest.fixture
def event(world):
    return services.create_event(
        user=world.staff, title="Convener academy", kind="academy", format="in_person",
        starts_on=dt.date(2026, 3, 10), regions_invited=[world.north, world.south],
    )  # fmt: skip


@pytest.fixture(autouse=True)
def _files(settings, tmp_path):
    settings.SECTORHUB_HOME = tmp_path


SHEET = (
    "name,email,organization,region,partnership,attended\n"
    "Ann Lee,ann@example.org,Acme Tools,North,,yes\n"
    "Bob Roe,,Acme Tools,,B Health,no\n"
    "ANN LEE,Ann@Example.org,,,,\n"
)


def test_a_sign_in_sheet_records_people_matched_without_duplicates(world, event):
    """Ann appears twice (same e-mail in another case): one person, one attendance. Bob only registered.
    Importing the same sheet again adds no one. Bob's region comes from partnership B (South)."""
    Person.objects.create(name="Bob Roe", organization=world.acme)
    result = services.import_sign_in_sheet(
        user=world.staff, event=event, data=SHEET.encode(), file_name="s.csv"
    )
    assert (result.rows, result.attended, result.new_people) == (3, 2, 1)
    again = services.import_sign_in_sheet(
        user=world.staff, event=event, data=SHEET.encode(), file_name="s.csv"
    )
    assert again.new_people == 0
    assert Person.objects.count() == 2
    rows = {a.person.name: a for a in Attendance.objects.select_related("region", "person")}
    assert rows["Ann Lee"].attended is True and rows["Ann Lee"].region == world.north
    assert rows["Bob Roe"].attended is False and rows["Bob Roe"].region == world.south


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        (
            "name,email\nAnn,not-an-email\n",
            "s.csv, line 2, column email: 'not-an-email' is not an e-mail address.",
        ),
        ("name,attended\nAnn,yes\nBob,maybe\n", "s.csv, line 3, column attended: 'maybe' is not yes or no."),
        (
            "name,region\nAnn,North\nBob,Atlantis\n",
            "s.csv, line 3, column region: 'Atlantis' is not in the registry",
        ),
        ("email\nann@example.org\n", "s.csv, line 1: missing column name"),
        ("name,shoe size\nAnn,9\n", "s.csv, line 1: unknown column 'shoe size'"),
        ("name,email\n,ann@example.org\n", "s.csv, line 2, column name: the name is empty."),
    ],
)
def test_a_bad_sheet_is_refused_naming_line_and_column_and_nothing_is_stored(world, event, sheet, message):
    with pytest.raises(ValidationError) as exc:
        services.import_sign_in_sheet(user=world.staff, event=event, data=sheet.encode(), file_name="s.csv")
    assert any(m.startswith(message) for m in exc.value.messages), exc.value.messages
    assert Person.objects.count() == 0 and Attendance.objects.count() == 0


def test_the_import_page_refuses_a_bad_row_and_keeps_no_file(world, event, signed_in, tmp_path):
    client = signed_in(world.staff)
    sheet = SimpleUploadedFile("sheet.csv", b"name,attended\nAnn,perhaps\n", content_type="text/csv")
    response = client.post(f"/capacity/events/{event.pk}/sign-in-sheet/", {"sheet": sheet})
    assert response.status_code == 200
    assert "sheet.csv, line 2, column attended" in response.content.decode()
    assert not any(tmp_path.rglob("*.csv"))


def test_conveners_and_analysts_cannot_import_or_change_events(world, event, signed_in):
    for user in (world.convener, world.analyst):
        with pytest.raises(PermissionDenied):
            services.import_sign_in_sheet(user=user, event=event, data=SHEET.encode(), file_name="s.csv")
        client = signed_in(user)
        assert client.get("/capacity/events/new/").status_code == 403
        assert client.get(f"/capacity/events/{event.pk}/").status_code == 200


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_resource_files_are_checked_by_content_and_internal_ones_need_sign_in(world, client, signed_in):
    """A PDF renamed .exe is a PDF; an executable named .pdf is refused. Internal files: 404 when anonymous."""
    internal = services.create_resource(
        user=world.staff, upload=SimpleUploadedFile("toolkit.exe", PDF), title="Toolkit", kind="toolkit",
        capability="capacity", is_public=False,
    )  # fmt: skip
    assert internal.content_type == "application/pdf"
    with pytest.raises(ValidationError, match="not accepted"):
        services.create_resource(
            user=world.staff, upload=SimpleUploadedFile("x.pdf", b"MZ\x90\x00\x03\x00"), title="Bad",
            kind="toolkit", capability="capacity",
        )  # fmt: skip
    public = services.create_resource(
        user=world.staff, upload=SimpleUploadedFile("guide.pdf", PDF), title="Guide", kind="toolkit",
        capability="capacity", is_public=True,
    )  # fmt: skip
    assert client.get(f"/capacity/resources/{internal.pk}/file/").status_code == 404
    response = client.get(f"/capacity/resources/{public.pk}/file/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "guide.pdf" in response["Content-Disposition"]
    assert signed_in(world.analyst).get(f"/capacity/resources/{internal.pk}/file/").status_code == 200
    assert Resource.objects.count() == 2
    assert "staticfiles" not in internal.file.path


def test_a_resource_over_the_size_limit_is_refused(world, monkeypatch):
    monkeypatch.setattr("sectorhub.capacity.files.MAX_RESOURCE_BYTES", 10)
    with pytest.raises(ValidationError, match="the limit is"):
        services.create_resource(
            user=world.staff, upload=SimpleUploadedFile("big.pdf", PDF), title="Big", kind="toolkit",
            capability="capacity",
        )  # fmt: skip


def test_a_convener_files_for_their_region_only_and_staff_resolve(world, signed_in):
    client = signed_in(world.convener)
    ok = client.post("/capacity/requests/new/", {"region": world.north.pk, "category": world.cat["data-use"].pk,
                                                 "priority": "high", "description": "Read the LQ table"})  # fmt: skip
    assert ok.status_code == 302
    ta = TARequest.objects.get()
    assert (ta.requested_by, ta.region, ta.status) == (world.convener, world.north, "open")
    with pytest.raises(PermissionDenied):
        services.file_request(user=world.convener, region=world.south, category=world.cat["data-use"],
                              description="x")  # fmt: skip
    assert client.post(f"/capacity/requests/{ta.pk}/update/", {"status": "resolved"}).status_code == 403
    staff = signed_in(world.staff)
    refused = staff.post(f"/capacity/requests/{ta.pk}/update/", {"status": "resolved", "priority": "high"})
    assert "Say how the request was resolved" in refused.content.decode()
    staff.post(f"/capacity/requests/{ta.pk}/update/",
               {"status": "resolved", "priority": "high", "assignee": world.staff.pk, "resolution": "Call held"})  # fmt: skip
    ta.refresh_from_db()
    assert ta.status == "resolved" and ta.resolved_at and ta.days_to_resolve == 0
    assert ta.history.count() == 2


def test_a_convener_sees_only_requests_for_their_regions(world, signed_in, make_user):
    mine = services.file_request(
        user=world.staff, region=world.north, category=world.cat["data-use"], description="a"
    )
    other = services.file_request(
        user=world.staff, region=world.south, category=world.cat["data-use"], description="b"
    )
    client = signed_in(world.convener)
    assert client.get(f"/capacity/requests/{mine.pk}/").status_code == 200
    assert client.get(f"/capacity/requests/{other.pk}/").status_code == 404
    assert signed_in(make_user(Role.GRANT_REVIEWER)).get(f"/capacity/requests/{other.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 302),
        (Role.STATE_STAFF, 200),
        (Role.CONVENER, 200),
        (Role.ANALYST, 200),
        (Role.GRANT_REVIEWER, 200),
    ],
)
def test_the_capacity_pages_answer_each_role(world, client, make_user, role, status):
    if role:
        client.force_login(make_user(role))
    Event.objects.create(title="Call", kind="peer_call", starts_on=dt.date(2026, 1, 5))
    for url in ("/capacity/events/", "/capacity/resources/", "/capacity/requests/", "/capacity/report/",
                "/capacity/not-reached/"):  # fmt: skip
        assert client.get(url).status_code == status, url
