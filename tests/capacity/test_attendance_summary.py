"""Attendance by organization and region per quarter, worked by hand on a small year of events."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sectorhub.capacity.models import Attendance, Event, Person
from sectorhub.capacity.selectors import attendance_summary
from tests.partnerships.factories import OrganizationFactory


@pytest.fixture
def year(world):
    """Events of 2026: E1 academy 02-10 and E2 peer call 03-31 (Q1), E3 summit 04-01 (Q2), E4 academy 11-12 (Q4);
    E5 an academy of 03-01 that was deleted, E6 an academy of 2025-12-30.
    People: Ann and Bo of Acme Tools, Cy of Beta Care, Di of no organization.

    | event | present (organization, region)                                  | not present  |
    |-------|------------------------------------------------------------------|--------------|
    | E1    | Ann (Acme, North), Bo (Acme, North), Cy (Beta, South)           | Di (-, East) |
    | E2    | Ann (Acme, North)                                                |              |
    | E3    | Ann (Acme, North), Cy (Beta, South), Di (-, -)                  |              |
    | E4    | Bo (Acme, South)                                                 |              |
    | E5    | Ann (Acme, North) -- deleted event                               |              |
    | E6    | Cy (Beta, South) -- 2025                                         |              |
    """
    acme, beta = world.acme, OrganizationFactory(name="Beta Care", kind="business")
    ann, bo, cy, di = (
        Person.objects.create(name="Ann", organization=acme),
        Person.objects.create(name="Bo", organization=acme),
        Person.objects.create(name="Cy", organization=beta),
        Person.objects.create(name="Di"),
    )

    def event(title, kind, day, **kw):
        return Event.objects.create(title=title, kind=kind, starts_on=day, **kw)

    e1 = event("E1", "academy", dt.date(2026, 2, 10))
    e2 = event("E2", "peer_call", dt.date(2026, 3, 31))
    e3 = event("E3", "summit", dt.date(2026, 4, 1))
    e4 = event("E4", "academy", dt.date(2026, 11, 12))
    e5 = event("E5", "academy", dt.date(2026, 3, 1), is_deleted=True)
    e6 = event("E6", "academy", dt.date(2025, 12, 30))
    north, south, east = world.north, world.south, world.east
    for ev, person, org, region, present in [
        (e1, ann, acme, north, True),
        (e1, bo, acme, north, True),
        (e1, cy, beta, south, True),
        (e1, di, None, east, False),
        (e2, ann, acme, north, True),
        (e3, ann, acme, north, True),
        (e3, cy, beta, south, True),
        (e3, di, None, None, True),
        (e4, bo, acme, south, True),
        (e5, ann, acme, north, True),
        (e6, cy, beta, south, True),
    ]:
        Attendance.objects.create(event=ev, person=person, organization=org, region=region, attended=present)
    return world


def _table(summary):
    return [(r.label, r.quarters, r.events_total, r.attendees_total, r.people) for r in summary.rows]


def test_by_organization_counts_events_and_attendees_per_quarter(year):
    """Acme: Q1 E1 (Ann, Bo) and E2 (Ann) = 2 events, 3 attendees; Q2 E3 (Ann) = 1, 1; Q4 E4 (Bo) = 1, 1;
    the year 4 events, 5 attendees, 2 people. Beta: E1 and E3 (Cy) = 1, 1 in Q1 and Q2; 2, 2, 1. No organization:
    Di present at E3 only (at E1 she was registered, not present) = Q2 1, 1. E5 (deleted) and E6 (2025) count
    nowhere. All: Q1 E1, E2 with 4 attendees; Q2 E3 with 3; Q4 E4 with 1; 4 events, 8 attendees, 4 people."""
    summary = attendance_summary(year=2026, by="organization")
    assert _table(summary) == [
        ("Acme Tools", [(2, 3), (1, 1), (0, 0), (1, 1)], 4, 5, 2),
        ("Beta Care", [(1, 1), (1, 1), (0, 0), (0, 0)], 2, 2, 1),
        ("No organization recorded", [(0, 0), (1, 1), (0, 0), (0, 0)], 1, 1, 1),
    ]
    t = summary.total
    assert (t.quarters, t.events_total, t.attendees_total, t.people) == (
        [(2, 4), (1, 3), (0, 0), (1, 1)],
        4,
        8,
        4,
    )


def test_by_region_uses_the_region_recorded_on_each_attendance(year):
    """North: E1 (Ann, Bo), E2 (Ann) in Q1 = 2, 3; E3 (Ann) in Q2 = 1, 1; 3 events, 4 attendees, 2 people.
    South: E1 (Cy) Q1, E3 (Cy) Q2, E4 (Bo, for South this time) Q4 = 3 events, 3 attendees, 2 people.
    East: only Di's registration at E1, not present: no row. No region: Di at E3."""
    assert _table(attendance_summary(year=2026, by="region")) == [
        ("North", [(2, 3), (1, 1), (0, 0), (0, 0)], 3, 4, 2),
        ("South", [(1, 1), (1, 1), (0, 0), (1, 1)], 3, 3, 2),
        ("No region recorded", [(0, 0), (1, 1), (0, 0), (0, 0)], 1, 1, 1),
    ]


def test_one_kind_of_event_and_another_year(year):
    """Academies of 2026 are E1 and E4: Acme 2 events (Ann and Bo at E1; Bo at E4) with 3 attendees; Beta 1, 1.
    In 2025 only E6: Beta 1 event, 1 attendee in Q4."""
    academies = attendance_summary(year=2026, by="organization", kind="academy")
    assert _table(academies) == [
        ("Acme Tools", [(1, 2), (0, 0), (0, 0), (1, 1)], 2, 3, 2),
        ("Beta Care", [(1, 1), (0, 0), (0, 0), (0, 0)], 1, 1, 1),
    ]
    assert (academies.total.events_total, academies.total.attendees_total, academies.total.people) == (
        2,
        4,
        3,
    )
    assert _table(attendance_summary(year=2025)) == [("Beta Care", [(0, 0), (0, 0), (0, 0), (1, 1)], 1, 1, 1)]


def test_the_page_is_for_state_staff_and_shows_the_rows(year, client):
    client.force_login(year.staff)
    html = client.get("/capacity/attendance/?year=2026&by=region").content.decode()
    row = re.search(r"<tr><th scope=\"row\">North</th>(.*?)</tr>", html).group(1)
    assert re.findall(r">(\d+)</td>", row) == ["2", "3", "1", "1", "0", "0", "0", "0", "3", "4", "2"]
    assert "No region recorded" in html
    # A value outside the choices falls back to organizations.
    assert "Acme Tools" in client.get("/capacity/attendance/?year=2026&by=email").content.decode()
    for user in (year.convener, year.analyst):
        client.force_login(user)
        assert client.get("/capacity/attendance/").status_code == 403
