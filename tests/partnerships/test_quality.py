"""A state can replace the default five-trait quality definition with its own; old ratings keep their meaning."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from sectorhub.core.roles import Role
from sectorhub.partnerships import services
from sectorhub.partnerships.defaults import read_quality_definition
from sectorhub.partnerships.models import QualityCriterion
from tests.partnerships.factories import PartnershipFactory


def test_the_five_traits_are_the_default_definition(db):
    assert list(QualityCriterion.objects.filter(is_active=True).values_list("key", flat=True)) == [
        "business-at-the-center",
        "businesses-as-partners",
        "aligned-partners",
        "credible-neutral-convener",
        "regional-scale",
    ]


def test_loading_a_state_definition_keeps_shared_keys_and_retires_the_rest(tmp_path, staff):
    """The file keeps "regional-scale" (renamed) and adds "data-driven": 2 active criteria; the other four
    defaults are deactivated, and a rating given under one of them is still there."""
    partnership = PartnershipFactory()
    old = QualityCriterion.objects.get(key="aligned-partners")
    rating = services.rate_quality(
        user=staff,
        partnership=partnership,
        criterion=old,
        rating=3,
        evidence="Minutes",
        rated_on=dt.date(2026, 1, 5),
    )
    path = tmp_path / "quality.yaml"
    path.write_text(
        "- key: regional-scale\n  name: Works across a regional labor market\n"
        "- key: data-driven\n  name: Uses labor-market data\n  description: LMI informs priorities\n"
    )
    assert services.load_quality_definition(user=staff, criteria=read_quality_definition(path)) == 2
    active = list(QualityCriterion.objects.filter(is_active=True).values_list("key", "name", "order"))
    assert active == [
        ("regional-scale", "Works across a regional labor market", 1),
        ("data-driven", "Uses labor-market data", 2),
    ]
    assert QualityCriterion.objects.filter(is_active=False).count() == 4
    rating.refresh_from_db()
    assert rating.criterion.key == "aligned-partners"


def test_only_state_staff_change_the_definition(make_user):
    with pytest.raises(PermissionDenied):
        services.load_quality_definition(user=make_user(Role.CONVENER), criteria=[("x", "X", "")])


def test_a_malformed_definition_file_says_which_criterion(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("- key: a\n  name: A\n- name: no key\n")
    with pytest.raises(ValueError, match="criterion 2 needs a key and a name"):
        read_quality_definition(path)
