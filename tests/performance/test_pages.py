"""Pages per role, the records loader (hashed ids), the catalogue loader and the annual report outputs."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from sectorhub.performance import services
from sectorhub.performance.catalogue import CatalogueError, read_catalogue
from sectorhub.performance.models import Catalogue, HistoricalOutcomeCell, OutcomeCell, OutcomeRun

KEY = "test-key-of-the-state-0123456789"


def approved(world, partnership, quarter="2026Q1", **values):
    """An approved report."""
    staff = world["staff"]
    r = services.save_report(user=staff, partnership=partnership, quarter=quarter, values=values)
    services.submit_report(user=staff, report=r)
    return services.review_report(user=staff, report=r, approve=True)


def test_signed_in_pages_answer_per_role_and_conveners_see_only_their_partnerships(world, client):
    """Anonymous visitors are sent to sign in; a convener gets 403 on another partnership's dashboard."""
    r = approved(world, world["other"], enrollment=30)
    pages = [reverse("performance:dashboard"), reverse("performance:reports"), reverse("performance:scorecard"),
             reverse("performance:indicators"), reverse("performance:outcomes"),
             reverse("performance:annual_report")]  # fmt: skip
    for url in pages:
        assert client.get(url).status_code == 302
    for who in ("convener", "staff", "analyst", "reviewer", "admin"):
        client.force_login(world[who])
        for url in pages:
            assert client.get(url).status_code == 200, (who, url)
        other = client.get(reverse("performance:partnership", args=[world["other"].pk]))
        detail = client.get(reverse("performance:report_detail", args=[r.pk]))
        expected = 403 if who == "convener" else 200
        assert (other.status_code, detail.status_code) == (expected, expected), who
    client.force_login(world["convener"])
    assert client.get(reverse("performance:partnership", args=[world["mine"].pk])).status_code == 200
    assert client.get(reverse("performance:report_new", args=[world["mine"].pk])).status_code == 200
    assert client.get(reverse("performance:report_new", args=[world["other"].pk])).status_code == 403
    assert (
        client.post(reverse("performance:report_review", args=[r.pk]), {"decision": "approve"}).status_code
        == 403
    )
    client.force_login(world["analyst"])
    assert client.get(reverse("performance:report_new", args=[world["mine"].pk])).status_code == 403


def test_the_public_scorecard_page_and_api_use_the_public_selector(world, client):
    """An approved, published report is public; its history never is; the API lists it as JSON."""
    r = approved(world, world["mine"], enrollment=40, **{"work-based-learning": 4})
    assert "Capital Manufacturing" not in client.get(reverse("performance:public_scorecard")).content.decode()
    services.publish_report(user=world["staff"], report=r)
    html = client.get(reverse("performance:public_scorecard")).content.decode()
    assert "Capital Manufacturing" in html and "fewer than 10" in html and "report approved" not in html
    data = client.get("/api/performance/scorecard").json()
    assert data[0]["partnership"] == "Capital Manufacturing"
    wbl = next(v for v in data[0]["values"] if v["key"] == "work-based-learning")
    assert wbl["value"] is None and wbl["suppressed"] is True


def test_a_convener_submits_through_the_pages_and_a_bad_upload_names_its_line(world, client):
    """Form POST creates a draft; submit sends it; an upload with a bad line shows the line and keeps nothing."""
    client.force_login(world["convener"])
    url = reverse("performance:report_new", args=[world["mine"].pk])
    resp = client.post(url, {"quarter": "2026q2", "v_enrollment": "41", "narrative": "ok"})
    report = world["mine"].performance_reports.get(quarter="2026Q2")
    assert resp.status_code == 302
    client.post(reverse("performance:report_submit", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == "submitted"
    bad = io.BytesIO(b"indicator,value\nenrollment,-4\n")
    bad.name = "q3.csv"
    resp = client.post(
        reverse("performance:report_upload", args=[world["mine"].pk]), {"quarter": "2026Q3", "file": bad}
    )
    assert "q3.csv, line 2, column 2 (value)" in resp.content.decode()
    assert not world["mine"].performance_reports.filter(quarter="2026Q3").exists()


PEOPLE = "participant_id,program,partnership,entry_date,exit_date,exclusion,training,credential_date,credential_type\n"


def test_loading_records_hashes_ids_and_stores_only_suppressed_cells(world, settings, tmp_path):
    """12 adult exiters in 2023Q3 (Q2 = 2024Q1), 9 paid then: employment_q2 9/12 = 0.75 with --min-cell 10.
    No raw id appears in any stored row, and the run names the files' SHA-256."""
    people = tmp_path / "p.csv"
    people.write_text(PEOPLE + "".join(f"SSN-{i:03},adult,,2023-01-02,2023-08-01,,,,\n" for i in range(12)))
    wages = tmp_path / "w.csv"
    wages.write_text("participant_id,year,quarter,employer_id,wages\n"
                     + "".join(f"SSN-{i:03},2024,1,E1,{1000 + i}\n" for i in range(9)))  # fmt: skip
    settings.SECTORHUB_ID_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="SECTORHUB_ID_KEY"):
        services.load_outcomes(user=world["staff"], participants=str(people), wages=str(wages),
                               exits_from=dt.date(2023, 7, 1), exits_to=dt.date(2024, 6, 30))  # fmt: skip
    settings.SECTORHUB_ID_KEY = KEY
    run = services.load_outcomes(user=world["staff"], participants=str(people), wages=str(wages),
                                 exits_from=dt.date(2023, 7, 1), exits_to=dt.date(2024, 6, 30))  # fmt: skip
    cell = run.cells.get(indicator="employment_q2", group_by="all")
    assert (cell.numerator, cell.denominator, cell.value, cell.suppressed) == (9, 12, 0.75, False)
    assert run.participants_sha256 == hashlib.sha256(people.read_bytes()).hexdigest()
    stored = " ".join(str(v) for m in (OutcomeRun, OutcomeCell, HistoricalOutcomeCell)
                      for row in m.objects.values() for v in row.values())  # fmt: skip
    assert "SSN-" not in stored
    digest = hmac.new(KEY.encode(), b"SSN-001", hashlib.sha256).hexdigest()
    assert services.hash_ids(__import__("pyarrow").array(["SSN-001"]), KEY.encode()).to_pylist() == [digest]


def test_a_state_catalogue_loads_as_a_new_version_and_a_bad_one_names_the_indicator(world, tmp_path):
    """A one-indicator catalogue loads once (idempotent); a bad unit is refused naming the indicator."""
    good = tmp_path / "ohio.yaml"
    good.write_text("name: Ohio\nversion: '2027.1'\nindicators:\n  - {key: hires, name: Hires, category: employers,"
                    " unit: people, direction: higher, source: reported, targets: {'2027Q1': 5}}\n")  # fmt: skip
    cat = services.load_catalogue(spec=read_catalogue(good))
    assert services.load_catalogue(spec=read_catalogue(good)) == cat
    assert Catalogue.objects.first() == cat and cat.indicators.get().targets.get().value == 5
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text().replace("unit: people", "unit: furlongs"))
    with pytest.raises(CatalogueError, match="bad.yaml, indicator hires: 'furlongs' is not one of"):
        read_catalogue(bad)


def test_the_annual_report_renders_as_page_pdf_and_excel(world, client):
    """Scope counts two partnerships; enrollment 40 + 30 from approved 2026 reports; costs say not available (the
    funding app is installed but has no records for 2026)."""
    approved(world, world["mine"], enrollment=40)
    approved(world, world["other"], quarter="2026Q2", enrollment=30)
    client.force_login(world["analyst"])
    html = client.get(reverse("performance:annual_report") + "?year=2026").content.decode()
    assert "Not available: no funding records for 2026." in html
    assert "People enrolled in training</th><td>70" in html
    pdf = client.get(reverse("performance:annual_report_pdf") + "?year=2026")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "annual report 2026" in text
    xlsx = client.get(reverse("performance:annual_report_xlsx") + "?year=2026")
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(xlsx.content))
    scope = {r[0]: r[1] for r in wb["Scope"].iter_rows(min_row=3, values_only=True)}
    assert scope["Partnerships"] == 2
    training = {r[0]: r[1] for r in wb["Training"].iter_rows(min_row=2, values_only=True)}
    assert training["People enrolled in training"] == 70
