"""Metro names to counties (OMB 2015) and the wage fallback chain (metro -> state -> nation) on real OEWS cells."""

from __future__ import annotations

import pandas as pd
import pytest

from sectorhub.lmi.places import PlaceError, check_counties, metro_counties, wage_areas
from sectorhub.lmi.sources import oews
from sectorhub.lmi.supply.wages import occupation_wages
from tests.lmi.conftest import COLUMBUS_MSA_COUNTIES


@pytest.fixture(scope="module")
def conn():
    with oews.connect() as c:
        yield c


def test_a_metro_name_resolves_to_its_counties(shared_data):
    """cbsa2fipsxw_2015: Columbus, OH (18140) has 10 counties, Delaware 39041 ... Union 39159."""
    code, title, counties = metro_counties("Columbus, OH")
    assert (code, title) == ("18140", "Columbus, OH")
    assert counties == COLUMBUS_MSA_COUNTIES


def test_an_ambiguous_or_unknown_name_is_a_clear_error(shared_data):
    with pytest.raises(PlaceError, match="matches .* areas"):
        metro_counties("Columbus")
    with pytest.raises(PlaceError, match="no metropolitan or micropolitan area named 'Atlantis'"):
        metro_counties("Atlantis")
    with pytest.raises(PlaceError, match="not a county FIPS code"):
        check_counties(["39O49"])


def test_the_wage_chain_of_a_metro_region_is_metro_state_nation(conn, shared_data):
    chain = wage_areas(conn, ["39049", "39041"])
    assert [(a.area_code, a.kind) for a in chain] == [
        ("0018140", "metro"),
        ("3900000", "state"),
        ("0000000", "nation"),
    ]


def test_a_renumbered_metro_is_found_by_its_principal_city(conn, shared_data):
    """Dayton was CBSA 19380 in 2015 and is 19430 (Dayton-Kettering-Beavercreek, OH) in OEWS May 2025."""
    assert wage_areas(conn, ["39113"])[0].area_name == "Dayton-Kettering-Beavercreek, OH"


def test_a_region_across_metros_falls_back_to_the_state(conn, shared_data):
    chain = wage_areas(conn, ["39049", "39113"])
    assert chain[0].kind == "state"


def test_wages_walk_the_chain_and_show_their_source(conn, shared_data):
    """Published cells (annual median wage, datatype 13):

    29-1141 Columbus 83,900 (metro). 27-2021 Athletes: Columbus '-' footnote 8 -> Ohio 39,040.
    29-1212 Cardiologists: Columbus '-' footnote 5 (top-coded): no number, flag kept, source Columbus.
    """
    chain = wage_areas(conn, ["39049", "39041"])
    w = occupation_wages(conn, ["29-1141", "27-2021", "29-1212"], chain).set_index("soc_code")
    assert w.loc["29-1141", "median_wage"] == 83900
    assert w.loc["29-1141", "wage_source"] == "OEWS May 2025, Columbus, OH"
    assert w.loc["27-2021", "median_wage"] == 39040
    assert w.loc["27-2021", "wage_source"] == "OEWS May 2025, Ohio"
    assert pd.isna(w.loc["29-1212", "median_wage"])
    assert w.loc["29-1212", "wage_flag"] == oews.FLAG_TOP_CODED
    assert w.loc["29-1212", "wage_area_kind"] == "metro"
