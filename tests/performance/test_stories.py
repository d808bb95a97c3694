"""Stories for the annual report: state staff add, change and delete (soft) them through the pages, with history;
public only with consent; conveners, analysts and the public cannot reach the pages."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from sectorhub.performance import selectors, services
from sectorhub.performance.models import Story


def form(**changes) -> dict:
    """A complete story form."""
    data = {"year": "2026", "title": "A shared welding lab", "body": "Three employers opened a lab.",
            "partnership": "", "attribution": "Ana Ruiz, Acme Fabrication"}  # fmt: skip
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_staff_add_change_and_delete_a_story_through_the_pages_with_its_history(world, client):
    """Add (private), change it to public with consent, delete it: gone from the list and both annual reports,
    still in the database with three history rows saying why."""
    client.force_login(world["staff"])
    response = client.post(reverse("performance:story_new"), form(partnership=str(world["mine"].pk)))
    story = Story.objects.get()
    assert response["Location"] == reverse("performance:story_detail", args=[story.pk])
    assert (story.partnership, story.is_public, story.consent) == (world["mine"], False, False)
    assert [s.title for s in selectors.public_stories(2026)] == []
    url = reverse("performance:story_edit", args=[story.pk])
    html = client.post(url, form(title="A shared lab", is_public="on")).content.decode()
    assert "A story is public only with the consent of those it names." in html
    story.refresh_from_db()
    assert (story.title, story.is_public) == ("A shared welding lab", False)
    client.post(url, form(title="A shared lab", is_public="on", consent="on"))
    story.refresh_from_db()
    assert (story.title, story.is_public, story.consent) == ("A shared lab", True, True)
    assert [s.title for s in selectors.public_stories(2026)] == ["A shared lab"]
    detail = client.get(reverse("performance:story_detail", args=[story.pk])).content.decode()
    assert (
        "Change history" in detail
        and "story changed" in detail
        and "A shared welding lab → A shared lab" in detail
    )
    client.post(reverse("performance:story_delete", args=[story.pk]))
    story.refresh_from_db()
    assert story.is_deleted and not story.is_public
    listing = client.get(reverse("performance:stories")).content.decode()
    assert "“A shared lab” is deleted." in listing and ">A shared lab</a>" not in listing
    assert client.get(reverse("performance:story_detail", args=[story.pk])).status_code == 404
    assert list(selectors.stories(2026)) == [] and list(selectors.public_stories(2026)) == []
    reasons = list(story.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert reasons == ["story added", "story changed", "story deleted"]


def test_only_state_staff_reach_the_story_pages(world, client):
    """Convener, analyst and reviewer: 403 on the list and the form and a refused POST adds nothing; anonymous:
    the sign-in page."""
    story = services.add_story(user=world["staff"], year=2026, title="Kept", body="b")
    assert client.get(reverse("performance:stories")).status_code == 302
    for who in ("convener", "analyst", "reviewer"):
        client.force_login(world[who])
        assert client.get(reverse("performance:stories")).status_code == 403
        assert client.post(reverse("performance:story_new"), form()).status_code == 403
        assert client.post(reverse("performance:story_delete", args=[story.pk])).status_code == 403
    assert list(Story.objects.values_list("title", "is_deleted")) == [("Kept", False)]
    client.force_login(world["admin"])
    assert client.get(reverse("performance:stories")).status_code == 200


def test_the_services_check_role_and_consent_whatever_the_page(world):
    """A convener cannot add a story; no story is public without consent; a deleted one cannot change."""
    with pytest.raises(PermissionDenied):
        services.add_story(user=world["convener"], year=2026, title="t", body="b")
    with pytest.raises(ValidationError, match="consent"):
        services.add_story(user=world["staff"], year=2026, title="t", body="b", is_public=True)
    story = services.add_story(user=world["staff"], year=2026, title="t", body="b")
    services.delete_story(user=world["staff"], story=story)
    with pytest.raises(ValidationError, match="deleted"):
        services.update_story(user=world["staff"], story=story, title="u")


def test_a_public_story_of_a_private_partnership_stays_private(world):
    """public_stories follows partnerships.selectors.public_partnerships."""
    world["other"].is_public = False
    world["other"].save()
    services.add_story(user=world["staff"], year=2026, title="Of River", body="b", partnership=world["other"],
                       consent=True, is_public=True)  # fmt: skip
    services.add_story(user=world["staff"], year=2026, title="Of Capital", body="b", partnership=world["mine"],
                       consent=True, is_public=True)  # fmt: skip
    assert [s.title for s in selectors.public_stories(2026)] == ["Of Capital"]
