"""The rule of docs/methods.md, "What a published package contains": no estimate of a suppressed cell in a web
package or a published snapshot; the supply section's occupation jobs are labelled as model estimates."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from sectorhub.core.roles import Role


def test_a_published_package_has_no_estimate_of_a_suppressed_cell(engine_home, region, make_user, signed_in):
    """Delaware + Union 2016 Q4: suppressed industries stay suppressed or '≥' (never an estimate column), and
    the occupations table says its jobs are SectorHub estimates from published industry employment."""
    from sectorhub.datapackages.models import PublishedPackage

    client = signed_in(make_user(Role.STATE_STAFF))
    response = client.post(
        reverse("datapackages:publish", args=[region.pk]), {"period": "2016-4", "confirm": "yes"}
    )
    assert response.status_code == 302
    snapshot = PublishedPackage.objects.get()
    data = snapshot.data
    assert data["estimates_included"] is False
    rows = data["industries"]
    assert rows and not any("employment_estimate" in r or r.get("estimated") for r in rows)
    assert "lower bound" in {
        r["employment_status"] for r in rows
    }  # sectors suppressed in one of the two counties
    text = json.dumps(data)
    assert "Estimate (SectorHub)" not in text
    occupations = next(s for s in data["sections"] if s["key"] == "supply_occupations")
    assert "Jobs are SectorHub estimates" in occupations["intro"]
    assert "Estimate (SectorHub)" not in snapshot.body_html


def test_publishing_refuses_a_package_built_with_estimates(engine_home, region, make_user, monkeypatch):
    """Should a package with estimates reach the service, nothing is published."""
    from sectorhub.datapackages import selectors, services
    from sectorhub.datapackages.models import PublishedPackage

    choice = selectors.Choice(year=2016, period="4", level="2", ownership="5")
    real = selectors.region_package

    def with_estimates(region, choice, **kwargs):
        pkg = real(region, choice, **kwargs)
        pkg.estimates_included = True
        return pkg

    monkeypatch.setattr(selectors, "region_package", with_estimates)
    with pytest.raises(ValueError, match="never published"):
        services.publish_package(user=make_user(Role.STATE_STAFF), region=region, choice=choice)
    assert not PublishedPackage.objects.exists()
