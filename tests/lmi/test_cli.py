"""The ``sectorhub lmi`` contract that other tools depend on: names, columns, exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sectorhub.cli import app
from tests.lmi.conftest import county_file, read_lines

runner = CliRunner()
SLICE_A = "qcew/2020.open_data_slices/morpc-qcew-2020-a-39049.csv.gz"


@pytest.fixture
def store_path(tmp_path):
    """A store file in a scratch folder."""
    return tmp_path / "lmi.duckdb"


def test_load_prints_rows_per_file_and_exits_0(shared_data, store_path):
    """Two 2020 slices: 2,255 and 1,553 rows, as many as the files have data lines."""
    result = runner.invoke(
        app,
        ["lmi", "load", "--store", str(store_path), str(shared_data / SLICE_A),
         str(shared_data / "qcew/2020.open_data_slices/morpc-qcew-2020-a-39041.csv.gz")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "morpc-qcew-2020-a-39049.csv.gz\t2255 rows loaded" in result.stdout
    assert "morpc-qcew-2020-a-39041.csv.gz\t1553 rows loaded" in result.stdout
    again = runner.invoke(app, ["lmi", "load", "--store", str(store_path), str(shared_data / SLICE_A)])
    assert "2255 rows already loaded, skipped" in again.stdout


def test_load_exits_1_with_file_line_and_column_on_a_bad_file(shared_data, store_path, tmp_path):
    """A non-numeric employment level on line 3 of a file."""
    lines = read_lines(shared_data / SLICE_A)
    fields = next(csv.reader([lines[2]]))
    fields[9] = "12a"
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([lines[0], lines[1], ",".join(fields), *lines[3:20]]) + "\n")
    result = runner.invoke(app, ["lmi", "load", "--store", str(store_path), str(bad)])
    assert result.exit_code == 1
    assert "bad.csv, line 3, column 10 (annual_avg_emplvl)" in result.output.replace("\n", "")


def test_export_computes_lq_and_oty_columns_instead_of_copying_them(shared_data, store_path, tmp_path):
    """Every lq_ value of Delaware County's 2016 file is replaced by 9.99 before loading; the exported LQs
    still equal BLS's published ones (or, where the estimated shares cannot pin them to hundredths, are empty
    with an interval holding BLS's value), because they are computed from the levels and the national
    reference the 49 statewide files give.
    """
    files = [county_file(shared_data, "39041")]
    files += sorted((shared_data / "qcew/2016.q1-q4.by_area/statewide").glob("*.csv.gz"))
    # Tamper with Delaware County's published LQs: the export must not change.
    src = files[0]
    rows = list(csv.reader(read_lines(src)))
    header = rows[0]
    lq_cols = [i for i, h in enumerate(header) if h.startswith("lq_") and h != "lq_disclosure_code"]
    for r in rows[1:]:
        for i in lq_cols:
            r[i] = "9.99"
    tampered = tmp_path / src.name.replace(".gz", "")
    with open(tampered, "w", newline="") as fh:
        csv.writer(fh, quoting=csv.QUOTE_ALL).writerows(rows)
    assert (
        runner.invoke(
            app, ["lmi", "load", "--store", str(store_path), str(tampered), *map(str, files[1:])]
        ).exit_code
        == 0
    )
    out = tmp_path / "export.csv"
    result = runner.invoke(
        app, ["lmi", "export", "--store", str(store_path), "--areas", "39041", "--year", "2016", "--period", "1",
              "--format", "csv", "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    exported = list(csv.DictReader(out.open()))
    assert list(exported[0].keys())[:16] == [
        "area_fips", "own_code", "industry_code", "agglvl_code", "size_code", "year", "qtr", "disclosure_code",
        "qtrly_estabs", "month1_emplvl", "month2_emplvl", "month3_emplvl", "total_qtrly_wages",
        "taxable_qtrly_wages", "qtrly_contributions", "avg_wkly_wage",
    ]  # fmt: skip
    published = {
        (r[1], r[2]): r[header.index("lq_month1_emplvl")]
        for r in csv.reader(read_lines(src))
        if r[6] == "1" and r[7] == ""
    }
    compared = bounded = 0
    for row in exported:
        key = (row["own_code"], row["industry_code"])
        if row["disclosure_code"] == "" and key in published and float(published[key]) > 0:
            value = float(published[key])
            if row["lq_month1_emplvl"]:  # pinned to BLS's hundredths: BLS's value
                assert float(row["lq_month1_emplvl"]) == value
                compared += 1
            else:  # not pinned: empty, code N, and an interval that holds BLS's value
                assert row["lq_disclosure_code"] == "N"
                assert float(row["lq_month1_emplvl_low"]) <= value <= float(row["lq_month1_emplvl_high"])
                bounded += 1
    assert compared > 300 and bounded > 0
    assert all(r["lq_month1_emplvl"] != "9.99" for r in exported)


def test_region_prints_the_documented_columns_for_a_quarter(shared_data, store_path):
    """Quarter output: employment_m1..m3 plus their mean; the 2020 Q1 private total of two counties."""
    runner.invoke(
        app, ["lmi", "load", "--store", str(store_path), str(shared_data / "qcew/2020.open_data_slices")]
    )
    result = runner.invoke(
        app, ["lmi", "region", "--store", str(store_path), "--counties", "39049,39041", "--year", "2020",
              "--period", "1", "--level", "2", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert list(rows[0]) == [
        "industry_code", "industry_title", "establishments", "employment", "employment_m1", "employment_m2",
        "employment_m3", "total_wages", "avg_weekly_wage", "lq", "lq_low", "lq_high", "lower_bound",
    ]  # fmt: skip
    # Construction, 2020 Q1, private: Franklin 23,xxx + Delaware: sum of the two files' month-1 levels.
    franklin = next(
        r
        for r in csv.reader(
            read_lines(shared_data / "qcew/2020.open_data_slices/morpc-qcew-2020-1-39049.csv.gz")
        )
        if r[1] == "5" and r[2] == "23"
    )
    delaware = next(
        r
        for r in csv.reader(
            read_lines(shared_data / "qcew/2020.open_data_slices/morpc-qcew-2020-1-39041.csv.gz")
        )
        if r[1] == "5" and r[2] == "23"
    )
    row = next(r for r in rows if r["industry_code"] == "23")
    assert row["employment_m1"] == int(franklin[9]) + int(delaware[9])
    assert row["employment"] == pytest.approx(
        sum(int(franklin[i]) + int(delaware[i]) for i in (9, 10, 11)) / 3
    )
    assert row["lower_bound"] is False


def test_region_rejects_bad_counties_and_unloaded_periods_with_exit_1(shared_data, store_path):
    """Clear errors, not tracebacks."""
    runner.invoke(app, ["lmi", "load", "--store", str(store_path), str(shared_data / SLICE_A)])
    bad = runner.invoke(app, ["lmi", "region", "--store", str(store_path), "--counties", "3904", "--year", "2020",
                              "--period", "A"])  # fmt: skip
    assert bad.exit_code == 1 and "five digits" in bad.output
    missing = runner.invoke(app, ["lmi", "region", "--store", str(store_path), "--counties", "39041",
                                  "--year", "2020", "--period", "A"])  # fmt: skip
    assert missing.exit_code == 1 and "39041" in missing.output


def test_export_of_a_store_that_does_not_exist_says_so(tmp_path):
    """No store yet: a one-line error and exit 1."""
    result = runner.invoke(app, ["lmi", "export", "--store", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "sectorhub lmi load" in result.output


def test_csv_export_writes_lqs_with_two_decimals_as_bls_does(shared_data, store_path):
    """BLS prints 1.00, not 1.0."""
    runner.invoke(app, ["lmi", "load", "--store", str(store_path), str(shared_data / SLICE_A)])
    result = runner.invoke(app, ["lmi", "export", "--store", str(store_path), "--period", "A"])
    first = next(csv.DictReader(io.StringIO(result.stdout)))
    assert first["lq_annual_avg_emplvl"] == "1.00"
