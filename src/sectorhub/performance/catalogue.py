"""Indicator catalogues as data: reading and checking a YAML catalogue (the default one ships here)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from sectorhub.performance.models import Category, Direction, Source

DEFAULT = Path(__file__).with_name("catalogues") / "default.yaml"
UNITS = ("count", "people", "percent", "dollars", "days")
OUTCOMES = (
    "employment_q2",
    "employment_q4",
    "median_earnings_q2",
    "retention_same_employer",
    "credential_attainment",
)
PERIOD_RE = re.compile(r"^(\d{4}Q[1-4]|PY\d{4})$")


class CatalogueError(ValueError):
    """A catalogue file that cannot be loaded; the message names the file and the indicator."""


@dataclass
class IndicatorSpec:
    """One indicator as read from a catalogue file."""

    key: str
    name: str
    category: str
    unit: str
    direction: str
    source: str
    outcome: str = ""
    description: str = ""
    targets: dict[str, Decimal] = field(default_factory=dict)
    negotiated: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class CatalogueSpec:
    """A whole catalogue: name, version and indicators in order."""

    name: str
    version: str
    indicators: list[IndicatorSpec]


def _choice(where: str, value, allowed) -> str:
    if value not in allowed:
        raise CatalogueError(f"{where}: {value!r} is not one of {', '.join(allowed)}")
    return value


def _periods(where: str, raw) -> dict[str, Decimal]:
    out = {}
    for period, value in (raw or {}).items():
        if not PERIOD_RE.match(str(period)):
            raise CatalogueError(
                f"{where}: period {period!r} must be a quarter (2026Q1) or a program year (PY2025)"
            )
        try:
            out[str(period)] = Decimal(str(value))
        except InvalidOperation:
            raise CatalogueError(f"{where}: {period} value {value!r} is not a number") from None
    return out


def read_catalogue(path: str | Path = DEFAULT) -> CatalogueSpec:
    """Read and check a catalogue YAML file (see catalogues/default.yaml for the layout)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"{path.name}: cannot read the catalogue ({exc})") from None
    if not isinstance(data, dict) or not data.get("version") or not data.get("name"):
        raise CatalogueError(f"{path.name}: a catalogue needs name, version and indicators")
    specs, seen = [], set()
    for i, item in enumerate(data.get("indicators") or [], start=1):
        where = f"{path.name}, indicator {i}"
        if not isinstance(item, dict) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(item.get("key", ""))):
            raise CatalogueError(f"{where}: a key of lower-case letters, digits and hyphens is required")
        where = f"{path.name}, indicator {item['key']}"
        if item["key"] in seen:
            raise CatalogueError(f"{where}: the key appears twice")
        seen.add(item["key"])
        source = _choice(where, item.get("source"), Source.values)
        outcome = item.get("outcome", "") or ""
        if source == Source.COMPUTED:
            _choice(where, outcome, OUTCOMES)
        specs.append(
            IndicatorSpec(
                key=item["key"],
                name=str(item.get("name") or item["key"]),
                category=_choice(where, item.get("category"), Category.values),
                unit=_choice(where, item.get("unit"), UNITS),
                direction=_choice(where, item.get("direction"), Direction.values),
                source=source,
                outcome=outcome,
                description=str(item.get("description", "")),
                targets=_periods(where, item.get("targets")),
                negotiated=_periods(where, item.get("negotiated")),
            )
        )
    if not specs:
        raise CatalogueError(f"{path.name}: the catalogue has no indicators")
    return CatalogueSpec(name=str(data["name"]), version=str(data["version"]), indicators=specs)
