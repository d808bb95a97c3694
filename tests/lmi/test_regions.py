"""The region command's plain-Python path: the same figures as region_industries, and no heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sectorhub.lmi.custom_regions import (
    _present,
    _present_rows,
    region_frame,
    region_industries,
    region_rows,
    rows_csv,
)
from sectorhub.lmi.store import Store
from tests.lmi.conftest import COLUMBUS_MSA_COUNTIES, OHIO, county_file


@pytest.mark.parametrize(
    "counties, year, period, ownership, level",
    [
        (["39049", "39041"], 2016, "A", "5", 2),  # annual derived from the four quarters
        (["39049", "39041"], 2016, "3", "5", 2),
        (COLUMBUS_MSA_COUNTIES, 2016, "1", "5", 3),  # many suppressed cells: lower bounds and missing LQs
        (COLUMBUS_MSA_COUNTIES, 2016, "A", "5", 6),
        (["39049"], 2016, "2", "5", 4),
        (["39049", "39041"], 2016, "4", "3", "supersector"),
        (["39049", "39041"], 2020, "A", "5", 2),  # published annual slices
    ],
)
def test_region_rows_print_what_region_industries_gives(
    loaded_store, counties, year, period, ownership, level
):
    """Every column, value and row order of the CLI's CSV equals pandas' CSV of the DataFrame the API presents.

    Both presenters get the rows of one execution: DuckDB sums the counties' fractional annual averages in
    parallel, so two executions may differ in the last bit (2717.7499… or 2717.75, rounded apart).
    """
    request = dict(counties=counties, ownership=ownership, level=level)
    frame = region_frame(loaded_store, **request, periods=[(year, period)])
    df = _present(frame.copy(), period)
    raw = frame.astype(object).where(frame.notna(), None)
    columns, rows, note = _present_rows(
        list(frame.columns), list(raw.itertuples(index=False, name=None)), period
    )
    assert len(rows) == len(df) > 0
    assert columns == list(df.columns)
    assert rows_csv(columns, rows) == df.to_csv(index=False)
    assert note == df.attrs["lq_reference"]
    # And end to end, each through its own execution: the same cells, flags and LQs.
    api = region_industries(loaded_store, **request, year=year, period=period)
    cli_columns, cli_rows, _ = region_rows(loaded_store, **request, year=year, period=period)
    assert [r[0] for r in cli_rows] == api["industry_code"].tolist()
    assert [r[-1] for r in cli_rows] == api["lower_bound"].tolist()
    lqs = [r[cli_columns.index("lq")] for r in cli_rows]
    assert [float("nan") if v is None else v for v in lqs] == pytest.approx(
        api["lq"].tolist(), abs=0.01, nan_ok=True
    )


def test_rows_csv_writes_missing_values_empty_and_quotes_titles_with_commas():
    """Worked by hand: None is empty, floats keep their shortest form, a title with a comma is quoted."""
    text = rows_csv(
        ["a", "b", "c", "d"], [("11", "Agriculture, forestry", None, 0.06), ("21", "", 404.8, True)]
    )
    assert text == 'a,b,c,d\n11,"Agriculture, forestry",,0.06\n21,,404.8,True\n'


PROBE = """
import json, sys
from typer.testing import CliRunner
from sectorhub.cli import app
result = CliRunner().invoke(app, sys.argv[1:])
assert result.exit_code == 0, result.output
sys.stderr.write(result.stdout)
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & {"pandas", "numpy", "ibis", "polars", "pyarrow"})))
"""


def test_the_region_command_imports_neither_pandas_nor_ibis_nor_polars(shared_data, tmp_path):
    """A fresh `sectorhub lmi region` answers from the stored SQL with DuckDB alone (no compile, no DataFrame)."""
    db = tmp_path / "lmi.duckdb"
    statewide = next((shared_data / OHIO).glob("2016.q1-q4 39000 *.csv.gz"))
    with Store.open(db) as store:
        store.load([county_file(shared_data, "39049"), county_file(shared_data, "39041"), statewide])
    args = [
        "lmi",
        "region",
        "--counties",
        "39049,39041",
        "--year",
        "2016",
        "--period",
        "1",
        "--store",
        str(db),
    ]
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
    lines = out.stderr.splitlines()
    assert lines[0].startswith("industry_code,industry_title,establishments,employment,employment_m1")
    assert any(line.startswith("23,") for line in lines)


def test_the_total_of_all_ownerships_is_blss_county_total_covered(loaded_store, shared_data):
    """`--ownership 0 --level total` is BLS's aggregation level 70 ("County, Total Covered"), not 71 (the total of
    one ownership), which has no own-0 rows: it used to return no rows. Franklin's 2016 Q2 total, from the row of
    BLS's own file: establishments, the three months' employment and the wages."""
    import csv
    import gzip

    with gzip.open(county_file(shared_data, "39049"), "rt", newline="") as fh:
        bls = next(
            r
            for r in csv.DictReader(fh)
            if r["qtr"] == "2" and r["own_code"] == "0" and r["agglvl_code"] == "70"
        )
    columns, rows, _ = region_rows(
        loaded_store, counties=["39049"], ownership="0", level="total", year=2016, period="2"
    )
    assert len(rows) == 1
    row = dict(zip(columns, rows[0], strict=True))
    assert row["industry_code"] == "10"
    assert row["establishments"] == int(bls["qtrly_estabs_count"])
    assert [row[f"employment_m{i}"] for i in (1, 2, 3)] == [int(bls[f"month{i}_emplvl"]) for i in (1, 2, 3)]
    assert row["total_wages"] == int(bls["total_qtrly_wages"])
    frame = region_industries(
        loaded_store, counties=["39049"], ownership="0", level="total", year=2016, period="2"
    )
    assert frame["industry_code"].tolist() == ["10"]
