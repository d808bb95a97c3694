"""The package page offers SectorHub estimates of suppressed figures to signed-in users; such a package is marked
and never published."""

from __future__ import annotations

import json

from django.urls import reverse

from sectorhub.core.roles import Role


def test_the_page_counts_the_unclassified_and_offers_the_estimates(engine_home, region, make_user, signed_in):
    client = signed_in(make_user(Role.ANALYST))
    url = reverse("datapackages:region_package", args=[region.pk])
    html = client.get(url, {"period": "2016-1"}).content.decode()
    assert 'name="estimates"' in html and "Classify every industry with SectorHub estimates" in html
    assert "not classified in the target-industry view" in html
    with_est = client.get(
        url, {"period": "2016-1", "estimates": "1"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "not classified in the target-industry view" not in with_est
    assert "<th" in with_est and ">Basis<" in with_est and ">estimate<" in with_est


def test_the_estimates_reach_the_downloads_and_every_industry_is_classified(
    engine_home, region, make_user, signed_in
):
    client = signed_in(make_user(Role.ANALYST))
    url = reverse("datapackages:download", args=[region.pk, "json"])
    data = json.loads(client.get(url, {"period": "2016-1", "estimates": "1"}).content)
    assert data["estimates_included"] and data["unclassified_suppressed"] == 0
    estimated = [r for r in data["industries"] if r["estimate"]]
    assert estimated and all(r["basis"] == "estimate" for r in estimated)
    plain = json.loads(client.get(url, {"period": "2016-1"}).content)
    assert not plain["estimates_included"] and plain["unclassified_suppressed"] == len(estimated)


def test_a_package_with_estimates_offers_no_publish_button(engine_home, region, make_user, signed_in):
    client = signed_in(make_user(Role.STATE_STAFF, username="st-est"))
    url = reverse("datapackages:region_package", args=[region.pk])
    html = client.get(url, {"period": "2016-1", "estimates": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert "cannot be published" in html
    assert reverse("datapackages:publish", args=[region.pk]) not in html
