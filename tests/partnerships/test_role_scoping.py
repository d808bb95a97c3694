"""Role scoping: conveners change only their own partnerships; read-only roles change nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sectorhub.core.roles import Role
from sectorhub.partnerships.models import Partnership, Phase
from tests.partnerships.factories import IndustryFactory, OrganizationFactory, PartnershipFactory
from tests.regions.factories import RegionFactory


@pytest.fixture
def two_conveners(make_user):
    """Convener A assigned to partnership pa; convener B to pb (in another region)."""
    a = make_user(Role.CONVENER, username="conv_a")
    b = make_user(Role.CONVENER, username="conv_b")
    pa = PartnershipFactory(name="A's partnership")
    pb = PartnershipFactory(name="B's partnership")
    pa.conveners.add(a)
    pb.conveners.add(b)
    return a, b, pa, pb


def _edit_data(p: Partnership, **changes) -> dict:
    data = {
        "name": p.name,
        "region": p.region_id,
        "industries": "3363",
        "convener": p.convener_id,
        "launch_date": "",
        "description": "",
        "is_public": "on",
    }
    data.update(changes)
    return data


def test_a_convener_changing_another_conveners_partnership_gets_403_and_nothing_changes(
    client, two_conveners
):
    a, _b, _pa, pb = two_conveners
    versions = pb.history.count()
    client.force_login(a)
    response = client.post(reverse("partnerships:edit", args=[pb.pk]), _edit_data(pb, name="Hijacked"))
    assert response.status_code == 403
    pb.refresh_from_db()
    assert pb.name == "B's partnership"
    assert pb.history.count() == versions
    response = client.patch(
        f"/api/partnerships/{pb.pk}", {"name": "Hijacked"}, content_type="application/json"
    )
    assert response.status_code == 403
    pb.refresh_from_db()
    assert pb.name == "B's partnership"
    assert (
        client.post(reverse("partnerships:phase", args=[pb.pk]), {"phase": "sustaining"}).status_code == 403
    )
    assert pb.phase_changes.count() == 0


def test_a_convener_changes_their_own_partnership(client, two_conveners):
    a, _b, pa, _pb = two_conveners
    client.force_login(a)
    response = client.post(reverse("partnerships:edit", args=[pa.pk]), _edit_data(pa, name="A renamed"))
    assert response.status_code == 302
    pa.refresh_from_db()
    assert pa.name == "A renamed"
    assert pa.history.first().history_user == a


def test_a_convener_assigned_to_a_region_changes_partnerships_in_it(client, make_user):
    convener = make_user(Role.CONVENER)
    partnership = PartnershipFactory()
    partnership.region.conveners.add(convener)
    client.force_login(convener)
    response = client.post(
        reverse("partnerships:edit", args=[partnership.pk]), _edit_data(partnership, name="New")
    )
    assert response.status_code == 302


def test_a_convener_cannot_move_a_partnership_into_a_region_not_assigned_to_them(client, two_conveners):
    a, _b, pa, _pb = two_conveners
    elsewhere = RegionFactory(name="Elsewhere")
    client.force_login(a)
    response = client.patch(
        f"/api/partnerships/{pa.pk}", {"region_id": elsewhere.pk}, content_type="application/json"
    )
    assert response.status_code == 403
    pa.refresh_from_db()
    assert pa.region_id != elsewhere.pk


@pytest.mark.parametrize("role", [Role.ANALYST, Role.GRANT_REVIEWER])
def test_read_only_roles_cannot_change_any_partnership(client, make_user, role):
    partnership = PartnershipFactory(name="Untouched")
    client.force_login(make_user(role))
    response = client.post(
        reverse("partnerships:edit", args=[partnership.pk]), _edit_data(partnership, name="X")
    )
    assert response.status_code == 403
    assert client.get(reverse("partnerships:detail", args=[partnership.pk])).status_code == 200
    partnership.refresh_from_db()
    assert partnership.name == "Untouched"


def test_a_convener_creates_partnerships_only_in_assigned_regions(client, make_user):
    """The region list of the form offers only assigned regions, so another region is an invalid choice."""
    convener = make_user(Role.CONVENER)
    mine, other = RegionFactory(name="Mine"), RegionFactory(name="Other")
    mine.conveners.add(convener)
    IndustryFactory()
    org = OrganizationFactory()
    client.force_login(convener)
    exploring = Phase.objects.get(slug="exploring")
    data = {
        "name": "New one",
        "region": other.pk,
        "industries": "3363",
        "convener": org.pk,
        "phase": exploring.pk,
    }
    response = client.post(reverse("partnerships:create"), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    data["region"] = mine.pk
    response = client.post(reverse("partnerships:create"), data)
    assert response.status_code == 302
    created = Partnership.objects.get(name="New one")
    assert list(created.conveners.all()) == [convener]


def test_the_public_sees_only_published_partnerships(client, db):
    shown = PartnershipFactory(name="Shown")
    hidden = PartnershipFactory(name="Hidden", is_public=False)
    page = client.get(reverse("partnerships:list")).content.decode()
    assert "Shown" in page and "Hidden" not in page
    assert client.get(reverse("partnerships:detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("partnerships:detail", args=[shown.pk])).status_code == 200
