"""The package as an Excel workbook (openpyxl): one formatted sheet per section, charts, notes and sources.

Numbers are stored as numbers (the same values as the JSON package). A suppressed value is the text
``suppressed`` on a grey fill, never 0; a lower bound keeps its number on a yellow fill with a ``≥`` number
format and a legend on every sheet. Header rows are frozen.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from sectorhub.lmi.packages.building.model import LOWER_BOUND, SUPPRESSED
from sectorhub.lmi.packages.rendering import charts
from sectorhub.lmi.packages.rendering.data import format_value, interval_of

HEADER_FILL = PatternFill("solid", fgColor="162E51")
SUPPRESSED_FILL = PatternFill("solid", fgColor="DFE1E2")
LOWER_FILL = PatternFill("solid", fgColor="FAF3D1")
FORMATS = {"int": "#,##0", "float2": "0.00", "pct": "0.0", "text": "@"}
LOWER_FORMATS = {"int": '"≥ "#,##0', "float2": '"≥ "0.00', "pct": '"≥ "0.0'}
TITLE_ROWS = 3  # title, subtitle, legend; the table header is on the next row
WARNING_FONT = Font(bold=True, color="936F38")
# The package settings as the Sources sheet names them (a reader never sees an internal key).
SETTING_LABELS = {
    "target_lq_threshold": "Target classes: concentrated when the LQ vs nation is at least",
    "target_growth_threshold": "Target classes: growing when growth over the year (%) is above",
    "target_min_employment": "Target classes: industries with fewer jobs than this are not classified",
    "highlight_count": "Industries named in each highlights list",
}
HIGHLIGHTS = (
    ("largest", "Largest industries", "employment", "int", "jobs"),
    ("most_concentrated", "Most concentrated (LQ vs nation)", "lq_nation", "float2", "lq"),
    ("fastest_growing", "Fastest growing (% over the year)", "growth_pct", "pct", "pct"),
)


def setting_label(key: str) -> str:
    """A package setting's name in words (``target_lq_threshold`` never appears in a workbook)."""
    return SETTING_LABELS.get(key, key.replace("_", " ").capitalize())


def _sheet_name(title: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip()
    base, i = name, 2
    while name in used:
        name = f"{base[:28]} {i}"
        i += 1
    used.add(name)
    return name


def _table(ws, pkg, section) -> None:
    ws["A1"] = f"{pkg.region_name}: {section.title}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = f"{pkg.period_label} · {pkg.level_label} · {pkg.ownership_label}. {section.intro}".strip()
    ws["A3"] = (
        "Grey 'suppressed': withheld by BLS (never zero). Yellow '≥': lower bound (suppressed cells left out)."
    )
    ws["A3"].font = Font(italic=True, size=9)
    header = TITLE_ROWS + 1
    if not section.rows:
        # No header-only table: the sheet says why it is empty (or that nothing matched).
        reason = section.empty_reason or ("" if section.intro else "No rows for this selection.")
        ws.cell(row=header, column=1, value=reason or "See the note above.").font = Font(italic=True)
        for k, note in enumerate(section.notes):
            ws.cell(row=header + 2 + k, column=1, value=note).font = Font(italic=True, size=9)
        ws.column_dimensions["A"].width = 100
        return
    for j, col in enumerate(section.columns, start=1):
        cell = ws.cell(row=header, column=j, value=col.label)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        width = max(len(col.label), 10) if col.kind != "text" else (40 if col.key.endswith("title") else 14)
        ws.column_dimensions[get_column_letter(j)].width = min(width + 2, 60)
    for i, row in enumerate(section.rows, start=header + 1):
        for j, col in enumerate(section.columns, start=1):
            value = row.get(col.key)
            status = row.get(col.status_key) if col.status_key else None
            cell = ws.cell(row=i, column=j)
            if value is None and status == SUPPRESSED:
                cell.value = "suppressed"
                cell.fill = SUPPRESSED_FILL
                cell.font = Font(italic=True, color="565C65")
                cell.alignment = Alignment(horizontal="right")
                continue
            interval = interval_of(row, col.key) if value is None else None
            if interval is not None:  # withheld, known only within bounds: text, never a number
                cell.value = format_value(None, col.kind, status, interval)
                cell.alignment = Alignment(horizontal="right")
                continue
            cell.value = value
            if col.kind != "text":
                cell.number_format = FORMATS[col.kind]
                if status == LOWER_BOUND and value is not None:
                    cell.number_format = LOWER_FORMATS[col.kind]
                    cell.fill = LOWER_FILL
    # Section notes (sources, attribution such as O*NET's CC BY 4.0 text) below the table.
    for k, note in enumerate(section.notes):
        ws.cell(row=header + len(section.rows) + 2 + k, column=1, value=note).font = Font(italic=True, size=9)
    ws.freeze_panes = ws.cell(row=header + 1, column=3 if len(section.columns) > 3 else 1)
    if section.rows:
        ws.auto_filter.ref = (
            f"A{header}:{get_column_letter(len(section.columns))}{header + len(section.rows)}"
        )


def to_xlsx(pkg) -> bytes:
    """The workbook's bytes."""
    wb = Workbook()
    used: set[str] = set()
    _overview(wb.active, pkg, used)
    for section in pkg.sections:
        ws = wb.create_sheet()
        ws.title = _sheet_name(section.title.split(":")[0], used)
        _table(ws, pkg, section)
    chart_ws = wb.create_sheet(_sheet_name("Charts", used))
    chart_ws["A1"] = f"{pkg.region_name}: charts ({pkg.period_label})"
    chart_ws["A1"].font = Font(bold=True, size=13)
    anchor_row = 3
    for spec in pkg.charts.values():
        img = Image(io.BytesIO(charts.to_png(spec, scale=1.5)))
        chart_ws.add_image(img, f"A{anchor_row}")
        anchor_row += int(img.height / 20) + 3
    _sources_sheet(wb.create_sheet(_sheet_name("Sources and notes", used)), pkg)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _overview(ws, pkg, used: set[str]) -> None:
    """The first sheet: title, any warning (old data), what the package covers, and the highlights with units."""
    from sectorhub.lmi.packages.rendering.data import with_unit

    ws.title = _sheet_name("Overview", used)
    ws["A1"] = f"{pkg.region_name}: regional data package"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"{pkg.period_label} · {pkg.level_label} · {pkg.ownership_label}"
    row = 3
    for warning in pkg.warnings:
        ws.cell(row=row, column=1, value=warning).font = WARNING_FONT
        row += 1
    counties = ", ".join(c["name"] for c in pkg.counties)
    ws.cell(row=row, column=1, value=f"Counties ({len(pkg.counties)}): {counties}")
    row += 2
    for key, title, measure, kind, unit in HIGHLIGHTS:
        ws.cell(row=row, column=1, value=title).font = Font(bold=True)
        row += 1
        items = pkg.highlights.get(key) or []
        for i, r in enumerate(items, start=1):
            status = r.get("employment_status") if measure == "employment" else None
            text = with_unit(r.get(measure), kind, unit, status)
            ws.cell(row=row, column=1, value=f"{i}. {r['industry_title']} ({r['industry_code']}): {text}")
            row += 1
        if not items:
            ws.cell(row=row, column=1, value="None published.")
            row += 1
        row += 1
    ws.column_dimensions["A"].width = 110


def _sources_sheet(ws, pkg) -> None:
    ws["A1"] = "Sources"
    ws["A1"].font = Font(bold=True, size=13)
    for j, label in enumerate(("Source", "Detail", "Vintage"), start=1):
        c = ws.cell(row=2, column=j, value=label)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = HEADER_FILL
    row = 3
    for s in pkg.sources:
        ws.cell(row=row, column=1, value=s.name)
        ws.cell(row=row, column=2, value=s.detail)
        ws.cell(row=row, column=3, value=s.vintage)
        row += 1
    row += 1
    ws.cell(row=row, column=1, value="Notes").font = Font(bold=True, size=13)
    for note in pkg.notes:
        row += 1
        ws.cell(row=row, column=1, value=note)
    row += 2
    ws.cell(row=row, column=1, value="Settings").font = Font(bold=True, size=13)
    for key, value in pkg.settings.items():
        row += 1
        ws.cell(row=row, column=1, value=setting_label(key))
        ws.cell(row=row, column=2, value=value).alignment = Alignment(horizontal="left")
    row += 2
    ws.cell(row=row, column=1, value=f"Generated {pkg.generated_at} by SectorHub.")
    ws.column_dimensions["A"].width = 70
    ws.column_dimensions["B"].width = 90
    ws.column_dimensions["C"].width = 16
    ws.freeze_panes = "A3"
