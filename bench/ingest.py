"""Benchmark 1: ingest. ``Store.load`` against DuckDB's and Polars' own CSV readers on the same files.

Every reader turns the same BLS CSVs into one in-memory/in-store table with the code columns kept as text. The
engine does more (types, suppressed values to NULL, validation with file/line/column errors, a ledger, the
national reference shares), which is exactly the overhead this benchmark prices. Checksums: rows, suppressed
rows, the sum of disclosed employment and of establishments must be equal for all three readers.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from bench._harness import OUT, Row, Timer, checksums_agree, child_main, median, peak, remove_store, repeat
from sectorhub.lmi.sources.qcew import CODE_COLUMNS

CODES = CODE_COLUMNS  # BLS code columns, read as text
CODES_ALL = (*CODES, "lq_disclosure_code", "oty_disclosure_code")


def _files(inp: str) -> list[Path]:
    p = Path(inp)
    return sorted(p.rglob("*.csv*")) if p.is_dir() else [p]


def _emp_column(path: Path) -> str:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt") as fh:
        header = fh.readline()
    return "annual_avg_emplvl" if "annual_avg_emplvl" in header else "month1_emplvl"


def _estabs_column(path: Path) -> str:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt") as fh:
        header = [h.strip('"') for h in fh.readline().strip().split(",")]
    return next(h for h in header if h.endswith("estabs") or h.endswith("estabs_count"))


def case_engine(timer: Timer, input: str, store: str) -> dict:
    """``Store.open`` on a fresh file, then ``Store.load`` of every file.

    Like the peers, whose ``import duckdb`` / ``import polars`` run before the timer, the engine's parser (which
    the store imports only when a load starts, so the CLI starts fast) is imported before it: 0.4 s of importing
    Polars is not load time.
    """
    import sectorhub.lmi.sources.qcew_rows  # noqa: F401 - imported outside the timer, as the peers' modules are
    from sectorhub.lmi.store import Store

    path = Path(store)
    remove_store(path)
    with timer("load"):
        st = Store.open(path)
        result = st.load(_files(input))
    emp = "emplvl" if _emp_column(_files(input)[0]) == "annual_avg_emplvl" else "emp_m1"
    rows, supp, emp_sum, est = st.sql(
        f"SELECT count(*), count(*) FILTER (disclosure_code IN ('N','-')), sum({emp}), sum(estabs) FROM qcew"
    ).fetchone()
    st.close()
    assert result.rows_loaded == rows
    return {"checksum": {"rows": rows, "suppressed": supp, "emp": float(emp_sum), "estabs": float(est)}}


def case_duckdb(timer: Timer, input: str) -> dict:
    """DuckDB ``CREATE TABLE AS SELECT * FROM read_csv([...])``, code columns typed VARCHAR."""
    import duckdb

    files = _files(input)
    emp, est = _emp_column(files[0]), _estabs_column(files[0])
    con = duckdb.connect()
    types = ", ".join(f"'{c}': 'VARCHAR'" for c in CODES_ALL)
    listing = ", ".join(f"'{f}'" for f in files)
    with timer("load"):
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv([{listing}], types={{{types}}})")
    rows, supp, emp_sum, est_sum = con.execute(
        f"SELECT count(*), count(*) FILTER (disclosure_code IN ('N','-')), "
        f"sum({emp}) FILTER (coalesce(disclosure_code,'') NOT IN ('N','-')), sum({est}) FROM t"
    ).fetchone()
    return {"checksum": {"rows": rows, "suppressed": supp, "emp": float(emp_sum), "estabs": float(est_sum)}}


def case_polars(timer: Timer, input: str) -> dict:
    """Polars ``scan_csv().collect()`` (plain files) or ``read_csv`` per gzip file and ``concat``."""
    import polars as pl

    files = _files(input)
    emp, est = _emp_column(files[0]), _estabs_column(files[0])
    overrides = {c: pl.Utf8 for c in CODES_ALL}
    with timer("load"):
        if all(f.suffix != ".gz" for f in files):
            df = pl.scan_csv(files, schema_overrides=overrides).collect()
        else:
            df = pl.concat(
                [pl.read_csv(f, schema_overrides=overrides) for f in files], how="vertical_relaxed"
            )
    code = pl.col("disclosure_code").fill_null("")
    supp_mask = code.is_in(["N", "-"])
    out = df.select(
        rows=pl.len(),
        suppressed=supp_mask.sum(),
        emp=pl.col(emp).filter(~supp_mask).sum(),
        estabs=pl.col(est).sum(),
    ).row(0, named=True)
    return {"checksum": {k: (float(v) if k in ("emp", "estabs") else int(v)) for k, v in out.items()}}


CASES = {"engine": case_engine, "duckdb": case_duckdb, "polars": case_polars}


def run(inputs: dict[str, Path], reps: int, log) -> list[Row]:
    """Benchmark each named input; the baseline is the faster raw reader measured in the same run."""
    rows: list[Row] = []
    for label, path in inputs.items():
        n_rows = None
        runs = repeat(
            "ingest",
            {
                "duckdb": {"input": path},
                "polars": {"input": path},
                "engine": {"input": path, "store": OUT / "ingest.duckdb"},
            },
            reps,
            log,
        )
        agree = checksums_agree(runs, "duckdb")
        n_rows = runs["duckdb"][0].checksum["rows"]
        secs = {c: median(rs, "load") for c, rs in runs.items()}
        fastest = min(("duckdb", "polars"), key=lambda c: secs[c])
        for case in ("duckdb", "polars", "engine"):
            ratio = secs[fastest] / secs[case]
            target, verdict = "", ""
            if case == "engine":
                target = "≥ 0.70 of faster reader, ≤ 2,500 MB"
                ok = ratio >= 0.70 and peak(runs[case]) <= 2500
                verdict = "met" if ok else "MISSED"
            rows.append(
                Row(
                    "1 ingest",
                    f"{label}: {case} ({n_rows / secs[case] / 1e6:.2f} M rows/s)",
                    f"{fastest} reader",
                    ratio,
                    secs[case],
                    peak(runs[case]),
                    "same" if agree[case] else "DIFFERENT",
                    target,
                    verdict,
                )
            )
    return rows


if __name__ == "__main__":
    child_main(CASES)
