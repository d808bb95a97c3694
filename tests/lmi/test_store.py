"""Loading QCEW files: every BLS layout, bad input, atomicity, idempotence and the ledger."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from sectorhub.lmi.store import LoadError, Store
from tests.lmi.conftest import county_file, read_lines

SLICES = "qcew/2020.open_data_slices"


def rows_of(store: Store, where: str = "true") -> list[tuple]:
    """Canonical rows in a stable order, without the file id."""
    cols = "area_fips, own_code, industry_code, agglvl_code, year, qtr, disclosure_code, estabs, emp_m1, emp_m2, emp_m3, emplvl, total_wages, avg_wkly_wage, avg_annual_pay"
    return store.sql(f"SELECT {cols} FROM qcew WHERE {where} ORDER BY ALL").fetchall()


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], quote_all: bool = True, gz: bool = False
) -> Path:
    """Write rows as BLS does (all quoted) or as a re-export does (no quotes), plain or gzipped."""
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    data = buf.getvalue().encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def parsed(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a shared file."""
    rows = list(csv.reader(read_lines(path)))
    return rows[0], rows[1:]


def test_the_quarterly_by_area_file_loads_with_suppressed_values_as_null(shared_data):
    """Delaware County 2016: 4 quarters; BLS writes suppressed cells as 0, the store holds NULL."""
    store = Store.memory()
    path = county_file(shared_data, "39041")
    result = store.load([path])
    n_lines = len(read_lines(path)) - 1
    assert result.rows_loaded == n_lines
    header, rows = parsed(path)
    suppressed = sum(1 for r in rows if r[header.index("disclosure_code")] == "N")
    assert (
        store.sql("SELECT count(*) FROM qcew WHERE disclosure_code = 'N' AND emp_m1 IS NULL").fetchone()[0]
        == suppressed
    )
    # A suppressed cell keeps its published establishment count.
    assert store.sql("SELECT count(*) FROM qcew WHERE disclosure_code = 'N' AND estabs > 0").fetchone()[0] > 0
    # Q1 total covered, all industries, month 1 as BLS prints it.
    first = next(r for r in rows if r[1] == "0" and r[2] == "10" and r[6] == "1")
    got = store.sql(
        "SELECT emp_m1 FROM qcew WHERE own_code='0' AND industry_code='10' AND qtr='1'"
    ).fetchone()[0]
    assert got == int(first[header.index("month1_emplvl")])


def test_every_layout_loads_the_same_values(shared_data, tmp_path):
    """Quoted or not, gzip or plain, zip member or file, with or without lq/oty columns: the same levels."""
    src = shared_data / SLICES / "morpc-qcew-2020-a-39041.csv.gz"
    header, rows = parsed(src)
    reference = Store.memory()
    reference.load([src])
    expected = rows_of(reference)

    keep = [i for i, h in enumerate(header) if not h.startswith(("lq_", "oty_"))]
    variants = {
        "quoted.csv": dict(quote_all=True),
        "plain.csv.gz": dict(quote_all=False, gz=True),
    }
    for name, kw in variants.items():
        store = Store.memory()
        store.load([write_csv(tmp_path / name, header, rows, **kw)])
        assert rows_of(store) == expected, name
    no_lq = write_csv(tmp_path / "nolq.csv", [header[i] for i in keep], [[r[i] for i in keep] for r in rows])
    store = Store.memory()
    result = store.load([no_lq])
    assert "no lq/oty" in result.files[0].layout
    assert rows_of(store) == expected

    # The older spelling annual_avg_estabs_count maps to the same column.
    old = [h.replace("annual_avg_estabs", "annual_avg_estabs_count") for h in header]
    store = Store.memory()
    store.load([write_csv(tmp_path / "old.csv", old, rows)])
    assert rows_of(store) == expected

    archive = tmp_path / "2020_annual_singlefile.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("2020.annual.singlefile.csv", gzip.decompress(src.read_bytes()))
    store = Store.memory()
    result = store.load([archive])
    assert result.files[0].name == "2020_annual_singlefile.zip!2020.annual.singlefile.csv"
    assert rows_of(store) == expected


def test_the_open_data_quarterly_layout_and_the_titled_layout_agree(shared_data, tmp_path):
    """The 2020 quarterly slice uses qtrly_estabs; re-labelled with titles (by_area layout) it loads identically."""
    src = shared_data / SLICES / "morpc-qcew-2020-1-39041.csv.gz"
    header, rows = parsed(src)
    a = Store.memory()
    a.load([src])
    titled = (
        header[:8]
        + ["area_title", "own_title", "industry_title", "agglvl_title", "size_title"]
        + [h.replace("qtrly_estabs", "qtrly_estabs_count") for h in header[8:]]
    )
    titled_rows = [
        r[:8] + ["Delaware County, Ohio", "x", "x", "x", "All establishment sizes"] + r[8:] for r in rows
    ]
    b = Store.memory()
    result = b.load([write_csv(tmp_path / "titled.csv", titled, titled_rows)])
    assert result.files[0].layout == "quarterly by_area/by_industry"
    assert rows_of(a) == rows_of(b)
    assert a.sql("SELECT count(*) FROM qcew").fetchone()[0] == 1553


def bad_file_cases(shared_data: Path, tmp_path: Path) -> dict[str, tuple[Path, int | None, str]]:
    """Each bad input with the line and the column name the error must give."""
    src = county_file(shared_data, "39041")
    header, rows = parsed(src)
    rows = rows[:50]
    cases = {}
    wrong = ["area"] + header[1:]
    cases["wrong header"] = (write_csv(tmp_path / "wrong.csv", wrong, rows), 1, "1")
    bad = [list(r) for r in rows]
    bad[19][header.index("month1_emplvl")] = "71x453"  # line 21 of the file
    cases["non-numeric level"] = (write_csv(tmp_path / "nonnum.csv", header, bad), 21, "month1_emplvl")
    unknown = [list(r) for r in rows]
    unknown[9][0] = "39990"  # no such area; a titled file would still name it, so drop the title too
    unknown[9][header.index("area_title")] = ""
    cases["unknown area"] = (write_csv(tmp_path / "area.csv", header, unknown), 11, "area_fips")
    full = gzip.compress("\n".join(read_lines(src)[:3000]).encode())
    truncated = tmp_path / "truncated.csv.gz"
    truncated.write_bytes(full[: len(full) // 2])
    cases["truncated gzip"] = (truncated, None, "")
    return cases


@pytest.mark.parametrize("case", ["wrong header", "non-numeric level", "unknown area", "truncated gzip"])
def test_a_bad_file_names_file_line_and_column_and_nothing_of_the_batch_loads(shared_data, tmp_path, case):
    """One bad file in a batch of two: the error points at it, and the good file is not loaded either."""
    path, line, column = bad_file_cases(shared_data, tmp_path)[case]
    store = Store.memory()
    good = shared_data / SLICES / "morpc-qcew-2020-a-39041.csv.gz"
    with pytest.raises(LoadError) as info:
        store.load([good, path])
    error = info.value.errors[0]
    assert error.path.endswith(path.name)
    if line is not None:
        assert error.line == line
        assert column in str(error.column)
    else:
        assert error.line is not None and error.line > 1
        assert "gzip" in error.message.lower() or "unreadable" in error.message.lower()
    assert store.sql("SELECT count(*) FROM qcew").fetchone()[0] == 0
    assert store.ledger() == []


def test_loading_the_same_file_twice_changes_nothing_and_the_ledger_records_it(shared_data):
    """Idempotence: the second load is a no-op; the ledger holds name, SHA-256, rows, layout and time."""
    src = shared_data / SLICES / "morpc-qcew-2020-a-39049.csv.gz"
    store = Store.memory()
    first = store.load([src])
    second = store.load([src])
    assert first.rows_loaded == 2255 and second.rows_loaded == 0
    assert second.files[0].status == "unchanged"
    assert store.sql("SELECT count(*) FROM qcew").fetchone()[0] == 2255
    (entry,) = store.ledger()
    assert entry["sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
    assert entry["rows"] == 2255 and entry["layout"] == "annual singlefile/open-data"
    assert entry["years"] == "2020" and entry["periods"] == "A" and entry["loaded_at"] is not None


def test_a_revised_file_replaces_the_rows_it_republishes(shared_data, tmp_path):
    """A second file with the same cells (a revision) replaces them instead of duplicating them."""
    src = shared_data / SLICES / "morpc-qcew-2020-a-39041.csv.gz"
    header, rows = parsed(src)
    store = Store.memory()
    store.load([src])
    revised = [list(r) for r in rows]
    revised[0][header.index("annual_avg_emplvl")] = "1"
    result = store.load([write_csv(tmp_path / "revised.csv", header, revised)])
    assert result.files[0].replaced_rows == 1553
    assert store.sql("SELECT count(*) FROM qcew").fetchone()[0] == 1553
    assert store.sql("SELECT emplvl FROM qcew WHERE own_code='0' AND industry_code='10'").fetchone()[0] == 1


KILL_SCRIPT = """
import sys
from sectorhub.lmi import store as module
from sectorhub.lmi.store import Store
module.PART_ROWS = 20_000  # parts are written (staged) well before the kill
store = Store.open(sys.argv[1])
def tick(name, done, total):
    print(done, name, flush=True)
store.load([sys.argv[2]], progress=tick)
print("committed", flush=True)
"""


def test_a_load_killed_midway_leaves_the_store_as_it_was(shared_data, tmp_path):
    """SIGKILL during a 90-file load: on reopening, the rows and ledger are those of the earlier load."""
    db = tmp_path / "lmi.duckdb"
    with Store.open(db) as store:
        store.load([shared_data / SLICES])
        before_rows = rows_of(store)
        before_ledger = store.ledger()
    env = {**os.environ, "SECTORHUB_DATA": str(shared_data)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            KILL_SCRIPT,
            str(db),
            str(shared_data / "qcew/2016.q1-q4.by_area/ohio_counties_and_statewide"),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.time() + 120
    for line in proc.stdout:
        if int(line.split()[0]) >= 20 or time.time() > deadline:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    # The killed load staged its parts under its process id; any open, even a read-only one, sweeps them.
    staged = db.with_name(db.name + ".parts") / f"staging-{proc.pid}"
    assert any(p.name.startswith("part-") for p in staged.iterdir())
    with Store.open(db, read_only=True) as store:
        assert not staged.exists()
        assert rows_of(store) == before_rows
    with Store.open(db) as store:
        assert store.ledger() == before_ledger
        assert rows_of(store) == before_rows
        # Parts the killed load had written are not in the catalog, and the writable open removed them.
        live = {p for (p,) in store.sql("SELECT part FROM qcew_parts").fetchall()}
        assert {p.name for p in store.parts.iterdir()} == live


COMMIT_KILL_SCRIPT = """
import sys, time
from sectorhub.lmi.store import Store
def stall(self, years):  # the refresh of national shares: the longest step of the commit on a national load
    print("committing", flush=True)
    time.sleep(60)
Store._refresh_reference = stall
Store.open(sys.argv[1]).load([sys.argv[2]])
"""


def test_parts_a_load_killed_inside_its_commit_moved_are_removed_by_the_next_read_only_open(
    shared_data, tmp_path
):
    """SIGKILL after the staged parts moved beside the catalogued ones, before COMMIT: the next open of any kind
    (here a read-only query, as `lmi region` or the web makes) deletes them, and the rows are the earlier load's."""
    db = tmp_path / "lmi.duckdb"
    with Store.open(db) as store:
        store.load([shared_data / SLICES])
        before_rows = rows_of(store)
        live = {p for (p,) in store.sql("SELECT part FROM qcew_parts").fetchall()}
    env = {**os.environ, "SECTORHUB_DATA": str(shared_data)}
    ohio = shared_data / "qcew/2016.q1-q4.by_area/ohio_counties_and_statewide"
    proc = subprocess.Popen(
        [sys.executable, "-c", COMMIT_KILL_SCRIPT, str(db), str(ohio)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout.readline().strip() == "committing"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    parts = db.with_name(db.name + ".parts")
    orphans = {p.name for p in parts.glob("part-*")} - live
    assert orphans  # the killed commit had moved its parts out of staging
    with Store.open(db, read_only=True) as store:
        assert {p.name for p in parts.iterdir()} == live
        assert rows_of(store) == before_rows


def test_a_large_file_streamed_into_its_part_loads_the_same_rows(shared_data, tmp_path, monkeypatch):
    """Large plain files take the streaming path (parse, convert, write in one pipeline): same rows, same checks."""
    from sectorhub.lmi import store as store_module

    src = shared_data / SLICES / "morpc-qcew-2020-a-39049.csv.gz"
    header, rows = parsed(src)
    plain = write_csv(tmp_path / "plain.csv", header, rows)
    whole = Store.memory()
    whole.load([plain])
    monkeypatch.setattr(store_module, "STREAM_BYTES", 0)
    streamed = Store.memory()
    result = streamed.load([plain])
    assert result.rows_loaded == 2255 and rows_of(streamed) == rows_of(whole)
    assert streamed.ledger()[0]["sha256"] == hashlib.sha256(plain.read_bytes()).hexdigest()
    assert streamed.load([plain]).files[0].status == "unchanged"
    # A bad value is still reported with its line and column, and nothing is loaded.
    bad = [list(r) for r in rows]
    bad[6][header.index("annual_avg_emplvl")] = "12a"
    empty = Store.memory()
    with pytest.raises(LoadError) as info:
        empty.load([write_csv(tmp_path / "bad.csv", header, bad)])
    error = info.value.errors[0]
    assert error.line == 8 and "annual_avg_emplvl" in str(error.column)
    assert empty.sql("SELECT count(*) FROM qcew").fetchone()[0] == 0
    assert list(empty.parts.iterdir()) == []


def test_a_streamed_file_with_a_bad_code_names_its_line(shared_data, tmp_path, monkeypatch):
    """The code checks of the streaming path (made in the same pass as the part's statistics)."""
    from sectorhub.lmi import store as store_module

    src = shared_data / SLICES / "morpc-qcew-2020-a-39049.csv.gz"
    header, rows = parsed(src)
    bad = [list(r) for r in rows]
    bad[41][header.index("disclosure_code")] = "X"
    monkeypatch.setattr(store_module, "STREAM_BYTES", 0)
    store = Store.memory()
    with pytest.raises(LoadError) as info:
        store.load([write_csv(tmp_path / "code.csv", header, bad)])
    error = info.value.errors[0]
    assert (error.line, error.message) == (43, "unknown disclosure code 'X'")
    assert "disclosure_code" in str(error.column)
    assert store.ledger() == [] and list(store.parts.iterdir()) == []


def test_a_store_written_before_parts_existed_is_moved_into_a_part(tmp_path):
    """An earlier version kept the rows in a table `qcew`: opening the store moves them into a part, unchanged."""
    import duckdb

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute(
        "CREATE TABLE qcew (area_fips VARCHAR, own_code VARCHAR, industry_code VARCHAR, agglvl_code VARCHAR, "
        "size_code VARCHAR, year INTEGER, qtr VARCHAR, disclosure_code VARCHAR, estabs BIGINT, emplvl DOUBLE, "
        "total_wages BIGINT, file_id INTEGER)"
    )
    con.execute(
        "INSERT INTO qcew VALUES ('39049', '5', '10', '71', '0', 2020, 'A', '', 30000, 650000, 40000000000, 1), "
        "('39049', '5', '54', '74', '0', 2020, 'A', 'N', 12, NULL, NULL, 1)"
    )
    con.close()
    with Store.open(db) as store:
        assert store.sql(
            "SELECT table_type FROM information_schema.tables WHERE table_name = 'qcew'"
        ).fetchall() == [("VIEW",)]
        got = store.sql(
            "SELECT industry_code, estabs, emplvl, total_wages, emp_m1 FROM qcew ORDER BY 1"
        ).fetchall()
        assert got == [("10", 30000, 650000.0, 40000000000, None), ("54", 12, None, None, None)]
        (part,) = store.sql("SELECT part, rows, years, areas FROM qcew_parts").fetchall()
        assert part[1:] == (2, [2020], ["39049"]) and (store.parts / part[0]).is_file()


def test_rows_added_by_code_form_a_part_and_withheld_values_read_as_null():
    """`Store.add_rows` (the benchmark's generated panel): a part of its own; the view applies disclosure codes."""
    store = Store.memory()
    n = store.add_rows(
        "SELECT * FROM (VALUES ('39049', '5', '10', '71', '0', 2020, 'A', '', 5, 7.0), "
        "('39041', '5', '10', '71', '0', 2020, 'A', 'N', 3, 0.0)) "
        "t(area_fips, own_code, industry_code, agglvl_code, size_code, year, qtr, disclosure_code, estabs, emplvl)"
    )
    assert n == 2
    got = store.sql("SELECT area_fips, estabs, emplvl, total_wages FROM qcew ORDER BY 1").fetchall()
    assert got == [("39041", 3, None, None), ("39049", 5, 7.0, None)]
    with pytest.raises(ValueError, match="key columns"):  # refused, and nothing is added
        store.add_rows("SELECT 1 AS nothing")
    assert store.sql("SELECT count(*) FROM qcew_parts").fetchone()[0] == 1


def test_a_store_whose_parts_are_missing_says_so_when_opened(shared_data, tmp_path):
    """The database without its .parts folder (a partial backup) is refused with a message, not a query error."""
    db = tmp_path / "lmi.duckdb"
    with Store.open(db) as store:
        store.load([shared_data / SLICES / "morpc-qcew-2020-a-39049.csv.gz"])
        (part,) = list(store.parts.iterdir())
    part.unlink()
    with pytest.raises(FileNotFoundError, match=r"missing from .*lmi\.duckdb\.parts"):
        Store.open(db, read_only=True)


NOT_LOADED = "has no completed load yet: run `sectorhub lmi load FILES`"


@pytest.mark.parametrize(
    "args, says",
    [
        (["lmi", "region", "--counties", "39049,39041", "--year", "2016", "--period", "A"], NOT_LOADED),
        (["lmi", "export", "--areas", "39049"], NOT_LOADED),
        (["lmi", "ledger"], NOT_LOADED),
        (
            ["package", "build", "--counties", "39049", "--year", "2016", "--period", "A", "--out", "x.html"],
            "2016 annual average is not loaded for every county of the region; missing: 39049",
        ),
    ],
)
def test_a_store_that_never_completed_a_load_answers_with_a_message_not_a_traceback(tmp_path, args, says):
    """Opened for writing once (so its tables exist) but never loaded: every reader says to run `lmi load`."""
    from typer.testing import CliRunner

    from sectorhub.cli import app

    db = tmp_path / "lmi.duckdb"
    Store.open(db).close()
    result = CliRunner().invoke(app, [*args, "--store", str(db)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    text = " ".join(result.output.split())  # rich wraps long lines
    assert says in text


def test_a_writable_store_without_a_load_refuses_queries_with_not_loaded_error():
    """In code, the same: a query needing the national shares raises NotLoadedError, not Ibis's TableNotFound."""
    from sectorhub.lmi.custom_regions import region_industries
    from sectorhub.lmi.store import NotLoadedError

    store = Store.memory()
    with pytest.raises(NotLoadedError, match="no completed load"):
        region_industries(store, counties=["39049"], year=2016, period="A")
    store.close()


def test_statewide_files_are_written_into_a_part_of_their_own(shared_data, tmp_path):
    """The refresh of national shares reads the U.S. and statewide rows only: they get their own part, so the
    county parts' row groups are never decoded for it. Ohio's folder: 88 counties, "unknown", the statewide file."""
    with Store.open(tmp_path / "lmi.duckdb") as store:
        store.load([shared_data / "qcew/2016.q1-q4.by_area/ohio_counties_and_statewide"])
        parts = store.sql("SELECT areas FROM qcew_parts").fetchall()
        assert [["39000"]] in [[a] for (a,) in parts]
        assert all("39000" not in areas for (areas,) in parts if areas != ["39000"])
        assert sum(len(a) for (a,) in parts) == 90


def test_the_reference_areas_are_the_us_file_and_every_two_digit_statewide_code():
    """Worked by hand: the constant list the refresh filters on means `US000` or `[0-9]{2}000`, nothing else."""
    import re

    from sectorhub.lmi.schema import REFERENCE_AREAS

    codes = [
        "US000",
        "39000",
        "01000",
        "72000",
        "99000",
        "00000",
        "39049",
        "C1018",
        "CS566",
        "USMSA",
        "3900",
        "390000",
    ]
    expected = [c for c in codes if re.fullmatch(r"US000|[0-9]{2}000", c)]
    assert (
        [c for c in codes if c in REFERENCE_AREAS]
        == expected
        == ["US000", "39000", "01000", "72000", "99000", "00000"]
    )
    assert len(REFERENCE_AREAS) == 101
