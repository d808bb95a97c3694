"""Training supply against demand: the CIP->SOC allocation conserves completers; openings and gaps by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from sectorhub.lmi.sources import cip_soc, ipeds
from sectorhub.lmi.sources.cip_soc import CodeError
from sectorhub.lmi.supply.training import (
    allocation_weights,
    annual_openings,
    gap_table,
    to_oews_code,
    training_supply,
)

LINKS = pd.DataFrame(
    {
        "cip_code": ["51.3801", "51.3801", "51.3902", "11.0701", "11.0701", "11.0701"],
        "soc_code": ["29-1141", "25-1072", "29-2061", "15-1221", "15-1252", "25-1021"],
    }
)
COMPLETIONS = pd.DataFrame(
    {"cip_code": ["51.3801", "51.3902", "11.0701", "24.0101"], "completers": [200, 50, 90, 40]}
)


def test_equal_split_worked_by_hand():
    """51.3801 (200) -> 2 SOCs, 100 each; 51.3902 (50) -> 1 SOC; 11.0701 (90) -> 3 SOCs, 30 each.

    24.0101 (40) has no linked SOC: unallocated. Allocated 200 + 50 + 90 = 340 = 380 - 40.
    """
    s = training_supply(COMPLETIONS, LINKS, rule="equal")
    got = s.table.set_index("soc_code")["supply"].to_dict()
    assert got == pytest.approx(
        {"29-1141": 100, "25-1072": 100, "29-2061": 50, "15-1221": 30, "15-1252": 30, "25-1021": 30}
    )
    assert s.table["supply"].sum() + s.unallocated["completers"].sum() == pytest.approx(s.completers) == 380
    assert list(s.unallocated["cip_code"]) == ["24.0101"]


def test_openings_split_worked_by_hand():
    """Openings 29-1141 300, 25-1072 100 -> 51.3801 splits 200 as 150 / 50.

    11.0701: 15-1221 0, 15-1252 60, 25-1021 unknown (0) -> all 90 to 15-1252.
    """
    openings = pd.Series({"29-1141": 300.0, "25-1072": 100.0, "15-1221": 0.0, "15-1252": 60.0})
    s = training_supply(COMPLETIONS, LINKS, rule="openings", openings=openings)
    got = s.table.set_index("soc_code")["supply"]
    assert got["29-1141"] == pytest.approx(150) and got["25-1072"] == pytest.approx(50)
    assert got["15-1252"] == pytest.approx(90) and got.get("15-1221", 0) == pytest.approx(0)
    assert got.sum() == pytest.approx(340)


def test_a_cip_whose_occupations_have_no_openings_falls_back_to_equal():
    w = allocation_weights(LINKS, "openings", pd.Series({"29-2061": 0.0}))
    assert w.loc[w["cip_code"] == "11.0701", "weight"].tolist() == pytest.approx([1 / 3] * 3)


def test_weights_sum_to_one_for_every_cip_of_the_real_crosswalk(shared_data):
    w = allocation_weights(cip_soc.cip_soc_links(), "equal")
    assert w.groupby("cip_code")["weight"].sum().to_numpy() == pytest.approx(1.0)


def test_completers_read_from_an_ipeds_file_are_conserved_through_the_real_crosswalk(shared_data, tmp_path):
    """A file written here: 51.3801 120 + 80, 11.0701 35, 52.0201 64 first-major completers = 299 in all."""
    path = tmp_path / "c2023_a.csv"
    path.write_text(
        "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT\n1,51.3801,1,3,120\n1,51.3801,1,5,80\n1,11.0701,1,5,35\n"
        "2,52.0201,1,5,64\n2,99,1,5,299\n",
        encoding="utf-8",
    )
    comp = ipeds.read_completions(path).table
    links = cip_soc.cip_soc_links()
    known = set(cip_soc.read_crosswalk()["cip_code"])
    for rule, openings in (("equal", None), ("openings", pd.Series({"29-1141": 10.0, "11-1021": 5.0}))):
        s = training_supply(comp, links, rule=rule, openings=openings, known_cips=known)
        assert s.completers == 299
        assert s.table["supply"].sum() + s.unallocated["completers"].sum() == pytest.approx(299)
    # 51.3801 links to two SOCs: potential supply counts all 200 for each of them.
    assert s.table.set_index("soc_code").loc["29-1141", "potential_supply"] == 200


def test_an_unknown_cip_code_is_a_clear_error():
    comp = pd.DataFrame({"cip_code": ["51.3801", "98.7654"], "completers": [1, 2]})
    with pytest.raises(CodeError, match="not in CIP 2020: 98.7654"):
        training_supply(comp, LINKS, known_cips={"51.3801"})
    with pytest.raises(CodeError, match="not a 6-digit CIP code"):
        training_supply(pd.DataFrame({"cip_code": ["51"], "completers": [1]}), LINKS)


def test_openings_and_gap_worked_by_hand():
    """Employment 1,000 and 200; separation rate 0.1; annual change +20 and -5.

    openings = 20 + 100 = 120 and -5 + 20 = 15. Supply (equal split above) 29-1141 100, 25-1072 100:
    gap 120 - 100 = 20, ratio 100/120; 25-1072 gap 15 - 100 = -85.
    """
    emp = pd.DataFrame({"soc_code": ["29-1141", "25-1072"], "employment": [1000.0, 200.0]})
    o = annual_openings(emp, 0.1, pd.Series({"29-1141": 20.0, "25-1072": -5.0}))
    assert o["openings"].tolist() == pytest.approx([120, 15])
    s = training_supply(COMPLETIONS, LINKS)
    g = gap_table(o, s, {"29-1141": "Registered Nurses"}).set_index("soc_code")
    assert g.loc["29-1141", "gap"] == pytest.approx(20) and g.loc["29-1141", "ratio"] == pytest.approx(
        100 / 120
    )
    assert g.loc["25-1072", "gap"] == pytest.approx(-85)
    assert g.loc["29-1141", "title"] == "Registered Nurses"


def test_a_missing_separation_rate_is_named():
    emp = pd.DataFrame({"soc_code": ["29-1141"], "employment": [10.0]})
    with pytest.raises(ValueError, match="no separation rate for occupation\\(s\\): 29-1141"):
        annual_openings(emp, pd.Series({"25-1072": 0.1}))


def test_soc_detail_codes_map_to_the_oews_code():
    """OEWS shows 31-1120 (Home Health and Personal Care Aides), not 31-1121 / 31-1122."""
    codes = {"31-1120", "29-1141"}
    assert to_oews_code("31-1122", codes) == "31-1120"
    assert to_oews_code("29-1141", codes) == "29-1141"
