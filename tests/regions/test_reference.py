"""States and counties from BLS's area titles, read from the shared data folder."""

from __future__ import annotations

import pytest
from django.conf import settings

from sectorhub.regions.reference import AREA_TITLES, read_area_titles

pytestmark = pytest.mark.skipif(
    not (settings.SECTORHUB_DATA / AREA_TITLES).is_file(),
    reason="shared data folder (SECTORHUB_DATA) not present",
)


def test_ohio_has_its_88_counties_and_no_bls_pseudo_counties():
    """The file lists 93 codes 39001-39999; 39996 overseas, 39997 multicounty, 39998 out-of-state and 39999
    unknown are BLS pseudo-areas, and 39000 is the state: 93 - 4 - 1 = 88 counties, as Census counts them."""
    titles = read_area_titles()
    ohio = {fips: name for fips, (name, state) in titles.counties.items() if state == "39"}
    assert len(ohio) == 88
    assert ohio["39049"] == "Franklin County"
    assert ohio["39161"] == "Van Wert County"
    assert "39999" not in ohio


def test_states_are_padded_to_two_digits_and_lose_the_statewide_suffix():
    """BLS writes Alabama as "1000,Alabama -- Statewide" and DC as "11000,District of Columbia"."""
    titles = read_area_titles()
    assert titles.states["01"] == "Alabama"
    assert titles.states["11"] == "District of Columbia"
    assert titles.states["39"] == "Ohio"
    assert titles.counties["01001"] == ("Autauga County", "01")
