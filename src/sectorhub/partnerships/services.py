"""Writes for the registry. Each service takes keyword-only arguments, runs in one transaction, checks the
user's permission first and records who made the change and why in the model's history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from sectorhub.core.history import record
from sectorhub.core.permissions import role_of
from sectorhub.core.roles import STATE, Role
from sectorhub.partnerships.models import (
    ActionItem,
    Industry,
    Meeting,
    Membership,
    Organization,
    Partnership,
    Phase,
    PhaseChange,
    Priority,
    QualityCriterion,
    QualityRating,
)
from sectorhub.partnerships.permissions import (
    can_change_partnership,
    can_create_partnership,
    can_edit_organizations,
)
from sectorhub.regions.models import Region

PARTNERSHIP_FIELDS = {"name", "region", "convener", "launch_date", "description", "is_public"}


def _check_change(user, partnership: Partnership) -> None:
    """Raise PermissionDenied unless `user` may change `partnership`."""
    if not can_change_partnership(user, partnership):
        raise PermissionDenied("You may change only partnerships assigned to you.")


# BLS's QCEW industry titles carry "NAICS 99 Unclassified" (99 ... 999999) for establishments whose industry is
# not known: a placeholder, not an industry a partnership can be organised around.
UNCLASSIFIED_PREFIX = "99"
# No sector partnership, phase change or meeting in SectorHub predates NAICS itself (1997); anything earlier is a
# typing slip (1900-01-01 is a date picker's default in some browsers).
EARLIEST_PLAUSIBLE_DATE = dt.date(1997, 1, 1)


def industries_for_codes(codes: Iterable[str]) -> list[Industry]:
    """The Industry rows for NAICS codes, in the order given, or a ValidationError naming each code that is
    unknown to BLS's industry titles or is BLS's "Unclassified" placeholder."""
    codes = list(dict.fromkeys(c.strip() for c in codes if c.strip()))
    found = Industry.objects.in_bulk(codes)
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise ValidationError({"industries": f"Unknown NAICS code: {', '.join(unknown)}."})
    placeholders = [c for c in codes if c.startswith(UNCLASSIFIED_PREFIX)]
    if placeholders:
        raise ValidationError(
            {
                "industries": f"{', '.join(placeholders)} is BLS's “Unclassified” placeholder, not an industry. "
                "Give the NAICS code of the industry the partnership serves."
            }
        )
    return [found[c] for c in codes]


def check_plausible_date(
    field: str, value: dt.date | None, *, not_before: dt.date | None = None, what=""
) -> None:
    """Refuse a date before 1997 (NAICS) or before `not_before`, and a date in the future."""
    if value is None:
        return
    if value < EARLIEST_PLAUSIBLE_DATE:
        raise ValidationError(
            {field: f"{value:%Y-%m-%d} is before 1997, earlier than any NAICS sector partnership."}
        )
    if not_before is not None and value < not_before:
        raise ValidationError({field: f"{value:%Y-%m-%d} is before {what} ({not_before:%Y-%m-%d})."})
    if value > dt.date.today():
        raise ValidationError({field: "The date cannot be in the future."})


@transaction.atomic
def create_partnership(
    *,
    user,
    name: str,
    region: Region,
    industries: Iterable[Industry],
    convener: Organization,
    phase: Phase,
    launch_date: dt.date | None = None,
    description: str = "",
    is_public: bool = True,
    is_demo: bool = False,
    phase_date: dt.date | None = None,
) -> Partnership:
    """Register a partnership and its first phase; a convener creating it is assigned to it."""
    if not can_create_partnership(user, region):
        raise PermissionDenied("You may create partnerships only in regions assigned to you.")
    industries = list(industries)
    if not industries:
        raise ValidationError({"industries": "Give at least one NAICS code."})
    partnership = Partnership(
        name=name,
        region=region,
        convener=convener,
        phase=phase,
        launch_date=launch_date,
        description=description,
        is_public=is_public,
        is_demo=is_demo,
    )
    partnership.full_clean()
    record(partnership, user=user, reason="Partnership registered")
    partnership.save()
    partnership.industries.set(industries)
    change = PhaseChange(
        partnership=partnership,
        phase=phase,
        changed_on=phase_date or launch_date or dt.date.today(),
        note="Registered",
        recorded_by=_user_or_none(user),
    )
    record(change, user=user, reason="Registered")
    change.save()
    if role_of(user) == Role.CONVENER:
        partnership.conveners.add(user)
    return partnership


@transaction.atomic
def update_partnership(
    *, user, partnership: Partnership, industries: Iterable[Industry] | None = None, **fields
) -> Partnership:
    """Change a partnership's fields and industries; moving it needs permission in the new region too."""
    _check_change(user, partnership)
    unknown = set(fields) - PARTNERSHIP_FIELDS
    if unknown:
        raise ValueError(f"unknown partnership fields: {sorted(unknown)}")
    new_region = fields.get("region")
    if (
        new_region is not None
        and new_region != partnership.region
        and not can_create_partnership(user, new_region)
    ):
        raise PermissionDenied("You may move partnerships only into regions assigned to you.")
    changed = [key for key, value in fields.items() if getattr(partnership, key) != value]
    for key in changed:
        setattr(partnership, key, fields[key])
    if industries is not None:
        industries = list(industries)
        if not industries:
            raise ValidationError({"industries": "Give at least one NAICS code."})
        if {i.pk for i in industries} == set(partnership.industries.values_list("pk", flat=True)):
            industries = None  # the same codes: nothing to record
    if not changed and industries is None:
        return partnership  # a save that changes nothing leaves no history entry
    check_plausible_date("launch_date", partnership.launch_date)
    partnership.full_clean()
    record(partnership, user=user, reason="Partnership edited")
    partnership.save()
    if industries is not None:
        partnership.industries.set(industries)
    return partnership


@transaction.atomic
def change_phase(
    *, user, partnership: Partnership, phase: Phase, changed_on: dt.date, note: str = ""
) -> PhaseChange:
    """Move a partnership to a phase on a date, keeping the dated phase history."""
    _check_change(user, partnership)
    first = partnership.phase_changes.order_by("changed_on").values_list("changed_on", flat=True).first()
    check_plausible_date(
        "changed_on", changed_on, not_before=first, what="the partnership's first recorded phase"
    )
    change = PhaseChange(
        partnership=partnership,
        phase=phase,
        changed_on=changed_on,
        note=note,
        recorded_by=_user_or_none(user),
    )
    change.full_clean()
    record(change, user=user, reason=f"Phase: {phase.name}")
    change.save()
    latest = partnership.phase_changes.order_by("-changed_on", "-id").first()
    if latest is not None and latest.phase_id != partnership.phase_id:
        partnership.phase = latest.phase
        record(partnership, user=user, reason=f"Phase changed to {latest.phase.name}")
        partnership.save(update_fields=["phase", "updated_at"])
    return change


@transaction.atomic
def add_member(
    *, user, partnership: Partnership, organization: Organization, role: str, joined_on: dt.date | None = None
) -> Membership:
    """Add an organization to a partnership in a role."""
    _check_change(user, partnership)
    if partnership.memberships.filter(organization=organization).exists():
        raise ValidationError({"organization": f"{organization} is already a member."})
    membership = Membership(
        partnership=partnership, organization=organization, role=role, joined_on=joined_on
    )
    membership.full_clean()
    record(membership, user=user, reason="Member added")
    membership.save()
    return membership


@transaction.atomic
def rate_quality(
    *,
    user,
    partnership: Partnership,
    criterion: QualityCriterion,
    rating: int,
    evidence: str,
    rated_on: dt.date,
) -> QualityRating:
    """Record a dated rating against one quality criterion, with evidence; earlier ratings are kept."""
    _check_change(user, partnership)
    if not evidence.strip():
        raise ValidationError({"evidence": "Say what the rating rests on."})
    row = QualityRating(
        partnership=partnership,
        criterion=criterion,
        rating=rating,
        evidence=evidence,
        rated_on=rated_on,
        rated_by=_user_or_none(user),
    )
    row.full_clean()
    record(row, user=user, reason="Quality rated")
    row.save()
    return row


@transaction.atomic
def log_meeting(*, user, partnership: Partnership, **fields) -> Meeting:
    """Add an entry to the meetings and engagements log."""
    _check_change(user, partnership)
    check_plausible_date("held_on", fields.get("held_on"))
    employers, attendees = fields.get("employers_present", 0), fields.get("attendees", 0)
    if employers > attendees:
        raise ValidationError(
            {
                "employers_present": f"{employers} employers present but {attendees} attendees: "
                "employers present are counted among the attendees."
            }
        )
    meeting = Meeting(partnership=partnership, **fields)
    meeting.full_clean()
    record(meeting, user=user, reason="Meeting logged")
    meeting.save()
    return meeting


@transaction.atomic
def add_action_item(*, user, partnership: Partnership, priority_title: str = "", **fields) -> ActionItem:
    """Add an action item, under a priority (created on first use) when one is named."""
    _check_change(user, partnership)
    priority = None
    if priority_title.strip():
        priority = partnership.priorities.filter(title__iexact=priority_title.strip()).first()
        if priority is None:
            priority = Priority(
                partnership=partnership, title=priority_title.strip(), order=partnership.priorities.count()
            )
            record(priority, user=user, reason="Priority added")
            priority.save()
    item = ActionItem(partnership=partnership, priority=priority, **fields)
    item.full_clean()
    record(item, user=user, reason="Action item added")
    item.save()
    return item


@transaction.atomic
def create_organization(
    *, user, name: str, kind: str, industry=None, county=None, website: str = "", is_demo=False
):
    """Add an organization (state staff and conveners)."""
    if not can_edit_organizations(user):
        raise PermissionDenied("Your role cannot add organizations.")
    org = Organization(
        name=name, kind=kind, industry=industry, county=county, website=website, is_demo=is_demo
    )
    org.full_clean()
    record(org, user=user, reason="Organization added")
    org.save()
    return org


def _user_or_none(user):
    """The user to store on a row, or None for anonymous or command-line work."""
    return user if user is not None and getattr(user, "is_authenticated", False) else None


@transaction.atomic
def load_industries(*, path=None) -> int:
    """Load NAICS codes and titles from BLS's QCEW industry titles (command-line use); returns the count.

    Only rows titled "NAICS ..." are NAICS codes; QCEW's own aggregates (10, 101, 1011 ...) are skipped.
    Sectors 31-33, 44-45 and 48-49 appear as their two-digit parts (31, 32, 33 ...), as BLS writes them.
    """
    import csv
    import re

    from sectorhub.paths import require_data

    titles_file = "reference/qcew_industry_titles.csv"
    path = path or require_data(titles_file) / titles_file
    titles = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            match = re.match(r"NAICS [\d-]+ (.+)", row["industry_title"].strip())
            if match:
                titles[row["industry_code"].strip()] = match.group(1)
    existing = Industry.objects.in_bulk(list(titles))
    Industry.objects.bulk_create([Industry(code=c, title=t) for c, t in titles.items() if c not in existing])
    for code, industry in existing.items():
        if industry.title != titles[code]:
            Industry.objects.filter(pk=code).update(title=titles[code])
    return len(titles)


@transaction.atomic
def load_quality_definition(*, user, criteria: list[tuple[str, str, str]]) -> int:
    """Replace the active quality definition with `criteria` [(key, name, description)]; old ratings are kept.

    Criteria not in the new definition are deactivated rather than deleted, so past ratings keep their meaning.
    """
    if user is not None and role_of(user) not in STATE:
        raise PermissionDenied("Only state staff change the quality definition.")
    keys = [key for key, _name, _description in criteria]
    for criterion in QualityCriterion.objects.exclude(key__in=keys).filter(is_active=True):
        criterion.is_active = False
        record(criterion, user=user, reason="Left out of the state's definition")
        criterion.save()
    for order, (key, name, description) in enumerate(criteria, start=1):
        criterion = QualityCriterion.objects.filter(key=key).first() or QualityCriterion(key=key)
        criterion.name, criterion.description, criterion.order, criterion.is_active = (
            name,
            description,
            order,
            True,
        )
        record(criterion, user=user, reason="State quality definition loaded")
        criterion.save()
    return len(criteria)
