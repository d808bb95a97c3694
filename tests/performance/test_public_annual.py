"""The public annual report (page, PDF, Excel) is built only from public records, with small counts suppressed.

The world: "Capital Manufacturing" is public, "River Health Care" is not. In 2026:
- Capital's 2026Q1 report is approved and published: enrollment 40, completion 25, work-based learning 4 people;
  its 2026Q2 report (enrollment 30) is approved but not published; River's published 2026Q1 report has 50.
  Public totals: enrollment 40 (the 30 is unpublished, the 50 a private partnership's), completion 25, work-based
  learning suppressed (its only value, 4, is under 10 and left out). Signed in: enrollment 40 + 30 + 50 = 120.
- A published outcome run (exits PY2025): employment_q2 all 11 / 14; adult 10 / 11 and youth 1 / 3, both
  suppressed (youth is small, adult its complement); median earnings all 1400 over 11, adult 1500 over 10 (not
  small, but its denominator 10 is adult's hidden numerator: 11 - 10 would give youth's 1), youth over 1.
  A later run, not published, is what the signed-in report uses.
- Verified leveraged cash: 5,000 dollars to Capital, 7,000 to River: public 5,000, signed in 12,000.
- Stories of 2026: one public with consent, one without consent, one deleted, one public of River's.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from sectorhub.performance import selectors, services
from sectorhub.performance.models import OutcomeCell, OutcomeRun
from tests.partnerships.factories import OrganizationFactory

PRIVATE = ("River Health Care", "An internal story", "A deleted story", "A story of the private partnership",
           "Unpublished run label")  # fmt: skip


def approved(world, partnership, quarter, *, publish, **values):
    """An approved (and perhaps published) report."""
    staff = world["staff"]
    r = services.save_report(user=staff, partnership=partnership, quarter=quarter, values=values)
    services.submit_report(user=staff, report=r)
    services.review_report(user=staff, report=r, approve=True)
    return services.publish_report(user=staff, report=r) if publish else r


def run(label, *, published, exits_to, cells):
    """An outcome run with the given cells (indicator, group_by, group, numerator, denominator, value, suppressed)."""
    r = OutcomeRun.objects.create(
        label=label, exits_from=dt.date(2025, 7, 1), exits_to=exits_to, wages_through="2026Q4",
        participants_rows=14, wage_rows=30, participants_sha256="0" * 64, wages_sha256="1" * 64,
        is_published=published,
    )  # fmt: skip
    for ind, by, group, num, den, value, sup in cells:
        OutcomeCell.objects.create(run=r, indicator=ind, group_by=by, group=group, numerator=num, denominator=den,
                                   value=value, suppressed=sup)  # fmt: skip
    return r


@pytest.fixture
def year(world):
    """The world of the module docstring."""
    from sectorhub.funding.models import LeveragedFund

    mine, other, staff = world["mine"], world["other"], world["staff"]
    other.is_public = False
    other.save()
    approved(world, mine, "2026Q1", publish=True, enrollment=40, completion=25, **{"work-based-learning": 4})
    approved(world, mine, "2026Q2", publish=False, enrollment=30)
    approved(world, other, "2026Q1", publish=True, enrollment=50)
    run("Published PY2025 exiters", published=True, exits_to=dt.date(2026, 6, 30), cells=[
        ("employment_q2", "all", "", 11, 14, 11 / 14, False),
        ("employment_q2", "program", "adult", None, 11, None, True),
        ("employment_q2", "program", "youth", None, 3, None, True),
        ("median_earnings_q2", "all", "", None, 11, 1400.0, False),
        ("median_earnings_q2", "program", "adult", None, 10, 1500.0, False),
        ("median_earnings_q2", "program", "youth", None, 1, None, True),
        ("employment_q2", "partnership", "RIVER-HC", 5, 10, 0.5, False),
    ])  # fmt: skip
    run("Unpublished run label", published=False, exits_to=dt.date(2026, 9, 30), cells=[
        ("employment_q2", "all", "", 20, 25, 0.8, False),
    ])  # fmt: skip
    for partnership, amount in ((mine, 5000), (other, 7000)):
        LeveragedFund.objects.create(organization=OrganizationFactory(), partnership=partnership, kind="cash",
                                     amount=amount, source="employer cash", received_on=dt.date(2026, 3, 1),
                                     verified_at=timezone.now(), verified_by=staff)  # fmt: skip
    services.add_story(user=staff, year=2026, title="A public story", body="Shared lab opened.",
                       attribution="A plant manager", consent=True, is_public=True)  # fmt: skip
    services.add_story(user=staff, year=2026, title="An internal story", body="Not agreed.")
    gone = services.add_story(
        user=staff, year=2026, title="A deleted story", body="x", consent=True, is_public=True
    )
    services.delete_story(user=staff, story=gone)
    services.add_story(user=staff, year=2026, title="A story of the private partnership", body="y",
                       partnership=other, consent=True, is_public=True)  # fmt: skip
    return world


def test_the_public_report_counts_only_public_records(year):
    """The figures of the module docstring, public and signed in."""
    public, private = selectors_build(public=True), selectors_build(public=False)
    scope = {r["label"]: r["value"] for r in public["scope"]}
    assert scope["Partnerships"] == 1
    training = {r["label"]: (r["value"], r["suppressed"]) for r in public["training"]}
    assert training["People enrolled in training"] == (40, False)
    assert training["People completing training"] == (25, False)
    assert training["People in work-based learning (apprenticeship, internship)"] == (None, True)
    assert {r["label"]: r["value"] for r in private["training"]}["People enrolled in training"] == 120
    assert (
        public["run"].label == "Published PY2025 exiters" and private["run"].label == "Unpublished run label"
    )
    cells = {(c.indicator, c.group): (c.denominator, c.value, c.suppressed) for c in public["cells"]}
    assert cells == {
        ("employment_q2", ""): (14, 11 / 14, False),
        ("employment_q2", "adult"): (None, None, True),
        ("employment_q2", "youth"): (None, None, True),
        ("median_earnings_q2", ""): (11, 1400.0, False),
        ("median_earnings_q2", "adult"): (None, None, True),  # would give away adult's employed 10
        ("median_earnings_q2", "youth"): (None, None, True),
    }
    funding = next(s for s in public["sections"] if s["key"] == "funding")
    assert {r["label"]: r["value"] for r in funding["rows"]}["Leveraged cash (verified)"] == 5000
    funding = next(s for s in private["sections"] if s["key"] == "funding")
    assert {r["label"]: r["value"] for r in funding["rows"]}["Leveraged cash (verified)"] == 12000
    assert [s.title for s in public["stories"]] == ["A public story"]
    assert sorted(s.title for s in private["stories"]) == ["A public story", "A story of the private partnership",
                                                            "An internal story"]  # fmt: skip


def selectors_build(*, public: bool) -> dict:
    """annual.build for 2026."""
    from sectorhub.performance import annual

    return annual.build(2026, public=public)


def test_an_anonymous_visitor_gets_the_page_pdf_and_excel_with_nothing_private_in_them(year, client):
    """No private name, story, run or change history in any of the three; the public figures are there."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    html = client.get(reverse("performance:public_annual_report") + "?year=2026").content.decode()
    assert "People enrolled in training</th><td>40</td>" in html
    assert "People in work-based learning (apprenticeship, internship)</th><td>fewer than 10</td>" in html
    assert "A public story" in html and "A plant manager" in html
    assert "Leveraged cash (verified)</th><td>$5,000</td>" in html
    assert "Change history" not in html and "history-heading" not in html
    assert reverse("performance:public_annual_report_pdf") in html and "annual-report.xlsx" in html
    pdf = client.get(reverse("performance:public_annual_report_pdf") + "?year=2026")
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "A public story" in text and "fewer than 10" in text
    xlsx = client.get(reverse("performance:public_annual_report_xlsx") + "?year=2026")
    wb = load_workbook(io.BytesIO(xlsx.content))
    cells = "\n".join(
        str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None
    )
    training = {r[0]: r[1] for r in wb["Training"].iter_rows(min_row=2, values_only=True)}
    assert (
        training["People enrolled in training"] == 40
        and training["People in work-based learning (apprenticeship, internship)"] == "suppressed"
    )
    outcomes = list(wb["Outcomes"].iter_rows(values_only=True))
    assert outcomes[0] == ("indicator", "group_by", "group", "denominator", "value", "suppressed")
    assert ("median_earnings_q2", "program", "adult", None, None, True) in outcomes
    for secret in PRIVATE:
        assert secret not in html and secret not in text and secret not in cells, secret
    assert "RIVER-HC" not in html + text + cells  # partnership groups of a run are never public


def test_the_public_report_links_from_the_public_site_and_the_signed_in_one_links_to_it(year, client):
    """performance/public.py lists it; the signed-in report (enrollment 120) points to the public version."""
    from sectorhub.performance.public import PUBLIC_LINKS

    assert "performance:public_annual_report" in [link.url_name for link in PUBLIC_LINKS]
    assert reverse("performance:public_annual_report") in client.get("/public/").content.decode()
    client.force_login(year["analyst"])
    html = client.get(reverse("performance:annual_report") + "?year=2026").content.decode()
    assert "People enrolled in training</th><td>120</td>" in html and "An internal story" in html
    assert reverse("performance:public_annual_report") + "?year=2026" in html


def test_an_unpublished_run_is_never_public_even_when_asked_for():
    """public_outcome_cells gives nothing for a run that is not published."""
    assert selectors.public_outcome_cells(None) == []
    assert selectors.public_outcome_cells(OutcomeRun(is_published=False)) == []
