"""The public entry points pages and packages call: region occupations (with a real store), workforce skills,
training gaps, and the documented settings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sectorhub.lmi import supply
from sectorhub.lmi.sources.cip_soc import CodeError
from sectorhub.lmi.store import Store
from sectorhub.lmi.supply.cli import industry_employment
from tests.lmi.conftest import county_file

DOCS = Path(__file__).resolve().parents[3] / "docs" / "methods-supply.md"


@pytest.fixture(scope="module")
def two_county_store(shared_data, tmp_path_factory):
    """Franklin (39049) and Delaware (39041) 2016 quarters and 2020 annual averages, loaded into a store."""
    store = Store.open(tmp_path_factory.mktemp("supply") / "lmi.duckdb")
    slices = shared_data / "qcew/2020.open_data_slices"
    store.load(
        [
            county_file(shared_data, "39049"),
            county_file(shared_data, "39041"),
            slices / "morpc-qcew-2020-a-39049.csv.gz",
            slices / "morpc-qcew-2020-a-39041.csv.gz",
        ]
    )
    yield store
    store.close()


def test_region_occupations_from_the_store_conserve_employment(two_county_store):
    """Every job of the region's industries is either on an occupation, unallocated or unmapped."""
    counties = ["39049", "39041"]
    now = industry_employment(two_county_store, counties, 2020, "A", "3")
    before = industry_employment(two_county_store, counties, 2016, "A", "3")
    assert set(now["own_code"]) == {"1", "2", "3", "5"}
    report = supply.occupations_for_region(
        now, counties=counties, base_industry_employment=before, growth_label="2016 to 2020"
    )
    d = report.demand
    assert d.table["employment"].sum() + d.unallocated + d.unmapped == pytest.approx(now["employment"].sum())
    assert list(report.table.columns[:7]) == [
        "soc_code",
        "title",
        "employment",
        "growth",
        "median_wage",
        "wage_source",
        "typical_education",
    ]
    assert report.table["growth"].notna().mean() > 0.9
    assert any("2016 to 2020" in n for n in report.notes)
    assert report.attribution == supply.ONET_ATTRIBUTION


def test_a_target_sector_keeps_only_its_industries(two_county_store):
    counties = ["39049", "39041"]
    now = industry_employment(two_county_store, counties, 2020, "A", "3")
    report = supply.occupations_for_region(now, counties=counties, industries=["62"])
    assert set(report.demand.mapping["industry_code"].str[:2]) == {"62"}
    assert report.table.iloc[0]["soc_code"] in {"29-1141", "31-1120"}


def hospitals() -> supply.SupplyReport:
    inds = pd.DataFrame({"industry_code": ["622"], "employment": [10000.0]})
    return supply.occupations_for_region(inds, counties=["39049", "39041"])


def test_workforce_skills_compare_the_metro_mix_with_the_sector(shared_data):
    report = supply.workforce_skills(["39049", "39041"], hospitals())
    t = report.table
    assert {"element_id", "demand_level", "supply_level", "difference"} <= set(t.columns)
    assert t["difference"].tolist() == pytest.approx((t["supply_level"] - t["demand_level"]).tolist())
    assert t["difference"].is_monotonic_increasing
    assert "Columbus, OH (workforce occupational mix)" in report.sources[0]
    # Hospitals need more medical knowledge than Columbus's workforce as a whole has.
    assert t.set_index("element_name").loc["Medicine and Dentistry", "difference"] < 0


def test_training_gaps_worked_by_hand(shared_data):
    """300 completers in 51.3801 (Registered Nursing), split equally over its two SOCs: 150 to 29-1141.

    Openings with a 10 % separation rate and no growth: 0.1 x the nurses estimated in the hospitals table.
    """
    occ = hospitals().table
    rn_jobs = occ.set_index("soc_code").loc["29-1141", "employment"]
    comp = pd.DataFrame({"cip_code": ["51.3801"], "completers": [300]})
    gaps = supply.training_gaps(comp, occ, separation_rate=0.1).table.set_index("soc_code")
    assert gaps.loc["29-1141", "supply"] == pytest.approx(150)
    assert gaps.loc["29-1141", "potential_supply"] == 300
    assert gaps.loc["29-1141", "openings"] == pytest.approx(0.1 * rn_jobs)
    assert gaps.loc["29-1141", "gap"] == pytest.approx(0.1 * rn_jobs - 150)
    assert gaps["supply"].sum() == pytest.approx(300)


def test_training_gaps_refuse_an_unknown_cip(shared_data):
    comp = pd.DataFrame({"cip_code": ["51.3801", "98.7654"], "completers": [1, 1]})
    with pytest.raises(CodeError, match="not in CIP 2020: 98.7654"):
        supply.training_gaps(comp, hospitals().table, separation_rate=0.1)


def test_every_supply_setting_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    for setting in supply.SETTINGS:
        assert f"`{setting.name}`" in text, f"{setting.name} is not documented in {DOCS.name}"
