"""The public site: only published partnerships and fields, the contact form (consent, honeypot, rate limit,
CSRF, e-mail to the conveners, retention), events and resources through capacity's public selector."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from sectorhub.capacity.models import Event, Resource
from sectorhub.core.roles import Role
from sectorhub.public import services
from sectorhub.public.models import ContactMessage, PartnershipProfile
from tests.partnerships.factories import PartnershipFactory
from tests.regions.factories import RegionFactory


@pytest.fixture
def site(db, make_user):
    north = RegionFactory(name="North")
    shown = PartnershipFactory(name="Shown Manufacturing", region=north, description="Plain description")
    hidden = PartnershipFactory(name="Hidden Health", region=north, is_public=False)
    convener = make_user(Role.CONVENER, username="conv", email="conv@example.org")
    shown.conveners.add(convener)
    PartnershipProfile.objects.create(partnership=shown, works_on="Welding pipeline", how_to_join="Come on Tuesday",
                                      is_published=True)  # fmt: skip
    PartnershipProfile.objects.create(
        partnership=hidden, works_on="SECRET", how_to_join="x", is_published=True
    )
    return dict(shown=shown, hidden=hidden, convener=convener)


FORM = {"name": "Eve Employer", "email": "eve@plant.example", "organization": "Plant Co",
        "message": "We want to join.", "consent": "on", "website": ""}  # fmt: skip


def test_the_directory_lists_published_partnerships_only(site, client):
    html = client.get("/public/partnerships/").content.decode()
    assert "Shown Manufacturing" in html and "Welding pipeline" in html
    assert "Hidden Health" not in html and "SECRET" not in html
    assert client.get(f"/public/partnerships/{site['hidden'].pk}/").status_code == 404
    detail = client.get(f"/public/partnerships/{site['shown'].pk}/").content.decode()
    assert "Come on Tuesday" in detail and "Change history" not in detail and "conv@example.org" not in detail


def test_an_unpublished_profile_shows_nothing_of_its_text(site, client):
    PartnershipProfile.objects.filter(partnership=site["shown"]).update(is_published=False, works_on="DRAFT")
    html = client.get(f"/public/partnerships/{site['shown'].pk}/").content.decode()
    assert "DRAFT" not in html and "Plain description" in html


def test_a_message_with_consent_is_stored_and_mailed_to_the_conveners(site, client):
    response = client.post(f"/public/partnerships/{site['shown'].pk}/", FORM)
    assert response.status_code == 302
    msg = ContactMessage.objects.get()
    assert (msg.name, msg.email, msg.emailed) == ("Eve Employer", "eve@plant.example", True)
    assert mail.outbox[0].to == ["conv@example.org"] and "We want to join." in mail.outbox[0].body
    inbox = Client()
    inbox.force_login(site["convener"])
    assert "Eve Employer" in inbox.get("/public/inbox/").content.decode()


def test_without_consent_nothing_is_stored(site, client):
    response = client.post(f"/public/partnerships/{site['shown'].pk}/", {**FORM, "consent": ""})
    assert response.status_code == 200 and "only with your consent" in response.content.decode()
    assert ContactMessage.objects.count() == 0 and mail.outbox == []


def test_a_filled_honeypot_is_thanked_and_dropped(site, client):
    response = client.post(f"/public/partnerships/{site['shown'].pk}/", {**FORM, "website": "http://spam"})
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 0 and mail.outbox == []


def test_the_sixth_message_from_one_address_within_the_hour_is_refused(site, client):
    for _ in range(5):
        assert client.post(f"/public/partnerships/{site['shown'].pk}/", FORM).status_code == 302
    refused = client.post(f"/public/partnerships/{site['shown'].pk}/", FORM)
    assert refused.status_code == 429 and ContactMessage.objects.count() == 5
    other = client.post(f"/public/partnerships/{site['shown'].pk}/", FORM, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_the_contact_form_needs_the_csrf_token(site):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(f"/public/partnerships/{site['shown'].pk}/", FORM).status_code == 403
    assert ContactMessage.objects.count() == 0


def test_messages_older_than_a_year_are_deleted_with_their_history(site):
    msg = services.send_message(partnership=site["shown"], name="Old", email="o@x.example", organization="",
                                message="hi", consent=True)  # fmt: skip
    ContactMessage.objects.filter(pk=msg.pk).update(received_at=timezone.now() - dt.timedelta(days=366))
    assert services.purge_expired() == 1
    assert ContactMessage.history.count() == 0


def test_a_convener_sees_only_their_partnerships_messages_and_edits_only_their_profiles(
    site, make_user, signed_in
):
    services.send_message(partnership=site["hidden"], name="To hidden", email="h@x.example", organization="",
                          message="hi", consent=True)  # fmt: skip
    client = signed_in(site["convener"])
    assert "To hidden" not in client.get("/public/inbox/").content.decode()
    assert client.get(f"/public/partnerships/{site['hidden'].pk}/profile/").status_code == 403
    response = client.post(f"/public/partnerships/{site['shown'].pk}/profile/",
                           {"works_on": "Robotics", "how_to_join": "Write to us", "is_published": "on"})  # fmt: skip
    assert response.status_code == 302
    assert PartnershipProfile.objects.get(partnership=site["shown"]).works_on == "Robotics"
    assert signed_in(make_user(Role.ANALYST)).get("/public/inbox/").status_code == 403


def test_public_events_and_resources_exclude_internal_and_deleted_ones(site, client):
    Event.objects.create(title="Open summit", kind="summit", starts_on=dt.date(2026, 5, 1), is_public=True)
    Event.objects.create(title="Staff retreat", kind="academy", starts_on=dt.date(2026, 5, 2))
    Event.objects.create(title="Cancelled", kind="webinar", starts_on=dt.date(2026, 5, 3), is_public=True,
                         is_deleted=True)  # fmt: skip
    Resource.objects.create(title="Open toolkit", kind="toolkit", url="https://example.org/t", is_public=True)
    Resource.objects.create(title="Internal memo", kind="template", url="https://example.org/m")
    events = client.get("/public/events/").content.decode()
    resources = client.get("/public/resources/").content.decode()
    assert "Open summit" in events and "Staff retreat" not in events and "Cancelled" not in events
    assert "Open toolkit" in resources and "Internal memo" not in resources


def test_every_public_page_is_reachable_from_the_site_root(site, client):
    """The header's "Public site" link is on `/`; the public home links to every public page and to the other
    apps' public.py links (outreach's champions)."""
    root = client.get("/").content.decode()
    assert 'href="/public/"' in root
    home = client.get("/public/").content.decode()
    for url in ("/public/partnerships/", "/public/why-join/", "/public/events/", "/public/resources/",
                "/public/data-packages/", "/outreach/champions/public/"):  # fmt: skip
        assert f'href="{url}"' in home, url
        assert client.get(url).status_code == 200, url
