"""Instruments are data: a YAML or JSON file gives the capabilities, their items and the rating scale.

`parse_instrument(text)` checks a file and returns an `InstrumentSpec`; errors name the place in the file
(`capabilities[2].items[0]: needs a key`). `DEFAULTS` are the two files shipped with the app. `write_version` stores
a spec as a new instrument version with whatever model classes it is given, so the data migration (historical
models) and the import service (real models) share it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent / "instruments"
DEFAULTS = (HERE / "state.yaml", HERE / "regional.yaml")
LEVELS = ("state", "regional")
KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")


class InstrumentError(ValueError):
    """A file that is not a valid instrument; the message lists every problem."""


@dataclass(frozen=True)
class ScaleLevel:
    """One rating level; its score is its position (0 for the first)."""

    key: str
    label: str
    description: str = ""
    requires_evidence: bool = False


@dataclass(frozen=True)
class Scale:
    """The ordered rating levels, the "don't know" answer and the disagreement threshold (in levels)."""

    levels: tuple[ScaleLevel, ...]
    dont_know_key: str = "dont_know"
    dont_know_label: str = "Don't know"
    disagreement_range: int = 2

    @property
    def top(self) -> int:
        """The highest score (levels - 1)."""
        return len(self.levels) - 1

    def score(self, key: str) -> int | None:
        """The score of a level key; None for "don't know" or an unknown key."""
        for index, level in enumerate(self.levels):
            if level.key == key:
                return index
        return None

    def level(self, key: str) -> ScaleLevel | None:
        """The level with `key`, or None."""
        return next((lv for lv in self.levels if lv.key == key), None)

    def choices(self) -> list[tuple[str, str]]:
        """(key, label) for every level, then "don't know"."""
        return [(lv.key, lv.label) for lv in self.levels] + [(self.dont_know_key, self.dont_know_label)]

    def as_dict(self) -> dict:
        """The scale as stored on a version (JSON)."""
        return {
            "levels": [
                {
                    "key": lv.key,
                    "label": lv.label,
                    "description": lv.description,
                    "requires_evidence": lv.requires_evidence,
                }
                for lv in self.levels
            ],
            "dont_know": {"key": self.dont_know_key, "label": self.dont_know_label},
            "disagreement_range": self.disagreement_range,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Scale:
        """The scale stored on a version."""
        dont_know = data.get("dont_know") or {}
        return cls(
            levels=tuple(
                ScaleLevel(
                    key=lv["key"],
                    label=lv["label"],
                    description=lv.get("description", ""),
                    requires_evidence=bool(lv.get("requires_evidence", False)),
                )
                for lv in data["levels"]
            ),
            dont_know_key=dont_know.get("key", "dont_know"),
            dont_know_label=dont_know.get("label", "Don't know"),
            disagreement_range=int(data.get("disagreement_range", 2)),
        )


@dataclass(frozen=True)
class ItemSpec:
    """One statement respondents rate; `evidence` names a live figure from the registry (evidence.py)."""

    key: str
    text: str
    evidence: str = ""


@dataclass(frozen=True)
class CapabilitySpec:
    """One capability: what high performance looks like, and its items."""

    key: str
    name: str
    high_performance: str
    items: tuple[ItemSpec, ...]


@dataclass(frozen=True)
class InstrumentSpec:
    """A whole instrument as read from a file."""

    slug: str
    name: str
    level: str
    description: str
    scale: Scale
    capabilities: tuple[CapabilitySpec, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        """The instrument as plain data, ready for YAML or JSON (the inverse of `parse_instrument`)."""
        scale = self.scale.as_dict()
        for lv in scale["levels"]:
            if not lv["requires_evidence"]:
                del lv["requires_evidence"]
            if not lv["description"]:
                del lv["description"]
        return {
            "slug": self.slug,
            "name": self.name,
            "level": self.level,
            "description": self.description,
            "scale": scale,
            "capabilities": [
                {
                    "key": c.key,
                    "name": c.name,
                    "high_performance": c.high_performance,
                    "items": [
                        {"key": i.key, "text": i.text, **({"evidence": i.evidence} if i.evidence else {})}
                        for i in c.items
                    ],
                }
                for c in self.capabilities
            ],
        }

    def to_yaml(self) -> str:
        """The instrument as YAML text (what the edit page shows)."""
        return yaml.safe_dump(self.as_dict(), sort_keys=False, allow_unicode=True, width=110)


def parse_instrument(text: str, *, evidence_keys: set[str] | None = None) -> InstrumentSpec:
    """Read and check an instrument from YAML or JSON text; raise InstrumentError listing every problem."""
    try:
        data = json.loads(text) if text.lstrip().startswith("{") else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise InstrumentError(f"not valid YAML or JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise InstrumentError("the file must hold one instrument (a mapping with slug, name, capabilities)")
    errors: list[str] = []

    def text_of(where: str, obj: dict, name: str, required: bool = True) -> str:
        value = obj.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str | int | float):
            errors.append(f"{where}{name}: must be text")
            return ""
        value = str(value).strip()
        if required and not value:
            errors.append(f"{where}{name}: is required")
        return value

    def key_of(where: str, obj: dict, seen: set[str]) -> str:
        key = text_of(where, obj, "key")
        if key and not KEY.match(key):
            errors.append(f"{where}key: {key!r} must be lower-case letters, digits, - or _")
        if key in seen:
            errors.append(f"{where}key: {key!r} is used twice")
        seen.add(key)
        return key

    slug = text_of("", data, "slug")
    if slug and not KEY.match(slug):
        errors.append(f"slug: {slug!r} must be lower-case letters, digits, - or _")
    name = text_of("", data, "name")
    level = text_of("", data, "level")
    if level and level not in LEVELS:
        errors.append(f"level: must be one of {', '.join(LEVELS)}")
    scale = _parse_scale(data.get("scale"), errors)
    capabilities = []
    raw_caps = data.get("capabilities")
    if not isinstance(raw_caps, list) or not raw_caps:
        errors.append("capabilities: give at least one capability")
        raw_caps = []
    cap_keys: set[str] = set()
    item_keys: set[str] = set()
    for ci, cap in enumerate(raw_caps):
        where = f"capabilities[{ci}]."
        if not isinstance(cap, dict):
            errors.append(f"capabilities[{ci}]: must be a mapping")
            continue
        items = []
        raw_items = cap.get("items")
        if not isinstance(raw_items, list) or not raw_items:
            errors.append(f"{where}items: give at least one item")
            raw_items = []
        for ii, item in enumerate(raw_items):
            iwhere = f"{where}items[{ii}]."
            if not isinstance(item, dict):
                errors.append(f"{where}items[{ii}]: must be a mapping")
                continue
            evidence = text_of(iwhere, item, "evidence", required=False)
            if evidence and evidence_keys is not None and evidence not in evidence_keys:
                errors.append(
                    f"{iwhere}evidence: unknown source {evidence!r} (known: {', '.join(sorted(evidence_keys))})"
                )
            items.append(
                ItemSpec(
                    key=key_of(iwhere, item, item_keys), text=text_of(iwhere, item, "text"), evidence=evidence
                )
            )
        capabilities.append(
            CapabilitySpec(
                key=key_of(where, cap, cap_keys),
                name=text_of(where, cap, "name"),
                high_performance=text_of(where, cap, "high_performance", required=False),
                items=tuple(items),
            )
        )
    if errors:
        raise InstrumentError("; ".join(errors))
    return InstrumentSpec(
        slug=slug,
        name=name,
        level=level,
        description=text_of("", data, "description", required=False),
        scale=scale,
        capabilities=tuple(capabilities),
    )


def _parse_scale(raw, errors: list[str]) -> Scale:
    """The scale section; the default four levels when it is left out."""
    if raw is None:
        return default_scale()
    if not isinstance(raw, dict) or not isinstance(raw.get("levels"), list) or len(raw["levels"]) < 2:
        errors.append("scale.levels: give at least two levels, lowest first")
        return default_scale()
    levels = []
    seen = set()
    for index, lv in enumerate(raw["levels"]):
        if not isinstance(lv, dict) or not lv.get("key") or not lv.get("label"):
            errors.append(f"scale.levels[{index}]: needs a key and a label")
            continue
        if lv["key"] in seen:
            errors.append(f"scale.levels[{index}].key: {lv['key']!r} is used twice")
        seen.add(lv["key"])
        levels.append(
            ScaleLevel(
                key=str(lv["key"]),
                label=str(lv["label"]),
                description=str(lv.get("description", "") or ""),
                requires_evidence=bool(lv.get("requires_evidence", False)),
            )
        )
    dont_know = raw.get("dont_know") or {}
    dk_key = str(dont_know.get("key", "dont_know"))
    if dk_key in seen:
        errors.append(f"scale.dont_know.key: {dk_key!r} is also a level")
    try:
        spread = int(raw.get("disagreement_range", 2))
    except (TypeError, ValueError):
        errors.append("scale.disagreement_range: must be a whole number of levels")
        spread = 2
    if not 1 <= spread <= max(1, len(levels) - 1):
        errors.append(f"scale.disagreement_range: must be between 1 and {max(1, len(levels) - 1)}")
    return Scale(
        levels=tuple(levels),
        dont_know_key=dk_key,
        dont_know_label=str(dont_know.get("label", "Don't know")),
        disagreement_range=spread,
    )


def default_scale() -> Scale:
    """Our default scale: not started, emerging, developing, established (evidence required), and don't know."""
    return Scale(
        levels=(
            ScaleLevel("not_started", "Not started"),
            ScaleLevel("emerging", "Emerging"),
            ScaleLevel("developing", "Developing"),
            ScaleLevel("established", "Established", requires_evidence=True),
        )
    )


def read_default(path: Path) -> InstrumentSpec:
    """One of the instrument files shipped with the app."""
    return parse_instrument(path.read_text(encoding="utf-8"))


def write_version(spec: InstrumentSpec, *, models: dict, user=None, note: str = ""):
    """Store `spec` as the next version of its instrument (created if new); returns the version.

    `models` maps "Instrument", "InstrumentVersion", "Capability" and "Item" to model classes. A version is never
    changed afterwards: editing an instrument always adds a version, so cycles pinned to older ones keep their text.
    """
    Instrument, Version = models["Instrument"], models["InstrumentVersion"]
    instrument = Instrument.objects.filter(slug=spec.slug).first()
    if instrument is None:
        instrument = Instrument.objects.create(slug=spec.slug, name=spec.name, level=spec.level)
    else:
        instrument.name, instrument.level = spec.name, spec.level
        instrument.save()
    latest = Version.objects.filter(instrument=instrument).order_by("-number").first()
    version = Version.objects.create(
        instrument=instrument,
        number=(latest.number + 1) if latest else 1,
        name=spec.name,
        description=spec.description,
        scale=spec.scale.as_dict(),
        note=note,
        created_by=user if (user is not None and getattr(user, "is_authenticated", False)) else None,
    )
    for c_order, cap in enumerate(spec.capabilities, start=1):
        capability = models["Capability"].objects.create(
            version=version, key=cap.key, name=cap.name, high_performance=cap.high_performance, order=c_order
        )
        models["Item"].objects.bulk_create(
            models["Item"](capability=capability, key=i.key, text=i.text, evidence=i.evidence, order=i_order)
            for i_order, i in enumerate(cap.items, start=1)
        )
    return version
