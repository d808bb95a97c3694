"""JSON and CSV outputs, and the one formatter every text output uses for a value and its status."""

from __future__ import annotations

import csv
import io
import json

from sectorhub.lmi.packages.building.model import LOWER_BOUND, SUPPRESSED


def format_value(value, kind: str, status: str | None = None, interval=None) -> str:
    """A figure as every output writes it: ``1,234``, ``≥ 1,234`` (lower bound), ``suppressed``, ``0.93``.

    ``interval``: ``(low, high)`` of a value withheld because it is known only within bounds (an LQ the
    estimated national shares cannot pin to hundredths): written ``≈ 1.95–4.08``, never as one number.
    """
    if value is None and interval is not None and None not in interval and status != SUPPRESSED:
        low, high = interval
        return f"≈ {format_value(low, kind)}–{format_value(high, kind)}"
    if value is None:
        return "suppressed" if status == SUPPRESSED else "–"
    if kind == "int":
        text = f"{int(value):,}"
    elif kind == "float2":
        text = f"{float(value):.2f}"
    elif kind == "pct":
        text = f"{float(value):.1f}"
    else:
        return str(value)
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # a value that rounds to zero is "0.0", never "-0.0"
    return f"≥ {text}" if status == LOWER_BOUND else text


UNITS = {"jobs": "{} jobs", "pct": "{}%", "usd": "${}", "lq": "LQ {}"}


def with_unit(value, kind: str, unit: str, status: str | None = None) -> str:
    """A figure with its unit, as the highlights write it: ``232,264 jobs``, ``4.6%``, ``$1,237``, ``LQ 1.59``."""
    text = format_value(value, kind, status)
    if value is None:
        return text
    bound, _, number = text.rpartition("≥ ")
    return f"{bound}{'≥ ' if _ else ''}{UNITS[unit].format(number)}"


def to_json(pkg) -> str:
    """The whole package as JSON (charts as Vega-Lite specs; suppressed values null with their status)."""
    return json.dumps(pkg.to_dict(), indent=1, ensure_ascii=False)


def to_csv(pkg) -> str:
    """The industries table as CSV: numbers plain, statuses in their own columns, sources in a last column."""
    section = pkg.section("industries")
    keys = [c.key for c in section.columns] + [
        "lq_nation_low",
        "lq_nation_high",
        "employment_status",
        "total_wages",
        "employment_year_earlier",
        "national_share",
        "industry_mix",
        "competitive_effect",
        "target_class",
    ]
    if pkg.estimates_included:
        keys.append("estimated")
    keys = list(dict.fromkeys(keys))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["region", "period", "ownership", *keys, "source"])
    source = "; ".join(s.label for s in pkg.sources)
    for row in section.rows:
        w.writerow(
            [pkg.region_name, pkg.period_label, pkg.ownership_label]
            + ["" if row.get(k) is None else row.get(k) for k in keys]
            + [source]
        )
    return buf.getvalue()


def interval_of(row: dict, key: str):
    """The ``(low, high)`` a row holds for a withheld value (``<key>_low``/``<key>_high``), or None."""
    low, high = row.get(f"{key}_low"), row.get(f"{key}_high")
    return None if low is None or high is None else (low, high)
