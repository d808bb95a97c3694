"""Audit history helpers: turn django-simple-history records into rows a detail page can show.

Every domain model carries `history = HistoricalRecords()`; services set `_history_user` and `_change_reason`
so that each row says who changed what and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as date_format

_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}
_SKIP = {"id", "history_id", "history_date", "history_change_reason", "history_type", "history_user"}
# One human format for every time in a history table, in the site's time zone (TIME_ZONE): "2026-12-01 15:15 EST".
WHEN_FORMAT = "Y-m-d H:i T"


def when_text(value: dt.datetime) -> str:
    """A moment as the history table shows it: local time, to the minute, with the zone."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, WHEN_FORMAT)


def form_labels(form_class) -> dict[str, str]:
    """Field name → the label its form shows (Django's own default label where the form sets none)."""
    from django.forms.utils import pretty_name

    return {name: str(f.label or pretty_name(name)) for name, f in form_class.base_fields.items()}


@dataclass
class Change:
    """One field that changed: its label and the old and new values as text."""

    label: str
    old: str
    new: str


@dataclass
class HistoryRow:
    """One saved version of an object: when, who, what kind of change, why, and the fields that changed."""

    when: object
    who: str
    action: str
    reason: str
    changes: list[Change] = field(default_factory=list)


def _tracked_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields a historical model records for its object (not the history bookkeeping columns)."""
    return [
        f for f in model._meta.concrete_fields if f.name not in _SKIP and not f.name.startswith("history_")
    ]


def history_rows(
    instance: models.Model, limit: int = 25, labels: dict[str, str] | None = None
) -> list[HistoryRow]:
    """The latest `limit` versions of `instance`, newest first, each with the fields it changed.

    ``labels`` names fields as the edit form does (see :func:`form_labels`); other fields use their verbose
    name. Foreign keys and many-to-many fields are shown by name with one query per such field, however many
    versions there are.
    """
    labels = labels or {}
    history_model = instance.history.model
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    fields = _tracked_fields(history_model)
    fk_names = _foreign_key_labels(fields, records)
    m2m_fields = list(getattr(history_model, "_history_m2m_fields", []))
    m2m_values = {f.name: _m2m_values(history_model, f, records) for f in m2m_fields}
    rows = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        for f in fields:
            new = getattr(record, f.attname)
            old = getattr(previous, f.attname) if previous is not None else None
            if previous is not None and new == old:
                continue
            if previous is None and record.history_type == "+" and new in (None, ""):
                continue
            changes.append(Change(_label(f, labels), _text(f, old, fk_names), _text(f, new, fk_names)))
        for f in m2m_fields:
            new_set = m2m_values[f.name].get(record.history_id, set())
            old_set = m2m_values[f.name].get(previous.history_id, set()) if previous is not None else set()
            if new_set != old_set:
                changes.append(Change(_label(f, labels), _names(old_set), _names(new_set)))
        user = record.history_user
        rows.append(
            HistoryRow(
                when=when_text(record.history_date),
                who=(user.get_full_name() or user.username) if user else "system",
                action=_TYPES.get(record.history_type, record.history_type),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return rows


def _m2m_values(history_model, f, records) -> dict[int, set[str]]:
    """history_id → the related objects (as text) a many-to-many field held in that version, in one query."""
    target = f.m2m_reverse_field_name()
    through = next(
        rel.related_model
        for rel in history_model._meta.related_objects
        if {"m2m_history_id", target} <= {x.name for x in rel.related_model._meta.get_fields()}
    )
    values: dict[int, set[str]] = {}
    rows = through.objects.filter(history__in=[r.history_id for r in records]).select_related(target)
    for row in rows:
        values.setdefault(row.history_id, set()).add(str(getattr(row, target)))
    return values


def _names(values: set[str], shown: int = 8) -> str:
    """A short, sorted list of names: the first few and how many more."""
    if not values:
        return "—"
    ordered = sorted(values)
    more = len(ordered) - shown
    return ", ".join(ordered[:shown]) + (f" and {more} more" if more > 0 else "")


def _foreign_key_labels(fields, records) -> dict[tuple[str, object], str]:
    """Map (field name, pk) to the related object's text, one query per foreign-key field."""
    labels: dict[tuple[str, object], str] = {}
    for f in fields:
        if not f.is_relation:
            continue
        ids = {getattr(r, f.attname) for r in records} - {None}
        if ids:
            for pk, obj in f.related_model._default_manager.in_bulk(ids).items():
                labels[(f.name, pk)] = str(obj)
    return labels


def _label(f, labels: dict[str, str]) -> str:
    """The field's name as the form shows it, else its verbose name with a capital."""
    if f.name in labels:
        return labels[f.name]
    text = str(f.verbose_name)
    return text[:1].upper() + text[1:]


def _text(f: models.Field, value, fk_names) -> str:
    """A value as a person reads it: choice labels, related names, local times, blank for empty."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.datetime):
        return when_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if f.is_relation:
        return fk_names.get((f.name, value), f"#{value}")
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def record(instance: models.Model, *, user, reason: str) -> None:
    """Attach who and why to the next save of `instance`, so its history row carries them."""
    instance._history_user = user if (user is not None and user.is_authenticated) else None
    instance._change_reason = reason
