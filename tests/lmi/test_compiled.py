"""The store's refresh SQL is the measures' own: the stored files equal what Ibis compiles now."""

from __future__ import annotations

from sectorhub.lmi import compiled


def test_the_stored_refresh_sql_is_what_the_measures_compile_to():
    fresh = compiled.compile_all()
    assert set(fresh) == set(compiled.QUERIES)
    for name, sql in fresh.items():
        assert compiled.query(name) == sql, f"sql/{name}.sql is stale: run `python -m sectorhub.lmi.compiled`"


def test_the_shares_a_load_stores_equal_the_measures_evaluated_directly(loaded_store):
    """The shares the store keeps equal the Ibis expression evaluated directly (U.S. file absent: estimated)."""
    from sectorhub.lmi import measures

    q = loaded_store.table("qcew")
    q = q.filter(q.year == 2016)
    direct = measures.all_references(q, estimate=True).to_pandas()
    stored = loaded_store.table("reference_shares")
    stored = stored.filter(stored.year == 2016).to_pandas()
    keys = ["year", "qtr", "own_code", "industry_code"]
    a = direct.sort_values(keys).reset_index(drop=True)
    b = stored[a.columns].sort_values(keys).reset_index(drop=True)
    assert len(a) == len(b) > 1000
    assert (a.reference == b.reference).all()
    diff = (a.share_emp_m1 - b.share_emp_m1).abs().max()
    assert diff < 1e-12


def test_the_stored_cell_query_is_each_measures_own():
    """The stored cell-LQ SQL (compiled once for a stand-in measure) equals compiling for each measure.

    For ``emplvl``, already DOUBLE in the store, Ibis leaves out the cast to DOUBLE that the stand-in (an integer
    column) gets; that cast is the only difference allowed.
    """
    import re

    from sectorhub.lmi.schema import COLUMNS
    from sectorhub.lmi.sources.qcew import MEASURES

    types = dict(COLUMNS)
    for m in MEASURES:
        for every in (True, False):
            stored = compiled.cells_query(m, every_area=every)
            assert "$1" in stored and "$2" in stored and compiled.MEASURE not in stored
            if types[m] == "DOUBLE":
                stored = re.sub(rf'CAST\(("t\d+"\."{m}") AS DOUBLE\)', r"\1", stored)
            assert stored == compiled.cells_sql(m, every_area=every), (m, every)
