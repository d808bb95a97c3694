"""Quarterly reports: save, submit, return, resubmit, approve, publish; permissions; CSV upload; late and missing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sectorhub.performance import selectors, services
from sectorhub.performance.models import Report, ReportStatus, ReportValue


def test_a_report_goes_from_draft_to_returned_to_approved_with_history(world):
    """Convener saves and submits; staff return with a comment; convener fixes and resubmits; staff approve."""
    conv, staff, p = world["convener"], world["staff"], world["mine"]
    r = services.save_report(user=conv, partnership=p, quarter="2026Q1", values={"enrollment": Decimal(40)})
    services.submit_report(user=conv, report=r)
    with pytest.raises(ValidationError):
        services.review_report(user=staff, report=r, approve=False, comment="")
    services.review_report(user=staff, report=r, approve=False, comment="Enrollment looks low")
    assert r.status == ReportStatus.RETURNED and r.review_comment == "Enrollment looks low"
    services.save_report(user=conv, partnership=p, quarter="2026Q1", values={"enrollment": Decimal(52)})
    services.submit_report(user=conv, report=Report.objects.get(pk=r.pk))
    r = services.review_report(user=staff, report=Report.objects.get(pk=r.pk), approve=True)
    assert r.status == ReportStatus.APPROVED
    assert ReportValue.objects.get(report=r).value == 52
    reasons = list(r.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert reasons == ["report saved", "report submitted", "report returned", "report saved", "report submitted",
                       "report approved"]  # fmt: skip
    with pytest.raises(ValidationError):
        services.save_report(user=conv, partnership=p, quarter="2026Q1", values={"enrollment": Decimal(1)})


def test_a_convener_cannot_report_for_another_partnership_and_cannot_review(world):
    """Object-level checks in the services, whatever the URL map lets through."""
    conv = world["convener"]
    with pytest.raises(PermissionDenied):
        services.save_report(user=conv, partnership=world["other"], quarter="2026Q1", values={})
    r = services.save_report(user=conv, partnership=world["mine"], quarter="2026Q1", values={"enrollment": 3})
    services.submit_report(user=conv, report=r)
    for who in ("convener", "analyst", "reviewer"):
        with pytest.raises(PermissionDenied):
            services.review_report(user=world[who], report=r, approve=True)


def test_an_unknown_indicator_or_a_computed_one_cannot_be_reported(world):
    """Computed indicators (from records) are not typed in by partnerships."""
    with pytest.raises(ValidationError, match="employment-q2"):
        services.save_report(user=world["staff"], partnership=world["mine"], quarter="2026Q1",
                             values={"employment-q2": Decimal("0.7")})  # fmt: skip


def test_a_bad_csv_line_is_refused_by_number_and_nothing_is_kept(world):
    """Line 3 has a value that is not a number: no report is created at all."""
    data = b"indicator,value\nenrollment,40\ncompletion,twenty\n"
    with pytest.raises(
        ValidationError, match=r"q1.csv, line 3, column 2 \(value\): 'twenty' is not a number"
    ):
        services.upload_report(user=world["convener"], partnership=world["mine"], quarter="2026Q1", data=data,
                               name="q1.csv")  # fmt: skip
    assert not Report.objects.exists()
    data = b"indicator,value\nenrollment,40\nbogus,2\n"
    with pytest.raises(ValidationError, match=r"line 3, column 1 \(indicator\): unknown indicator 'bogus'"):
        services.upload_report(user=world["convener"], partnership=world["mine"], quarter="2026Q1", data=data,
                               name="q1.csv")  # fmt: skip
    assert not Report.objects.exists()
    good = b'indicator,value\nenrollment,40\ncompletion,"1,200"\n'
    r = services.upload_report(user=world["convener"], partnership=world["mine"], quarter="2026Q1", data=good,
                               name="q1.csv")  # fmt: skip
    assert {v.indicator.key: v.value for v in r.values.all()} == {"enrollment": 40, "completion": 1200}


def test_late_and_missing_reports_are_listed_per_quarter(world):
    """Today 2026-08-15: 2026Q2 ended June 30 and was due July 30; 2026Q3 has not ended. Tracked: 2026Q2, Q1,
    2025Q4, Q3 (all due before today). `mine` submitted Q2 on Aug 2 (late) and Q1 on time; `other` nothing."""
    conv, p = world["convener"], world["mine"]
    for quarter, when in (("2026Q2", dt.datetime(2026, 8, 2, 12)), ("2026Q1", dt.datetime(2026, 4, 20, 12))):
        r = services.save_report(user=conv, partnership=p, quarter=quarter, values={"enrollment": 40})
        services.submit_report(user=conv, report=r)
        Report.objects.filter(pk=r.pk).update(submitted_at=timezone.make_aware(when))
    rows = selectors.late_and_missing(world["staff"], today=dt.date(2026, 8, 15))
    got = {(o.partnership.name, o.quarter, o.kind) for o in rows}
    assert ("Capital Manufacturing", "2026Q2", "late") in got
    assert ("Capital Manufacturing", "2026Q1", "late") not in got
    assert ("Capital Manufacturing", "2025Q4", "missing") in got
    assert {q for n, q, k in got if n == "River Health Care"} == {"2026Q2", "2026Q1", "2025Q4", "2025Q3"}
    mine_only = selectors.late_and_missing(conv, today=dt.date(2026, 8, 15))
    assert {o.partnership.name for o in mine_only} == {"Capital Manufacturing"}


def test_the_dashboard_sums_counts_and_targets_over_approved_reports(world):
    """Enrollment 40 (mine) + 30 (other), both approved for 2026Q1: actual 70, target 40 x 2 = 80, below.
    Time to hire (days, lower is better): mean of 50 and 30 = 40 against 45: met."""
    staff = world["staff"]
    for p, enrol, days in ((world["mine"], 40, 50), (world["other"], 30, 30)):
        r = services.save_report(user=staff, partnership=p, quarter="2026Q1",
                                 values={"enrollment": enrol, "time-to-hire": days})  # fmt: skip
        services.submit_report(user=staff, report=r)
        services.review_report(user=staff, report=r, approve=True)
    rows = {r.indicator.key: r for r in selectors.dashboard(staff, quarter="2026Q1")["rows"]}
    assert (rows["enrollment"].actual, rows["enrollment"].target, rows["enrollment"].status) == (
        70,
        80,
        "below",
    )
    assert (rows["time-to-hire"].actual, rows["time-to-hire"].target, rows["time-to-hire"].status) == (
        40,
        45,
        "met",
    )
    conv_rows = {r.indicator.key: r for r in selectors.dashboard(world["convener"], quarter="2026Q1")["rows"]}
    assert conv_rows["enrollment"].actual == 40


def test_the_public_scorecard_shows_only_published_approved_reports_with_small_counts_suppressed(world):
    """Enrollment 40 shows; work-based learning 4 people (< 10) is suppressed; an approved but unpublished
    report and a published report of a private partnership do not appear."""
    staff = world["staff"]
    r = services.save_report(user=staff, partnership=world["mine"], quarter="2026Q1",
                             values={"enrollment": 40, "work-based-learning": 4})  # fmt: skip
    services.submit_report(user=staff, report=r)
    services.review_report(user=staff, report=r, approve=True)
    assert selectors.public_scorecard()["reports"] == []
    services.publish_report(user=staff, report=r)
    other = services.save_report(
        user=staff, partnership=world["other"], quarter="2026Q1", values={"enrollment": 50}
    )
    services.submit_report(user=staff, report=other)
    services.review_report(user=staff, report=other, approve=True)
    services.publish_report(user=staff, report=other)
    world["other"].is_public = False
    world["other"].save()
    (only,) = selectors.public_scorecard()["reports"]
    values = {v["key"]: v for v in only["values"]}
    assert only["partnership"] == "Capital Manufacturing"
    assert values["enrollment"]["value"] == 40
    assert values["work-based-learning"] == {
        **values["work-based-learning"],
        "value": None,
        "suppressed": True,
    }
