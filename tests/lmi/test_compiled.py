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
