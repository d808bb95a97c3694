"""SQL compiled from the engine's Ibis measures, for the store's refresh after a load.

A load recomputes the national reference shares for the years it touched. Compiling those Ibis expressions costs about a second of imports and compilation in a fresh process,
more than the computation itself, so the compiled SQL is kept in ``sql/`` beside this module. The files are
generated, never edited: ``python -m sectorhub.lmi.compiled`` rewrites them, and ``tests/lmi/test_compiled.py``
fails whenever they differ from what the measures compile to now, so the stored SQL is always the measures'.

The queries read the view ``qcew`` and a table ``_refresh_years(year INTEGER)`` naming the years to refresh.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

QUERIES = ("reference_estimated", "reference_us")
SQL_DIR = Path(__file__).with_name("sql")


def compile_all() -> dict[str, str]:
    """Compile every refresh query from the Ibis measures (imports Ibis)."""
    import ibis

    from sectorhub.lmi import measures
    from sectorhub.lmi.schema import COLUMNS

    types = {"VARCHAR": "string", "INTEGER": "int32", "BIGINT": "int64", "DOUBLE": "float64"}
    qcew = ibis.table({c: types[t] for c, t in COLUMNS}, name="qcew")
    years = ibis.table({"year": "int32"}, name="_refresh_years")
    q = qcew.semi_join(years, "year")
    exprs = {
        "reference_estimated": measures.all_references(q, estimate=True),
        # Without the estimate only the U.S. rows are read (their own totals are the denominators).
        "reference_us": measures.all_references(q.filter(q.area_fips == "US000"), estimate=False),
    }
    return {name: ibis.to_sql(expr, dialect="duckdb").strip() + "\n" for name, expr in exprs.items()}


@cache
def query(name: str) -> str:
    """The stored SQL of one refresh query."""
    if name not in QUERIES:
        raise KeyError(name)
    return resources.files("sectorhub.lmi").joinpath("sql", f"{name}.sql").read_text()


def main() -> None:
    """Rewrite ``sql/*.sql`` from the measures."""
    SQL_DIR.mkdir(exist_ok=True)
    for name, sql in compile_all().items():
        (SQL_DIR / f"{name}.sql").write_text(sql)
        print(f"wrote {SQL_DIR / (name + '.sql')}")


if __name__ == "__main__":
    main()
