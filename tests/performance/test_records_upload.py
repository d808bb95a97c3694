"""Loading participant and wage records through the web: known values from a hand-built cohort, raw ids written
nowhere (database, SECTORHUB_HOME, temporary files), bad rows named by line, memory-only uploads, who may load.

The cohort (program year 2023: exits 2023-07-01 to 2024-06-30; wages through 2024Q4, so Q2 and Q4 after exit are
available for everyone):
- 12 adult exiters on 2023-08-01 (exit quarter 2023Q3, Q2 after = 2024Q1, Q4 after = 2024Q3). In 2024Q1 ids 0-8
  are paid by E1, 1000 + 100 x i dollars; id 9 has a zero-wage row (not employed). In 2024Q3 ids 0-5 are paid by
  E1 and id 6 by E2.
- 3 youth exiters on 2023-09-15 (also 2023Q3); youth 0 is paid 500 by E3 in 2024Q1, nobody in 2024Q3.
- one adult who exits 2024-07-01 (after the window) and is paid: not in the cohort.

By hand, for all 15:
- employment_q2 = 10 / 15 (9 adults + 1 youth); employment_q4 = 7 / 15 (adults 0-6);
- median_earnings_q2 over the 10 employed: 500, 1000, 1100, ..., 1800 -> the mean of the 5th and 6th values,
  (1300 + 1400) / 2 = 1350.00, denominator 10;
- retention_same_employer = 6 / 10 (adults 0-5 have E1 in both quarters; adult 6 changed employer, youth 0 left);
- by program: youth has 3 (< 10, suppressed) so adult's 12 is suppressed too (else 15 - 12 = 3 gives it away).
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.db import models
from django.urls import reverse

from sectorhub.performance import services
from sectorhub.performance.models import OutcomeRun

KEY = "test-key-of-the-state-0123456789"
RAW = "RAWID-7731-"  # every raw identifier starts so; none may be written anywhere
HEADER = "participant_id,program,partnership,entry_date,exit_date,exclusion,training,credential_date,credential_type\n"


def participants_csv() -> bytes:
    """The cohort above, plus one exit after the window."""
    rows = [f"{RAW}A{i:02},adult,,2023-01-09,2023-08-01,,,,\n" for i in range(12)]
    rows += [f"{RAW}Y{i:02},youth,,2023-03-01,2023-09-15,,,,\n" for i in range(3)]
    rows.append(f"{RAW}LATE,adult,,2023-05-01,2024-07-01,,,,\n")
    return (HEADER + "".join(rows)).encode()


def wages_csv(*, bad_line: int | None = None) -> bytes:
    """The wage rows above; with ``bad_line``, that line's quarter is 5."""
    rows = [f"{RAW}A{i:02},2024,1,E1,{1000 + 100 * i}\n" for i in range(9)]
    rows.append(f"{RAW}A09,2024,1,E1,0\n")
    rows += [f"{RAW}A{i:02},2024,3,E1,900\n" for i in range(6)]
    rows.append(f"{RAW}A06,2024,3,E2,800\n")
    rows.append(f"{RAW}Y00,2024,1,E3,500\n")
    rows.append(f"{RAW}LATE,2024,4,E1,700\n")
    if bad_line is not None:
        i = bad_line - 2
        rows[i] = rows[i].replace(",2024,1,", ",2024,5,").replace(",2024,3,", ",2024,5,")
    return ("participant_id,year,quarter,employer_id,wages\n" + "".join(rows)).encode()


def upload(client, *, people: bytes | None = None, wages: bytes | None = None, **fields):
    """POST the form with the two files (names p.csv and w.csv)."""
    p = io.BytesIO(participants_csv() if people is None else people)
    p.name = "p.csv"
    w = io.BytesIO(wages_csv() if wages is None else wages)
    w.name = "w.csv"
    data = {"participants": p, "wages": w, "program_year": "2023", "wages_through": "2024Q4", "min_cell": "10",
            "label": "PY2023 test cohort", **fields}  # fmt: skip
    return client.post(reverse("performance:outcome_upload"), data)


@pytest.fixture
def key(settings):
    """The state's secret is set."""
    settings.SECTORHUB_ID_KEY = KEY


@pytest.fixture
def spy_temp_files(monkeypatch, settings, tmp_path):
    """Make any disk upload visible: every upload over 1 byte would go to a temporary file (Django's default
    handlers), in a folder of this test, and every temporary file Django's uploads open is recorded."""
    import django.core.files.uploadedfile as uploaded

    folder = tmp_path / "upload-tmp"
    folder.mkdir()
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    opened: list[str] = []
    real = uploaded.tempfile.NamedTemporaryFile

    def recording(*args, **kwargs):
        f = real(*args, **kwargs)
        opened.append(f.name)
        return f

    monkeypatch.setattr(uploaded.tempfile, "NamedTemporaryFile", recording)
    return opened


def _text_values(model) -> list[str]:
    fields = [f for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)]
    json_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.JSONField)]
    out = []
    for f in fields:
        out += [
            v
            for v in model.objects.filter(**{f"{f.attname}__contains": RAW}).values_list(f.attname, flat=True)
        ]
    for f in json_fields:
        out += [str(v) for v in model.objects.values_list(f.attname, flat=True) if RAW in str(v)]
    return out


def raw_ids_in_database() -> list[str]:
    """Every text and JSON column of every table Django knows (the performance tables and their history, sessions,
    audit logs ...) that holds a raw id; sessions are decoded first (they are signed base64)."""
    from django.contrib.sessions.models import Session

    found = []
    for model in apps.get_models():
        found += [f"{model._meta.db_table}: {v[:40]}" for v in _text_values(model)]
    found += [f"session {s.pk}" for s in Session.objects.all() if RAW in str(s.get_decoded())]
    return found


def raw_ids_in_files(folders: list[Path], since: float) -> list[str]:
    """Files under the folders, changed since `since`, whose bytes hold a raw id."""
    hits = []
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            for name in files:
                path = Path(root, name)
                try:
                    if path.stat().st_mtime >= since and RAW.encode() in path.read_bytes():
                        hits.append(str(path))
                except OSError:
                    continue
    return hits


def test_a_hand_built_cohort_uploaded_gives_the_known_values_and_no_raw_id_is_written(
    world, client, key, spy_temp_files, tmp_path, monkeypatch
):
    """The values worked by hand in the module docstring; then no raw id in any table, in SECTORHUB_HOME or in a
    temporary file, no upload went to disk, and the page shows suppressed cells without a value."""
    import tempfile

    since = time.time() - 1
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))  # Python-level temporary files land here
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    client.force_login(world["analyst"])
    response = upload(client)
    run = OutcomeRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "performance:outcome_run", args=[run.pk]
    )
    assert isinstance(response.wsgi_request.FILES["participants"], InMemoryUploadedFile)
    cells = {(c.indicator, c.group_by, c.group): c for c in run.cells.all()}

    def got(indicator, group_by="all", group=""):
        c = cells[(indicator, group_by, group)]
        return (c.numerator, c.denominator, None if c.value is None else round(c.value, 4), c.suppressed)

    assert got("employment_q2") == (10, 15, 0.6667, False)
    assert got("employment_q4") == (7, 15, 0.4667, False)
    assert got("median_earnings_q2") == (None, 10, 1350.0, False)
    assert got("retention_same_employer") == (6, 10, 0.6, False)
    assert got("employment_q2", "program", "youth") == (None, 3, None, True)
    assert got("employment_q2", "program", "adult") == (None, 12, None, True)  # complementary
    assert (run.participants_rows, run.wage_rows, run.wages_through) == (16, 19, "2024Q4")
    assert (run.exits_from.isoformat(), run.exits_to.isoformat()) == ("2023-07-01", "2024-06-30")

    page = client.get(response["Location"]).content.decode()
    assert "1350.000" in page and "0.667" in page
    adult = next(
        line for line in page.split("<tr>") if "<td>employment_q2</td><td>program</td><td>adult" in line
    )
    assert adult.count("suppressed") == 1 and "—" in adult and ">12<" in adult  # no numerator, no value

    assert raw_ids_in_database() == []
    home = Path(django_settings.SECTORHUB_HOME)
    assert raw_ids_in_files([home, private_tmp, tmp_path, Path.cwd() / ".tmp"], since) == []
    assert spy_temp_files == []  # Django's temporary-file handler never ran


def test_the_spy_would_see_a_disk_upload(world, client, spy_temp_files):
    """Control: the quarterly report upload keeps Django's default handlers, so with a 1-byte memory limit its
    CSV goes through a temporary file, which the spy records (the check above can fail)."""
    client.force_login(world["convener"])
    f = io.BytesIO(b"indicator,value\nenrollment,40\n")
    f.name = "q1.csv"
    client.post(
        reverse("performance:report_upload", args=[world["mine"].pk]), {"quarter": "2026Q1", "file": f}
    )
    assert len(spy_temp_files) == 1


def test_a_bad_wage_row_is_refused_naming_file_line_and_column_and_nothing_is_stored(world, client, key):
    """Line 4 of w.csv (the third wage row) gets quarter 5: the form names it; no run, no cell."""
    client.force_login(world["staff"])
    response = upload(client, wages=wages_csv(bad_line=4))
    html = response.content.decode()
    assert response.status_code == 200
    assert "w.csv, line 4, column 3 (quarter): bad quarter &#x27;5&#x27; (1 to 4)" in html
    assert not OutcomeRun.objects.exists()
    bad_people = participants_csv().replace(b"2023-09-15", b"2023-09-31", 1)
    html = upload(client, people=bad_people).content.decode()
    assert "p.csv, line 14, column 5 (exit_date): bad date &#x27;2023-09-31&#x27;" in html
    assert RAW not in html  # errors name lines and columns, never the ids
    assert not OutcomeRun.objects.exists()


def test_the_window_and_quarter_are_checked_on_the_form(world, client, key):
    """Both a program year and dates, or neither, are refused; so is a quarter written 2024-4."""
    client.force_login(world["staff"])
    html = upload(client, exits_from="2023-07-01", exits_to="2024-06-30").content.decode()
    assert "Give a program year or exit dates, not both." in html
    html = upload(client, program_year="", wages_through="2024-4").content.decode()
    assert "Give a program year, or both the first and the last exit date." in html
    assert "Write the quarter as 2025Q1." in html
    assert not OutcomeRun.objects.exists()


def test_without_the_id_key_the_page_says_so_and_nothing_is_loaded(world, client, settings):
    """No SECTORHUB_ID_KEY: a warning on the page and the reason on the form, not a server error."""
    settings.SECTORHUB_ID_KEY = ""
    client.force_login(world["staff"])
    assert (
        "SECTORHUB_ID_KEY, the state's secret"
        in client.get(reverse("performance:outcome_upload")).content.decode()
    )
    response = upload(client)
    assert response.status_code == 200
    assert "SECTORHUB_ID_KEY is not set" in response.content.decode()
    assert not OutcomeRun.objects.exists()


def test_a_file_above_the_limit_is_refused_with_the_limit_named(world, client, key, monkeypatch):
    """With the limit lowered to 300 bytes the 876-byte participants file is dropped as it arrives."""
    monkeypatch.setattr(services, "MAX_RECORDS_BYTES", 300)
    client.force_login(world["staff"])
    assert len(participants_csv()) == 876
    response = upload(client, wages=b"participant_id,year,quarter,employer_id,wages\nX,2024,1,E1,1\n")
    html = response.content.decode()
    assert "Participants (CSV)</a>: The file is larger than 300 bytes" in html
    assert "UI wage records (CSV)</a>:" not in html  # the small wage file was fine
    assert not OutcomeRun.objects.exists()


def test_conveners_reviewers_and_anonymous_visitors_cannot_load_records(world, client, key):
    """The map allows state staff and analysts only; the others get 403, anonymous the sign-in page."""
    assert upload(client).status_code == 302
    assert upload(client)["Location"].startswith("/login/")
    for who in ("convener", "reviewer"):
        client.force_login(world[who])
        assert client.get(reverse("performance:outcome_upload")).status_code == 403
        assert upload(client).status_code == 403
    assert not OutcomeRun.objects.exists()
    with pytest.raises(PermissionDenied):
        services.load_outcomes(user=world["convener"], participants=participants_csv(), wages=wages_csv(),
                               exits_from=None, exits_to=None)  # fmt: skip


def test_the_upload_checks_the_csrf_token(world, key):
    """csrf_exempt only moves the check after the memory-only handler is set: a POST without a token is 403."""
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world["staff"])
    assert upload(strict).status_code == 403
    assert not OutcomeRun.objects.exists()


def test_staff_publish_and_withdraw_a_run_and_the_public_scorecard_follows(world, client, key):
    """Published: the public scorecard shows employment_q2 0.667 for all and the youth cell without its
    denominator 3; withdrawn: nothing. Analysts may load but not publish."""
    client.force_login(world["staff"])
    upload(client)
    run = OutcomeRun.objects.get()
    url = reverse("performance:outcome_publish", args=[run.pk])
    client.force_login(world["analyst"])
    assert client.post(url, {"publish": "1"}).status_code == 403
    client.force_login(world["staff"])
    client.post(url, {"publish": "1"})
    run.refresh_from_db()
    assert run.is_published
    client.logout()
    html = client.get(reverse("performance:public_scorecard")).content.decode()
    youth = next(line for line in html.split("<tr>") if "<td>employment_q2</td><td>youth</td>" in line)
    assert "<td>—</td><td>suppressed</td>" in youth
    assert "0.667" in html and RAW not in html
    client.force_login(world["staff"])
    client.post(url, {"publish": "0"})
    client.logout()
    assert (
        "Employment outcomes of program exiters"
        not in client.get(reverse("performance:public_scorecard")).content.decode()
    )
    reasons = list(run.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert reasons == ["records loaded", "published", "withdrawn"]
