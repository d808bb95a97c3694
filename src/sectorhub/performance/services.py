"""Writes: load a catalogue, save/submit/review/publish quarterly reports, load records into outcomes.

Every service takes keyword-only arguments, runs in one transaction, checks permission (PermissionDenied) and
records who changed what in the models' history.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from sectorhub.core.history import record
from sectorhub.performance.catalogue import DEFAULT, CatalogueSpec, read_catalogue
from sectorhub.performance.models import (
    Catalogue,
    Indicator,
    OutcomeCell,
    OutcomeRun,
    Report,
    ReportStatus,
    ReportValue,
    Source,
    Story,
    Target,
    validate_quarter,
)
from sectorhub.performance.permissions import can_load_records, can_report_for, can_review

MAX_UPLOAD_BYTES = 1 << 20  # a quarterly report is a few lines
# A records file uploaded through the web is held in memory only (never in a temporary file), so it is kept small:
# about 500,000 wage rows. State-size files go through `sectorhub performance outcomes` or a warehouse backend.
MAX_RECORDS_BYTES = 25 << 20


@transaction.atomic
def load_catalogue(*, spec: CatalogueSpec, user=None) -> Catalogue:
    """Store a catalogue version (idempotent: a version already loaded is returned unchanged)."""
    existing = Catalogue.objects.filter(version=spec.version).first()
    if existing:
        return existing
    catalogue = Catalogue(name=spec.name, version=spec.version)
    record(catalogue, user=user, reason="catalogue loaded")
    catalogue.save()
    for order, item in enumerate(spec.indicators):
        indicator = Indicator.objects.create(
            catalogue=catalogue,
            key=item.key,
            name=item.name,
            category=item.category,
            unit=item.unit,
            direction=item.direction,
            source=item.source,
            outcome=item.outcome,
            order=order,
            description=item.description,
        )
        for period in sorted(set(item.targets) | set(item.negotiated)):
            Target.objects.create(
                indicator=indicator,
                period=period,
                value=item.targets.get(period, item.negotiated.get(period)),
                negotiated=item.negotiated.get(period),
            )
    return catalogue


def ensure_default_catalogue() -> Catalogue:
    """The current catalogue, loading the shipped default the first time."""
    return Catalogue.objects.first() or load_catalogue(spec=read_catalogue(DEFAULT))


def _report_values(catalogue: Catalogue, values: dict[str, Decimal]) -> list[tuple[Indicator, Decimal]]:
    indicators = {i.key: i for i in catalogue.indicators.filter(source=Source.REPORTED)}
    unknown = sorted(set(values) - set(indicators))
    if unknown:
        raise ValidationError(f"unknown indicator(s): {', '.join(unknown)}")
    return [(indicators[k], v) for k, v in values.items()]


@transaction.atomic
def save_report(
    *, user, partnership, quarter: str, values: dict[str, Decimal], narrative: str = ""
) -> Report:
    """Create or update a partnership's draft (or returned) report for a quarter with the given values."""
    if not can_report_for(user, partnership):
        raise PermissionDenied("you may not report for this partnership")
    validate_quarter(quarter)
    catalogue = ensure_default_catalogue()
    report = Report.objects.select_for_update().filter(partnership=partnership, quarter=quarter).first()
    if report is None:
        report = Report(partnership=partnership, quarter=quarter, catalogue=catalogue)
    elif report.status in (ReportStatus.SUBMITTED, ReportStatus.APPROVED):
        raise ValidationError(
            f"the {quarter} report is {report.get_status_display().lower()}; it cannot change"
        )
    pairs = _report_values(report.catalogue, values)
    report.narrative = narrative
    record(report, user=user, reason="report saved")
    report.save()
    for indicator, value in pairs:
        rv = ReportValue.objects.filter(report=report, indicator=indicator).first() or ReportValue(
            report=report, indicator=indicator
        )
        if rv.pk is None or rv.value != value:
            rv.value = value
            record(rv, user=user, reason="value reported")
            rv.save()
    return report


def parse_report_csv(data: bytes, *, name: str) -> dict[str, Decimal]:
    """A report file: header ``indicator,value``, one line per indicator; a bad line is refused by number."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(f"{name}: the file is larger than {MAX_UPLOAD_BYTES // 1024} KB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{name}: not a UTF-8 CSV file") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [c.strip().lower() for c in rows[0]] != ["indicator", "value"]:
        raise ValidationError(f"{name}, line 1: the header must be indicator,value")
    values: dict[str, Decimal] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != 2:
            raise ValidationError(f"{name}, line {line}: expected 2 columns, found {len(row)}")
        key, raw = row[0].strip(), row[1].strip().replace(",", "")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise ValidationError(f"{name}, line {line}, column 2 (value): {raw!r} is not a number") from None
        if not value.is_finite() or value < 0:
            raise ValidationError(f"{name}, line {line}, column 2 (value): {raw!r} must be 0 or more")
        if key in values:
            raise ValidationError(f"{name}, line {line}, column 1 (indicator): {key!r} appears twice")
        values[key] = value
    if not values:
        raise ValidationError(f"{name}: the file has no values")
    return values


@transaction.atomic
def upload_report(*, user, partnership, quarter: str, data: bytes, name: str) -> Report:
    """Save a report from a CSV file; a bad line refuses the whole file and nothing of it is kept."""
    values = parse_report_csv(data, name=name)
    catalogue = ensure_default_catalogue()
    keys = set(catalogue.indicators.filter(source=Source.REPORTED).values_list("key", flat=True))
    for line, key in enumerate(values, start=2):
        if key not in keys:
            raise ValidationError(f"{name}, line {line}, column 1 (indicator): unknown indicator {key!r}")
    return save_report(user=user, partnership=partnership, quarter=quarter, values=values)


@transaction.atomic
def submit_report(*, user, report: Report) -> Report:
    """Send a draft or returned report to state staff."""
    if not can_report_for(user, report.partnership):
        raise PermissionDenied("you may not report for this partnership")
    if report.status not in (ReportStatus.DRAFT, ReportStatus.RETURNED):
        raise ValidationError("only a draft or returned report can be submitted")
    if not report.values.exists():
        raise ValidationError("a report needs at least one value")
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = timezone.now()
    report.submitted_by = user
    record(report, user=user, reason="report submitted")
    report.save()
    return report


@transaction.atomic
def review_report(*, user, report: Report, approve: bool, comment: str = "") -> Report:
    """State staff approve a submitted report, or return it with a comment saying what to fix."""
    if not can_review(user):
        raise PermissionDenied("only state staff review reports")
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError("only a submitted report can be reviewed")
    if not approve and not comment.strip():
        raise ValidationError("say what to change when returning a report")
    report.status = ReportStatus.APPROVED if approve else ReportStatus.RETURNED
    report.review_comment = comment.strip()
    report.reviewed_at = timezone.now()
    report.reviewed_by = user
    record(report, user=user, reason="report approved" if approve else "report returned")
    report.save()
    return report


@transaction.atomic
def publish_report(*, user, report: Report, published: bool = True) -> Report:
    """Show an approved report on the public scorecard (after small-cell suppression), or withdraw it."""
    if not can_review(user):
        raise PermissionDenied("only state staff publish reports")
    if published and report.status != ReportStatus.APPROVED:
        raise ValidationError("only an approved report can be published")
    report.is_published = published
    record(report, user=user, reason="published" if published else "withdrawn")
    report.save()
    return report


def id_key() -> bytes:
    """The state's secret for hashing participant ids (SECTORHUB_ID_KEY); required, no default."""
    key = getattr(settings, "SECTORHUB_ID_KEY", "") or ""
    if len(key) < 16:
        raise ImproperlyConfigured(
            "SECTORHUB_ID_KEY is not set (or shorter than 16 characters): set it to the state's secret for "
            "hashing participant ids before loading records"
        )
    return key.encode()


def hash_ids(column, key: bytes):
    """HMAC-SHA-256 of every id in an Arrow string column, as hex (the raw ids go no further)."""
    import pyarrow as pa

    return pa.array(
        [hmac.new(key, v.encode(), hashlib.sha256).hexdigest() for v in column.to_pylist()], pa.string()
    )


def id_key_configured() -> bool:
    """Whether SECTORHUB_ID_KEY is set well enough to load records (pages say so before a file is chosen)."""
    try:
        id_key()
    except ImproperlyConfigured:
        return False
    return True


@transaction.atomic
def load_outcomes(
    *,
    user,
    participants: str | Path | bytes,
    wages: str | Path | bytes,
    exits_from: dt.date,
    exits_to: dt.date,
    wages_through: str | None = None,
    min_cell: int = 10,
    label: str = "",
    participants_name: str | None = None,
    wages_name: str | None = None,
) -> OutcomeRun:
    """Read the records, hash the ids (SECTORHUB_ID_KEY), compute the outcomes on DuckDB and store only the cells.

    ``participants`` and ``wages`` are paths (the CLI) or the files' bytes held in memory (the web upload, with
    their names for error messages); the raw ids go no further than the hashing, and nothing of the files is kept
    but their SHA-256 and row counts. Bad input raises the engine's RecordsError or OutcomesError.
    """
    if user is not None and not can_load_records(user):
        raise PermissionDenied("only state staff and analysts load records")
    from sectorhub.lmi import api

    key = id_key()
    people = api.read_participants(participants, name=participants_name)
    pay = api.read_wages(wages, name=wages_name)
    people = people.set_column(0, "participant_id", hash_ids(people["participant_id"], key))
    pay = pay.set_column(0, "participant_id", hash_ids(pay["participant_id"], key))
    con = api.connect_backend("duckdb")
    through = wages_through
    cells = api.compute_outcomes(
        api.put_table(con, "participants", people),
        api.put_table(con, "wages", pay),
        exits_from=exits_from,
        exits_to=exits_to,
        wages_through=through,
        min_cell=min_cell,
    )
    if through is None:
        top = max(zip(pay["year"].to_pylist(), pay["quarter"].to_pylist(), strict=True))
        through = f"{top[0]}Q{top[1]}"
    run = OutcomeRun(
        label=label or f"Exits {exits_from} to {exits_to}",
        exits_from=exits_from,
        exits_to=exits_to,
        wages_through=through,
        min_cell=min_cell,
        participants_rows=people.num_rows,
        wage_rows=pay.num_rows,
        participants_sha256=_sha256(participants),
        wages_sha256=_sha256(wages),
        created_by=user,
    )
    record(run, user=user, reason="records loaded")
    run.save()
    bulk_create_with_history(
        [OutcomeCell(run=run, **c.as_dict()) for c in cells], OutcomeCell, default_user=user
    )
    return run


def _sha256(source: str | Path | bytes) -> str:
    if isinstance(source, bytes):
        return hashlib.sha256(source).hexdigest()
    h = hashlib.sha256()
    with open(source, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@transaction.atomic
def publish_outcomes(*, user, run: OutcomeRun, published: bool = True) -> OutcomeRun:
    """Show an outcome run (already suppressed) on the public scorecard."""
    if not can_review(user):
        raise PermissionDenied("only state staff publish outcomes")
    run.is_published = published
    record(run, user=user, reason="published" if published else "withdrawn")
    run.save()
    return run


STORY_FIELDS = ("year", "title", "body", "partnership", "attribution", "consent", "is_public")


def _check_story(story: Story) -> None:
    if story.is_public and not story.consent:
        raise ValidationError(
            {"is_public": "A story is public only with the consent of the people and employers it names."}
        )
    if not 2000 <= story.year <= 2100:
        raise ValidationError({"year": "The year must be between 2000 and 2100."})


@transaction.atomic
def add_story(
    *,
    user,
    year: int,
    title: str,
    body: str,
    partnership=None,
    attribution: str = "",
    consent: bool = False,
    is_public: bool = False,
) -> Story:
    """A story for the annual report (public only with consent)."""
    if not can_review(user):
        raise PermissionDenied("only state staff add stories")
    story = Story(
        year=year,
        title=title,
        body=body,
        partnership=partnership,
        attribution=attribution,
        consent=consent,
        is_public=is_public,
    )
    _check_story(story)
    record(story, user=user, reason="story added")
    story.save()
    return story


@transaction.atomic
def update_story(*, user, story: Story, **changes) -> Story:
    """Change a story's fields (those of STORY_FIELDS); a deleted story cannot change."""
    if not can_review(user):
        raise PermissionDenied("only state staff change stories")
    if story.is_deleted:
        raise ValidationError("this story was deleted")
    unknown = set(changes) - set(STORY_FIELDS)
    if unknown:
        raise ValueError(f"not story fields: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(story, name, value)
    _check_story(story)
    record(story, user=user, reason="story changed")
    story.save()
    return story


@transaction.atomic
def delete_story(*, user, story: Story) -> Story:
    """Delete a story (soft: it leaves every report, its history stays)."""
    if not can_review(user):
        raise PermissionDenied("only state staff delete stories")
    story.is_deleted = True
    story.is_public = False
    record(story, user=user, reason="story deleted")
    story.save()
    return story
