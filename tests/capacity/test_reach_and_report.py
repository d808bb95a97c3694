"""The "not reached this year" list and the challenge report, against figures worked by hand."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sectorhub.capacity import selectors, services
from sectorhub.capacity.models import Event, Resource, TARequest

ET = ZoneInfo("America/New_York")


def _event(title, day, **kw):
    return Event.objects.create(title=title, kind="webinar", starts_on=day, **kw)


def test_a_region_or_partnership_is_reached_only_by_someone_present_at_an_event_that_year(world):
    """Worked by hand, year 2026:
    - Academy 2026-03-10: Ann (present, names partnership A in North) -> A and North reached.
    - Summit 2026-06-01: Bob works for Acme Tools, a member of B (South), present, names no partnership
      -> B reached through its member, South through B.
    - Webinar 2026-07-01: Cy registered for East but did not attend -> not reached.
    - Webinar 2025-12-31: Di present for Metro -> a 2025 event, does not count for 2026.
    - A deleted 2026 event where Ed is present for East -> deleted events do not count.
    Local areas: North, South, East (3); not reached: East. Active partnerships: A, B (C is exploring);
    not reached: none. For 2025: only Metro (a metro, not a local area) -> all 3 local areas not reached.
    """
    staff = world.staff
    academy, summit = _event("Academy", dt.date(2026, 3, 10)), _event("Summit", dt.date(2026, 6, 1))
    webinar, old = _event("Webinar", dt.date(2026, 7, 1)), _event("Old", dt.date(2025, 12, 31))
    gone = _event("Gone", dt.date(2026, 5, 5), is_deleted=True)
    services.record_attendance(user=staff, event=academy, name="Ann", partnership=world.a)
    services.record_attendance(user=staff, event=summit, name="Bob", organization=world.acme)
    services.record_attendance(user=staff, event=webinar, name="Cy", region=world.east, attended=False)
    services.record_attendance(user=staff, event=old, name="Di", region=world.metro)
    services.record_attendance(user=staff, event=gone, name="Ed", region=world.east)

    reach = selectors.not_reached(year=2026)
    assert [r.name for r in reach.regions] == ["East"]
    assert (reach.regions_total, reach.partnerships_total) == (3, 2)
    assert reach.partnerships == []
    assert [r.name for r in selectors.not_reached(year=2025).regions] == ["East", "North", "South"]
    assert [r.name for r in selectors.not_reached(year=2025, region_kind="metro").regions] == []


def _ta(world, category, region, when, **kw):
    return TARequest.objects.create(
        region=region, category=world.cat[category], description="help", submitted_at=when, **kw
    )


def test_the_challenge_report_counts_requests_by_category_region_and_quarter(world):
    """Worked by hand, year 2026 (quarters in Eastern time):
    employer-engagement: North 2026-01-15 (Q1), North 2026-02-01 (Q1), South 2026-05-20 (Q2),
      and 2026-04-01 03:30 UTC = 2026-03-31 23:30 EDT, so Q1 (South) -> Q1 3, Q2 1, total 4; 2025: 1 (North).
    data-use: East 2026-10-02 (Q4) -> total 1; 2025: 3 -> change -2.
    funding-sustainability: none in 2026, none in 2025.
    2027-01-01 04:59 UTC is still 2026-12-31 in Ohio -> convener-capacity Q4 1 (North).
    By region: North employer 2 + convener 1 = 3; South employer 2; East data 1. Total 6.
    Offering: a 2026 event tagged employer-engagement; a resource tagged data-use; so convener-capacity
    has demand and no offering (gap), the others do not.
    """
    utc = dt.UTC
    _ta(world, "employer-engagement", world.north, dt.datetime(2026, 1, 15, 12, tzinfo=utc))
    _ta(world, "employer-engagement", world.north, dt.datetime(2026, 2, 1, 12, tzinfo=utc))
    _ta(world, "employer-engagement", world.south, dt.datetime(2026, 5, 20, 12, tzinfo=utc))
    _ta(world, "employer-engagement", world.south, dt.datetime(2026, 4, 1, 3, 30, tzinfo=utc))
    _ta(world, "employer-engagement", world.north, dt.datetime(2025, 6, 1, 12, tzinfo=utc))
    _ta(world, "data-use", world.east, dt.datetime(2026, 10, 2, 12, tzinfo=utc))
    for month in (2, 3, 4):
        _ta(world, "data-use", world.east, dt.datetime(2025, month, 2, 12, tzinfo=utc))
    _ta(world, "convener-capacity", world.north, dt.datetime(2027, 1, 1, 4, 59, tzinfo=utc))
    event = _event("Employer engagement academy", dt.date(2026, 4, 2))
    event.categories.add(world.cat["employer-engagement"])
    resource = Resource.objects.create(title="Data guide", kind="toolkit", url="https://example.org/g")
    resource.categories.add(world.cat["data-use"])

    report = selectors.challenge_report(user=world.staff, year=2026)
    rows = {r.category.slug: r for r in report.rows}
    assert rows["employer-engagement"].quarters == [3, 1, 0, 0]
    assert (rows["employer-engagement"].previous_year, rows["employer-engagement"].trend) == (1, 3)
    assert rows["data-use"].quarters == [0, 0, 0, 1]
    assert rows["data-use"].trend == -2
    assert rows["convener-capacity"].quarters == [0, 0, 0, 1]
    assert rows["funding-sustainability"].total == 0
    assert [slug for slug, r in rows.items() if r.gap] == ["convener-capacity"]
    assert rows["employer-engagement"].events == [event]
    assert rows["data-use"].resources == [resource]
    assert report.quarter_totals == [3, 1, 0, 2]
    by_region = {region.name: total for region, _counts, total in report.regions}
    assert by_region == {"East": 1, "North": 3, "South": 2}


def test_a_convener_sees_only_their_regions_requests_in_the_report(world):
    """Two requests in 2026, one in North (the convener's) and one in South: the convener's report counts 1."""
    _ta(world, "data-use", world.north, dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC))
    _ta(world, "data-use", world.south, dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC))
    assert selectors.challenge_report(user=world.convener, year=2026).total == 1
    assert selectors.challenge_report(user=world.analyst, year=2026).total == 2


def test_the_report_page_shows_the_counts(world, signed_in):
    _ta(world, "data-use", world.north, dt.datetime(2026, 8, 1, 12, tzinfo=dt.UTC))
    html = signed_in(world.staff).get("/capacity/report/?year=2026").content.decode()
    assert "Data use" in html and "No offering" in html


def test_the_annual_report_section_counts_events_attendance_reach_and_requests(world):
    """2026: a public academy (Ann present for A in North, Bob registered only) and an internal webinar (Cy
    present for South); a 2025 summit. Private section: 2 events, 2 present, local areas reached North and South
    = 2 of 3; one request filed in 2026 and resolved, one in 2025. Public section: the academy only, 1 present."""
    from sectorhub.capacity.reporting import annual_report_section

    academy = _event("Academy", dt.date(2026, 3, 10), is_public=True)
    webinar = _event("Webinar", dt.date(2026, 9, 1))
    _event("Summit", dt.date(2025, 6, 1), is_public=True)
    services.record_attendance(user=world.staff, event=academy, name="Ann", partnership=world.a)
    services.record_attendance(user=world.staff, event=academy, name="Bob", attended=False)
    services.record_attendance(user=world.staff, event=webinar, name="Cy", region=world.south)
    _ta(world, "data-use", world.north, dt.datetime(2026, 2, 1, 12, tzinfo=dt.UTC), status="resolved")
    _ta(world, "data-use", world.north, dt.datetime(2025, 2, 1, 12, tzinfo=dt.UTC))
    year = {"start": dt.date(2026, 1, 1), "end": dt.date(2026, 12, 31)}
    rows = {r["label"]: r["value"] for r in annual_report_section(**year, public=False)["rows"]}
    assert rows == {"Events held": 2, "Attendances (people present)": 2, "Local areas reached": 2, "Local areas": 3,
                    "TA requests filed": 1, "TA requests resolved": 1}  # fmt: skip
    public = annual_report_section(**year, public=True)
    # Public: the academy only; reach from it alone (Ann for A, in North: 1 of 3); no TA figures at all.
    assert {r["label"]: r["value"] for r in public["rows"]} == {
        "Events held": 1, "Attendances (people present)": 1, "Local areas reached": 1, "Local areas": 3}  # fmt: skip
    assert public["table"]["rows"] == [["Webinar", 1]]  # the helper makes every event a webinar
    assert annual_report_section(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), public=False) is None


def test_a_public_event_never_shows_an_internal_material(world, client):
    internal = Resource.objects.create(title="Internal notes", kind="template", url="https://example.org/i")
    shown = Resource.objects.create(
        title="Open slides", kind="template", url="https://example.org/o", is_public=True
    )
    event = _event("Open webinar", dt.date(2026, 4, 1), is_public=True)
    event.materials.set([internal, shown])
    html = client.get("/public/events/").content.decode()
    assert "Open slides" in html and "Internal notes" not in html
