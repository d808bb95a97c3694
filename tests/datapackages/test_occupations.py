"""Occupation pages and the pathways search: OEWS wages as published, O*NET attribution, links from the package's
occupation table, permissions and clear errors for unknown codes."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from django.urls import reverse

from sectorhub.core.permissions import access_for
from sectorhub.core.roles import EVERYONE, Role
from sectorhub.lmi.sources import oews
from sectorhub.lmi.sources.onet import ATTRIBUTION
from tests.core.test_browser import ARGS, AXE, CHROMIUM, scan

URL_NAMES = ["datapackages:occupation", "datapackages:occupation_search"]


def _oews_median(key: str) -> float:
    """The annual median wage (datatype 13, column v13) of one cell, straight from the OEWS May 2025 database."""
    conn = sqlite3.connect(str(oews.database_path()))
    try:
        (value,) = conn.execute("SELECT v13 FROM cell WHERE key = ?", (key,)).fetchone()
    finally:
        conn.close()
    return float(value)


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_occupation_page_shows_the_regions_oews_median_wage_with_its_source(client, region):
    """Machinists (51-4041) for Delaware + Union: both counties lie in the Columbus, OH metro (CBSA 18140), so the
    wage is the Columbus cross-industry cell OEUM0018140000000514041, and the page names that source."""
    want = _oews_median("OEUM0018140000000514041")
    response = client.get(reverse("datapackages:occupation", args=["51-4041"]), {"region": region.pk})
    html = _text(response)
    assert response.status_code == 200
    assert "Machinists" in html
    assert f"${want:,.0f}" in html and "(source: OEWS May 2025, Columbus, OH)" in html
    assert "Ohio" in html and "National" in html  # the other wage areas of the region, as published


def test_without_a_region_the_wage_is_the_national_cell(client, db):
    """Registered nurses (29-1141), no region: the national cross-industry cell OEUN0000000000000291141."""
    want = _oews_median("OEUN0000000000000291141")
    html = _text(client.get(reverse("datapackages:occupation", args=["29-1141"])))
    assert f"${want:,.0f}" in html and "(source: OEWS May 2025, National)" in html


def test_the_page_shows_skills_knowledge_pathways_and_the_onet_attribution(client, region):
    """Skills and knowledge tables, a pathways table whose origins link to their own pages in the same region."""
    html = _text(client.get(reverse("datapackages:occupation", args=["51-4041"]), {"region": region.pk}))
    assert 'data-section="skills"' in html and 'data-section="knowledge"' in html
    assert 'id="pathways"' in html and 'data-section="pathways"' in html
    origins = re.findall(r'href="/occupations/(\d\d-\d{4})/\?region=(\d+)"', html)
    assert origins and all(r == str(region.pk) for _, r in origins)
    assert "51-4041" not in [soc for soc, _ in origins]  # the target is not its own origin
    assert ATTRIBUTION in html


def test_an_unknown_or_malformed_soc_code_is_a_404_that_says_why(client, db):
    """99-1234 is no occupation; 'abc' is not a SOC code; an unknown region id is a 404 too."""
    response = client.get(reverse("datapackages:occupation", args=["99-1234"]))
    assert response.status_code == 404
    assert "unknown SOC code 99-1234" in _text(response)
    response = client.get(reverse("datapackages:occupation", args=["abc"]))
    assert response.status_code == 404 and "not a SOC code" in _text(response)
    response = client.get(reverse("datapackages:occupation", args=["51-4041"]), {"region": "999999"})
    assert response.status_code == 404


def test_an_occupation_without_onet_ratings_shows_its_wage_and_says_it_has_no_pathways(client, db):
    """Cardiologists (29-1212) are in OEWS but not rated by O*NET 29.0: the page says so instead of failing."""
    response = client.get(reverse("datapackages:occupation", args=["29-1212"]))
    html = _text(response)
    assert response.status_code == 200
    assert "Cardiologists" in html and "has no skills or knowledge ratings in O*NET 29.0" in html
    assert "No career pathways are listed" in html


def test_the_pathways_search_finds_occupations_by_title_and_by_code(client, region):
    """'machinist' finds 51-4041; '51-4041' finds it by code; results link to the page in the chosen region."""
    url = reverse("datapackages:occupation_search")
    html = _text(client.get(url, {"q": "machinist", "region": region.pk}))
    assert f'href="/occupations/51-4041/?region={region.pk}#pathways"' in html
    assert "Machinists" in html and ATTRIBUTION in html
    assert "Machinists" in _text(client.get(url, {"q": "51-4041"}))
    assert "No occupation matches" in _text(client.get(url, {"q": "zzzz"}))


def test_the_permission_map_covers_the_occupation_urls_and_opens_them_to_everyone(client, db):
    """Both URL names are mapped, readable by every role (public figures only), and refuse writes."""
    for name in URL_NAMES:
        access = access_for(name)
        assert access is not None, name
        assert access.read == EVERYONE and not access.write
    assert client.get(reverse("datapackages:occupation_search")).status_code == 200
    refused = client.post(reverse("datapackages:occupation_search"))  # anonymous: sent to sign in
    assert refused.status_code == 302 and refused["Location"].startswith(reverse("core:login"))


def test_the_package_page_links_its_occupations_to_their_pages(engine_home, region, make_user, signed_in):
    """The supply section's SOC cells link to /occupations/<soc>/?region=<id>; the attribution is on the page."""
    client = signed_in(make_user(Role.ANALYST))
    response = client.get(reverse("datapackages:region_package", args=[region.pk]), {"period": "2016-1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-section="supply_occupations"' in html
    links = re.findall(rf'href="/occupations/(\d\d-\d{{4}})/\?region={region.pk}"', html)
    assert len(links) >= 10
    assert ATTRIBUTION in html


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium not installed")
@pytest.mark.skipif(not AXE.exists(), reason="front-end vendor files not copied (make frontend)")
def test_the_occupation_pages_pass_axe_in_headless_chromium(live_server, region):
    """The search page with results, an occupation page with a region, and the 404 page: no serious violation."""
    from playwright.sync_api import sync_playwright

    paths = [
        f"{reverse('datapackages:occupation_search')}?q=machinist&region={region.pk}",
        f"{reverse('datapackages:occupation', args=['51-4041'])}?region={region.pk}",
        reverse("datapackages:occupation", args=["99-1234"]),
    ]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            assert scan(page) == [], path
        browser.close()
