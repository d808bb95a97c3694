"""SQL compiled from the engine's Ibis measures: the store's refresh after a load, the region query and the
cell-LQ questions.

A load recomputes the national reference shares for the years it touched, and ``sectorhub lmi region`` sums a
region's counties. Compiling those Ibis expressions costs about half a second to a second of imports and
compilation in a fresh process, more than the computation itself (the region query runs in 50 ms on the
national store), so the compiled SQL is kept in ``sql/`` beside this module. The files are
generated, never edited: ``python -m sectorhub.lmi.compiled`` rewrites them, and ``tests/lmi/test_compiled.py``
fails whenever they differ from what the measures compile to now, so the stored SQL is always the measures'.

The refresh queries read the view ``qcew`` and a table ``_refresh_years(year INTEGER)`` naming the years to
refresh. The region query reads ``qcew``, ``reference_shares``, ``industry_titles`` and the request table
``_region_request`` (:meth:`sectorhub.lmi.store.Store.request`); its ownership and aggregation level are
placeholders that :func:`sectorhub.lmi.custom_regions.region_sql` fills with checked codes. The cell-LQ
queries (:mod:`sectorhub.lmi.cells`) are compiled once for a stand-in measure (:data:`MEASURE`, replaced by the
measure asked) and take the period as the statement's parameters ``$1`` (year)
and ``$2`` (quarter or ``A``), so that DuckDB prunes the Parquet row groups of other periods; they read the
view ``qcew``, the temporary tables :data:`AREA_TOTALS` and :data:`CELL_REFERENCE` (the stored
``reference_shares`` with the provenance coded) and the request table ``_cells_request`` (aggregation levels,
and areas for ``cells_lq_listed``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

QUERIES = (
    "reference_estimated",
    "reference_us",
    "region",
    "area_totals",
    "cells_lq_every",
    "cells_lq_listed",
)
# The stand-in measure the cell-LQ queries are compiled for, and the stand-in period values that become the
# statement's parameters $1 (year) and $2 (quarter).
MEASURE = "cell_measure"
_YEAR, _QTR = -2_000_000_001, "cell-period"
# The temporary tables the cell-LQ queries read, built once per load (see cells.py): every area's totals, and
# the national shares with their provenance as a small integer code (``reference``) beside its text.
AREA_TOTALS = "_area_totals"
CELL_REFERENCE = "_cells_reference"
SQL_DIR = Path(__file__).with_name("sql")


def compile_all() -> dict[str, str]:
    """Compile every stored query from the Ibis measures (imports Ibis)."""
    import ibis

    from sectorhub.lmi import custom_regions as regions
    from sectorhub.lmi import measures

    qcew = _qcew_table(ibis)
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
                    **{f"share_{k}{m}": "float64" for m in measures.ALL_MEASURES for k in ("", "lo_", "hi_")},
                },
                name="reference_shares",
            ),
            ibis.table({"industry_code": "string", "industry_title": "string"}, name="industry_titles"),
            regions.OWNERSHIP_MARK,
            regions.AGGLVL_MARK,
        ),
        "area_totals": measures.area_totals(qcew, measures.ALL_MEASURES),
    }
    out = {name: ibis.to_sql(expr, dialect="duckdb").strip() + "\n" for name, expr in exprs.items()}
    for kind in ("every", "listed"):
        out[f"cells_lq_{kind}"] = cells_sql(MEASURE, every_area=kind == "every")
    return out


def _qcew_table(ibis, extra: tuple[str, ...] = ()):
    from sectorhub.lmi.schema import COLUMNS

    types = {"VARCHAR": "string", "INTEGER": "int32", "BIGINT": "int64", "DOUBLE": "float64"}
    return ibis.table({**{c: types[t] for c, t in COLUMNS}, **dict.fromkeys(extra, "int64")}, name="qcew")


def cells_sql(measure: str, every_area: bool) -> str:
    """The cell-LQ statement of one measure, compiled from the measures now (imports Ibis).

    ``sectorhub.lmi.cells`` runs the stored SQL compiled for :data:`MEASURE` with the measure's name put in;
    a test checks that this equals compiling for each measure.
    """
    import ibis

    from sectorhub.lmi import measures
    from sectorhub.lmi.schema import COLUMNS

    qcew = _qcew_table(ibis, () if measure in dict(COLUMNS) else (measure,))
    year, qtr = ibis.literal(_YEAR, "int32"), ibis.literal(_QTR, "string")
    totals = ibis.table(
        {"area_fips": "string", "year": "int32", "qtr": "string", f"tot_{measure}": "float64"},
        name=AREA_TOTALS,
    )
    reference = ibis.table(
        {
            "year": "int32",
            "qtr": "string",
            "own_code": "string",
            "industry_code": "string",
            "reference": "int32",
            f"share_{measure}": "float64",
            f"share_lo_{measure}": "float64",
            f"share_hi_{measure}": "float64",
        },
        name=CELL_REFERENCE,
    )
    request = ibis.table({"kind": "string", "code": "string"}, name="_cells_request")
    cells = qcew.filter((qcew.year == year) & (qcew.qtr == qtr) & (qcew.size_code == "0"))
    cells = cells.semi_join(
        request.filter(request.kind == "l").select(agglvl_code=request.code), "agglvl_code"
    )
    if not every_area:
        cells = cells.semi_join(
            request.filter(request.kind == "a").select(area_fips=request.code), "area_fips"
        )
    cells = cells.select("area_fips", "own_code", "industry_code", "agglvl_code", "year", "qtr", measure)
    totals = totals.filter((totals.year == year) & (totals.qtr == qtr))
    reference = reference.filter((reference.year == year) & (reference.qtr == qtr))
    lq = measures.location_quotients(cells, totals, reference, (measure,), one_period=True, intervals=True)
    sql = ibis.to_sql(lq, dialect="duckdb")
    for literal, param in ((str(_YEAR), "$1"), (f"'{_QTR}'", "$2")):
        if literal not in sql:
            raise AssertionError(f"the compiled cell query lost its period parameter {param}")
        sql = sql.replace(literal, param)
    return sql.strip() + "\n"


def cells_query(measure: str, every_area: bool) -> str:
    """The stored cell-LQ statement of one measure (no Ibis): the stand-in measure's SQL, the measure put in."""
    from sectorhub.lmi.sources.qcew import MEASURES

    if measure not in MEASURES:
        raise KeyError(measure)
    sql = query("cells_lq_every" if every_area else "cells_lq_listed")
    # The stand-in name occurs only as a column name or inside one (share_lo_…, lq_…_low): put the measure in.
    return sql.replace(MEASURE, measure)


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
