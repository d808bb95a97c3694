"""SQL compiled from the engine's Ibis measures: the store's refresh after a load, and the region query.

A load recomputes the national reference shares for the years it touched, and ``sectorhub lmi region`` sums a
region's counties. Compiling those Ibis expressions costs about half a second to a second of imports and
compilation in a fresh process, more than the computation itself (the region query runs in 50 ms on the
national store), so the compiled SQL is kept in ``sql/`` beside this module. The files are
generated, never edited: ``python -m sectorhub.lmi.compiled`` rewrites them, and ``tests/lmi/test_compiled.py``
fails whenever they differ from what the measures compile to now, so the stored SQL is always the measures'.

The refresh queries read the view ``qcew`` and a table ``_refresh_years(year INTEGER)`` naming the years to
refresh. The region query reads ``qcew``, ``reference_shares``, ``industry_titles`` and the request table
``_region_request`` (:meth:`sectorhub.lmi.store.Store.request`); its ownership and aggregation level are
placeholders that :func:`sectorhub.lmi.regions.region_sql` fills with checked codes.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

QUERIES = ("reference_estimated", "reference_us", "region")
SQL_DIR = Path(__file__).with_name("sql")


def compile_all() -> dict[str, str]:
    """Compile every refresh query from the Ibis measures (imports Ibis)."""
    import ibis

    from sectorhub.lmi import measures, regions
    from sectorhub.lmi.schema import COLUMNS

    types = {"VARCHAR": "string", "INTEGER": "int32", "BIGINT": "int64", "DOUBLE": "float64"}
    qcew = ibis.table({c: types[t] for c, t in COLUMNS}, name="qcew")
    years = ibis.table({"year": "int32"}, name="_refresh_years")
    q = qcew.semi_join(years, "year")
    exprs = {
        "reference_estimated": measures.all_references(q, estimate=True),
        # Without the estimate only the U.S. rows are read (their own totals are the denominators).
        "reference_us": measures.all_references(q.filter(q.area_fips == "US000"), estimate=False),
        "region": regions.region_expr(
            qcew,
            ibis.table(
                {"kind": "string", "code": "string", "year": "int32", "qtr": "string"}, "_region_request"
            ),
            ibis.table(
                {
                    **{"year": "int32", "qtr": "string", "own_code": "string", "industry_code": "string"},
                    "reference": "string",
                    **{f"share_{m}": "float64" for m in measures.ALL_MEASURES},
                },
                name="reference_shares",
            ),
            ibis.table({"industry_code": "string", "industry_title": "string"}, name="industry_titles"),
            regions.OWNERSHIP_MARK,
            regions.AGGLVL_MARK,
        ),
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
