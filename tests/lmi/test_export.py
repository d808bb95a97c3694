"""`lmi export`: LQ disclosure codes computed by SectorHub, undetermined LQs empty, the reference noted once."""

from __future__ import annotations

import pytest

from sectorhub.lmi import measures
from sectorhub.lmi.export import _csv_text, export_frame
from sectorhub.lmi.store import Store
from tests.lmi.test_measures import write_annual

# U.S. 1000 jobs; private 800; private finance (52) 100. No U.S. row for local-government libraries (3, 519120):
# their national share cannot be determined, as for Cook County's libraries in the 2016 national set.
US = [
    dict(area="US000", own="0", ind="10", agg="10", emp=1000),
    dict(area="US000", own="5", ind="10", agg="11", emp=800),
    dict(area="US000", own="5", ind="52", agg="14", emp=100),
]
COUNTY = [
    dict(area="17031", own="0", ind="10", agg="70", emp=200),
    dict(area="17031", own="5", ind="10", agg="71", emp=150),
    dict(area="17031", own="5", ind="52", agg="74", emp=40),
    dict(area="17031", own="3", ind="519120", agg="78", emp=30),
    dict(area="17031", own="5", ind="5221", agg="76", emp=0, disc="N"),
]


@pytest.fixture
def exported(tmp_path):
    store = Store.memory()
    store.load([write_annual(tmp_path / "us.csv", US), write_annual(tmp_path / "cook.csv", COUNTY)])
    df = export_frame(store, areas=["17031"], year=2020, period="A").set_index(["own_code", "industry_code"])
    yield df
    store.close()


def test_an_lq_whose_national_share_is_unknown_is_empty_with_code_n_never_zero(exported):
    """Local-government libraries: 30 jobs, no national share: empty LQ, lq_disclosure_code N."""
    row = exported.loc[("3", "519120")]
    assert row["annual_avg_emplvl"] == 30
    assert row["disclosure_code"] == ""
    assert row["lq_disclosure_code"] == "N"
    assert row[["lq_annual_avg_emplvl", "lq_total_annual_wages"]].isna().all()
    text = _csv_text(exported.reset_index()).set_index(["own_code", "industry_code"])
    assert text.loc[("3", "519120"), "lq_annual_avg_emplvl"] == ""


def test_lq_disclosure_code_is_computed_not_copied(exported):
    """Finance: (40/200)/(100/1000) = 2.00, disclosed (code empty); the withheld 5221 cell: N, LQ 0 as BLS writes."""
    finance = exported.loc[("5", "52")]
    assert finance["lq_annual_avg_emplvl"] == 2.0
    assert finance["lq_disclosure_code"] == ""
    withheld = exported.loc[("5", "5221")]
    assert withheld["lq_disclosure_code"] == "N"
    assert withheld["lq_annual_avg_emplvl"] == 0.0


def test_the_lq_reference_note_says_each_kind_once():
    """49 near-identical clauses become one: the count of statewide files is given as a range."""
    refs = [f"estimated from the published LQs of {n} statewide files" for n in range(3, 52)] * 2
    note = measures.reference_note([*refs, None, "U.S. file (US000)"])
    assert note == "U.S. file (US000); estimated from the published LQs of 3 to 51 statewide files"
    assert measures.reference_note(["state file (39000)"]) == "state file (39000)"
