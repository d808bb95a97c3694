"""The ``sectorhub outcomes compute`` contract: options, output columns, errors naming file, line and column."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sectorhub.cli import app

runner = CliRunner()
HEADER = "participant_id,program,partnership,entry_date,exit_date,exclusion,training,credential_date,credential_type"


@pytest.fixture
def files(tmp_path):
    """Three periods exiting in PY2023 (one excluded) and their wages; worked in the test docstrings."""
    people = tmp_path / "participants.csv"
    people.write_text(
        HEADER
        + "\n"
        + "a,adult,p1,2023-01-05,2023-08-10,,occupational,2023-09-01,certificate\n"
        + "b,adult,p1,2023-01-05,2023-07-01,,ojt,,\n"
        + "c,dislocated,,2023-02-05,2024-06-30,,other,2023-03-01,diploma\n"
        + "d,dislocated,p2,2023-02-05,2024-07-01,,,,\n"
        + "e,dislocated,p2,2023-02-05,2023-12-01,health,,,\n"
    )
    wages = tmp_path / "wages.csv"
    wages.write_text(
        "participant_id,year,quarter,employer_id,wages\n"
        "a,2024,1,E1,1000\na,2024,3,E1,500\nb,2024,1,E2,0\nb,2024,1,E3,300.50\nc,2024,4,E1,100\nc,2025,2,E1,100\n"
    )
    return people, wages


def invoke(people, wages, *extra):
    """Run the command; standard error is kept apart from the output."""
    return runner.invoke(
        app, ["outcomes", "compute", "--participants", str(people), "--wages", str(wages), *extra]
    )


def test_csv_output_has_the_contract_columns_and_hand_worked_values(files):
    """PY2023, min-cell 1: a (Q2 2024Q1 1000), b (Q2 300.50 from E3, E2's row is zero) and c (Q2 2024Q4 100) are
    employed in Q2; d exits after June 30 and e is excluded. Median of 100, 300.50, 1000 is 300.50. Wages run
    to 2025Q2 (the latest quarter in the file), so c's Q4 (2025Q2) is available: a 500 and c 100 employed, b
    not: 2/3."""
    result = invoke(*files, "--program-year", "2023", "--min-cell", "1")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "indicator",
        "group_by",
        "group",
        "numerator",
        "denominator",
        "value",
        "suppressed",
    ]
    by = {(r["indicator"], r["group_by"], r["group"]): r for r in rows}
    assert by[("employment_q2", "all", "")]["numerator"] == "3"
    assert by[("employment_q4", "all", "")]["denominator"] == "3"
    assert by[("employment_q4", "all", "")]["numerator"] == "2"
    assert by[("median_earnings_q2", "all", "")]["value"] == "300.5"
    assert by[("median_earnings_q2", "all", "")]["numerator"] == ""
    assert by[("employment_q2", "partnership", "p1")]["suppressed"] == "false"
    assert ("employment_q2", "partnership", "p2") not in by  # d is outside the window, e excluded


def test_default_min_cell_of_10_suppresses_these_small_cells(files):
    """Every denominator here is at most 3, below the default 10: no value or numerator anywhere."""
    result = invoke(*files, "--program-year", "2023", "--format", "json")
    rows = json.loads(result.stdout)
    assert rows and all(r["suppressed"] and r["value"] is None and r["numerator"] is None for r in rows)


def test_an_exit_window_and_wages_through_can_be_given_and_written_to_a_file(files, tmp_path):
    """Exits 2023-07-01..2023-12-31 keep a and b; wages through 2024Q2 make their Q4 (2024Q3) not available."""
    out = tmp_path / "cells.json"
    result = invoke(
        *files,
        "--exits-from",
        "2023-07-01",
        "--exits-to",
        "2023-12-31",
        "--wages-through",
        "2024Q2",
        "--min-cell",
        "1",
        "--format",
        "json",
        "--out",
        str(out),
    )
    assert result.exit_code == 0, result.output
    by = {(r["indicator"], r["group_by"], r["group"]): r for r in json.loads(out.read_text())}
    assert by[("employment_q2", "all", "")]["denominator"] == 2
    assert by[("employment_q4", "all", "")]["denominator"] == 0


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "a,adult,,2023-01-05,2023-13-10,,,,",
            "participants.csv, line 2, column 5 (exit_date): bad date '2023-13-10'",
        ),
        (
            "a,adult,,2023-01-05,2023-08-10,jail,,,",
            "participants.csv, line 2, column 6 (exclusion): unknown code 'jail'",
        ),
        (
            "a,adult,,2023-01-05,2023-08-10,,,,phd",
            "participants.csv, line 2, column 9 (credential_type): unknown code",
        ),
        ("a,adult,,2023-01-05,2023-08-10,,,2023-09-01,", None),
    ],
)
def test_a_bad_participant_value_names_file_line_and_column_and_exits_1(files, line, message):
    """A bad row on line 2 (after a good header) is refused; a credential date alone is fine."""
    people, wages = files
    people.write_text(HEADER + "\n" + line + "\n")
    result = invoke(people, wages, "--program-year", "2023")
    if message is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1
        assert message in result.stderr


def test_an_unknown_column_and_a_bad_wage_are_named(files):
    """An extra header column is column 6 of line 1; a negative wage on the third line is column 5."""
    people, wages = files
    wages.write_text("participant_id,year,quarter,employer_id,wages,ssn\na,2024,1,E1,1,x\n")
    result = invoke(people, wages, "--program-year", "2023")
    assert result.exit_code == 1
    assert "wages.csv, line 1, column 6 (ssn): unknown column" in result.stderr
    wages.write_text("participant_id,year,quarter,employer_id,wages\na,2024,1,E1,1\na,2024,5,E1,-3\n")
    result = invoke(people, wages, "--program-year", "2023")
    assert "wages.csv, line 3, column 3 (quarter): bad quarter '5'" in result.stderr
    assert "wages.csv, line 3, column 5 (wages): bad wages '-3'" in result.stderr


def test_bad_options_exit_1_with_a_message(files):
    """No window, both windows, a bad --wages-through, an unknown backend."""
    assert "give --program-year" in invoke(*files).stderr
    assert invoke(*files, "--program-year", "2023", "--exits-from", "2023-01-01").exit_code == 1
    result = invoke(*files, "--program-year", "2023", "--wages-through", "2024-3")
    assert result.exit_code == 1 and "2024Q3" in result.stderr
    result = invoke(*files, "--program-year", "2023", "--backend", "oracle")
    assert result.exit_code == 1 and "unknown backend 'oracle'" in result.stderr
