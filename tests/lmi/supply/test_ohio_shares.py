"""Whole-state check: Ohio's occupational mix estimated from QCEW industry employment x national staffing patterns,
against Ohio's own OEWS occupational employment.

Inputs: Ohio statewide QCEW 2016 (loaded into a store), 3-digit NAICS by ownership (agglvl 55: private, federal,
state, local), annual average employment = mean of the 12 months, cells suppressed in any quarter left out; OEWS May
2025 national industry-by-occupation cells; OEWS May 2025 Ohio (3900000) cross-industry detailed occupations.
Measured on this data: Pearson r = 0.986 over about 830 occupations (Spearman 0.94). The years differ (2016 against
2025), so the floor is set at 0.95 rather than near 1.
"""

from __future__ import annotations

import pandas as pd
import pytest

from sectorhub.lmi.sources import oews
from sectorhub.lmi.store import Store
from sectorhub.lmi.supply.demand import occupation_demand, shares_of_total
from sectorhub.lmi.supply.report import national_patterns
from tests.lmi.conftest import county_file

ANNUAL_3DIGIT = """
SELECT own_code, industry_code,
       CASE WHEN count(*) = 4 AND count(emp_m1) = 4 AND count(emp_m2) = 4 AND count(emp_m3) = 4
            THEN sum(emp_m1 + emp_m2 + emp_m3) / 12.0 END AS employment
FROM qcew
WHERE area_fips = '39000' AND agglvl_code = '55' AND own_code IN ('1', '2', '3', '5') AND year = 2016
GROUP BY own_code, industry_code
"""


@pytest.fixture(scope="module")
def ohio_industries(shared_data):
    store = Store.memory()
    try:
        store.load([county_file(shared_data, "39000")])
        yield store.sql(ANNUAL_3DIGIT).df()
    finally:
        store.close()


def test_estimated_ohio_shares_track_ohio_oews_shares(ohio_industries, capsys):
    patterns, groups, _titles = national_patterns()
    demand = occupation_demand(ohio_industries, patterns, groups)
    with oews.connect() as conn:
        ohio = oews.area_occupations(conn, oews.state_area_code("39"))
    estimated = shares_of_total(demand.table)
    observed = shares_of_total(ohio.dropna(subset=["employment"]))
    both = pd.concat([estimated.rename("estimated"), observed.rename("observed")], axis=1).fillna(0.0)
    r = both["estimated"].corr(both["observed"])
    with capsys.disabled():
        print(
            f"\nOhio occupational shares, estimated vs OEWS: Pearson r = {r:.4f} over {len(both)} occupations"
        )
    assert r > 0.95
    # Employment is conserved: allocated + unallocated + unmapped = the industries' total.
    total = demand.table["employment"].sum() + demand.unallocated + demand.unmapped
    assert total == pytest.approx(demand.industry_employment)
    # Most employment lands on a detailed occupation.
    assert demand.unallocated / demand.industry_employment < 0.02
