"""Writes for self-assessments. Each service takes keyword-only arguments, runs in one transaction, checks the
user's permission first and records who made the change and why in the model's history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from sectorhub.assessments import models
from sectorhub.assessments.evidence import evidence_keys
from sectorhub.assessments.instruments import InstrumentError, parse_instrument, write_version
from sectorhub.assessments.models import (
    ActionPlanItem,
    Answer,
    Capability,
    Cycle,
    CycleStatus,
    Instrument,
    InstrumentLevel,
    InstrumentVersion,
    Item,
    Response,
)
from sectorhub.assessments.permissions import can_answer, is_state
from sectorhub.core.history import record

MODELS = {
    "Instrument": models.Instrument,
    "InstrumentVersion": models.InstrumentVersion,
    "Capability": models.Capability,
    "Item": models.Item,
}


def _check_state(user, what: str) -> None:
    """Raise PermissionDenied unless `user` is state staff."""
    if not is_state(user):
        raise PermissionDenied(f"Only state staff {what}.")


@transaction.atomic
def import_instrument(*, user, text: str, note: str = "", slug: str = "") -> InstrumentVersion:
    """Store an instrument file (YAML or JSON) as a new version; unchanged content adds no version.

    With `slug`, the file must be a version of that instrument (the edit page), so an edit cannot overwrite another.
    """
    if user is not None:
        _check_state(user, "import or edit instruments")
    try:
        spec = parse_instrument(text, evidence_keys=evidence_keys())
    except InstrumentError as exc:
        raise ValidationError({"text": str(exc)}) from exc
    if slug and spec.slug != slug:
        raise ValidationError({"text": f"slug: this is the {slug!r} instrument; keep its slug"})
    latest = latest_version(spec.slug)
    if latest is not None:
        from sectorhub.assessments.selectors import version_spec

        if version_spec(latest) == spec:
            return latest
    return write_version(spec, models=MODELS, user=user, note=note)


def latest_version(slug: str) -> InstrumentVersion | None:
    """The newest version of the instrument `slug`, or None."""
    return InstrumentVersion.objects.filter(instrument__slug=slug).order_by("-number").first()


@transaction.atomic
def create_cycle(
    *,
    user,
    name: str,
    version: InstrumentVersion,
    opens_on: dt.date,
    closes_on: dt.date | None = None,
    region=None,
    is_demo: bool = False,
) -> Cycle:
    """Open a cycle on one instrument version (the version is pinned for good)."""
    _check_state(user, "open assessment cycles")
    cycle = Cycle(
        name=name,
        version=version,
        opens_on=opens_on,
        closes_on=closes_on,
        region=region,
        is_demo=is_demo,
        created_by=user if user.is_authenticated else None,
    )
    cycle.full_clean()
    if closes_on and closes_on < opens_on:
        raise ValidationError({"closes_on": "The cycle cannot close before it opens."})
    # A regional instrument assesses one region; the state instrument assesses the state as a whole.
    if version.instrument.level == InstrumentLevel.REGIONAL and region is None:
        raise ValidationError({"region": "Choose the region a regional assessment is for."})
    if version.instrument.level == InstrumentLevel.STATE and region is not None:
        raise ValidationError(
            {"region": "The state instrument assesses the whole state; leave the region empty."}
        )
    record(cycle, user=user, reason="Cycle opened")
    cycle.save()
    return cycle


@transaction.atomic
def add_respondents(*, user, cycle: Cycle, respondents: Iterable) -> list[Response]:
    """Invite respondents (one response each, named after their agency or board); existing ones are kept."""
    _check_state(user, "choose respondents")
    if not cycle.is_open:
        raise ValidationError("The cycle is closed.")
    added = []
    existing = set(cycle.responses.values_list("respondent_id", flat=True))
    for person in respondents:
        if person.pk in existing:
            continue
        response = Response(
            cycle=cycle,
            respondent=person,
            organization_name=person.organization_name or person.get_full_name() or person.username,
        )
        record(response, user=user, reason="Respondent invited")
        response.save()
        added.append(response)
    return added


@dataclass(frozen=True)
class AnswerIn:
    """One answer as a form or the API gives it."""

    item_id: int
    level: str
    importance: int = 2
    evidence: str = ""


@transaction.atomic
def save_response(*, user, cycle: Cycle, answers: Iterable[AnswerIn], submit: bool = False) -> Response:
    """Save the respondent's answers; with `submit`, every item must be answered.

    A level marked `requires_evidence` on the scale (default: established) needs an evidence note. Submitted
    answers may still be changed while the cycle is open.
    """
    if not can_answer(user, cycle):
        raise PermissionDenied("Only the cycle's respondents answer, and only while it is open.")
    response = cycle.responses.get(respondent=user)
    scale = cycle.version.rating_scale
    items = {i.pk: i for i in Item.objects.filter(capability__version=cycle.version)}
    errors: dict[str, list[str]] = {}
    rows = {}
    for a in answers:
        item = items.get(a.item_id)
        if item is None:
            raise ValidationError(f"Item {a.item_id} is not in this cycle's instrument.")
        if not a.level:
            continue
        level = scale.level(a.level)
        if level is None and a.level != scale.dont_know_key:
            errors.setdefault(f"level_{item.pk}", []).append(f"Unknown level {a.level!r}.")
            continue
        if a.importance not in models.Importance.values:
            errors.setdefault(f"importance_{item.pk}", []).append("Choose low, medium or high.")
            continue
        if level is not None and level.requires_evidence and not a.evidence.strip():
            errors.setdefault(f"evidence_{item.pk}", []).append(
                f"Say what shows the item is “{level.label}” (evidence is required at this level)."
            )
            continue
        rows[item.pk] = a
    if submit:
        saved = set(response.answers.values_list("item_id", flat=True))
        missing = [
            pk
            for pk in items
            if pk not in rows and pk not in saved and not any(k.endswith(f"_{pk}") for k in errors)
        ]
        for pk in missing:
            errors.setdefault(f"level_{pk}", []).append(
                "Answer every item before submitting (or choose don't know)."
            )
    if errors:
        raise ValidationError(errors)
    current = {a.item_id: a for a in response.answers.all()}
    for pk, a in rows.items():
        answer = current.get(pk) or Answer(response=response, item=items[pk])
        if answer.pk and (answer.level, answer.importance, answer.evidence) == (
            a.level,
            a.importance,
            a.evidence,
        ):
            continue
        answer.level, answer.importance, answer.evidence = a.level, a.importance, a.evidence.strip()
        record(answer, user=user, reason="Answered")
        answer.save()
    if submit:
        response.submitted_at = timezone.now()
        record(response, user=user, reason="Submitted")
        response.save()
    return response


@transaction.atomic
def close_cycle(*, user, cycle: Cycle) -> Cycle:
    """Close a cycle: no more answers, and every signed-in user may now see the results."""
    _check_state(user, "close cycles")
    if not cycle.is_open:
        return cycle
    cycle.status = CycleStatus.CLOSED
    cycle.closed_at = timezone.now()
    record(cycle, user=user, reason="Cycle closed")
    cycle.save()
    return cycle


ACTION_FIELDS = {"capability", "item", "title", "owner", "due_on", "status", "notes"}


@transaction.atomic
def add_action(
    *, user, cycle: Cycle, capability: Capability, item: Item | None = None, **fields
) -> ActionPlanItem:
    """Add an action plan item for a capability (and optionally one of its items)."""
    _check_state(user, "write the action plan")
    _check_action_links(cycle, capability, item)
    action = ActionPlanItem(cycle=cycle, capability=capability, item=item, **fields)
    action.full_clean()
    record(action, user=user, reason="Action planned")
    action.save()
    return action


@transaction.atomic
def update_action(*, user, action: ActionPlanItem, **fields) -> ActionPlanItem:
    """Change an action plan item (its status, owner, date ...)."""
    _check_state(user, "change the action plan")
    unknown = set(fields) - ACTION_FIELDS
    if unknown:
        raise ValueError(f"unknown action fields: {sorted(unknown)}")
    for key, value in fields.items():
        setattr(action, key, value)
    _check_action_links(action.cycle, action.capability, action.item)
    action.full_clean()
    record(action, user=user, reason="Action updated")
    action.save()
    return action


def _check_action_links(cycle: Cycle, capability: Capability, item: Item | None) -> None:
    """The capability must belong to the cycle's version, and the item to the capability."""
    if capability.version_id != cycle.version_id:
        raise ValidationError({"capability": "That capability is not in this cycle's instrument."})
    if item is not None and item.capability_id != capability.pk:
        raise ValidationError({"item": "That item belongs to another capability."})


def ensure_default_instruments() -> list[InstrumentVersion]:
    """The shipped instruments, stored once (the data migration does this; the demo calls it to be sure)."""
    from sectorhub.assessments.instruments import DEFAULTS

    versions = []
    for path in DEFAULTS:
        spec = parse_instrument(path.read_text(encoding="utf-8"))
        if not Instrument.objects.filter(slug=spec.slug).exists():
            write_version(spec, models=MODELS, note="Shipped with SectorHub")
        versions.append(latest_version(spec.slug))
    return versions
