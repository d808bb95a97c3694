"""The permission map covers every URL, and the middleware enforces it for each role."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, include, path, reverse

from sectorhub.core.permissions import access_for, url_permissions
from sectorhub.core.roles import Role


def _all_url_names(patterns=None, namespace: str = "") -> list[tuple[str, str]]:
    """(full URL name or "", route) for every pattern in the project, recursively."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    found = []
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            found.extend(_all_url_names(p.url_patterns, ns))
        elif isinstance(p, URLPattern):
            found.append((f"{namespace}{p.name}" if p.name else namespace, str(p.pattern)))
    return found


def test_every_url_has_a_name_and_an_entry_in_the_permission_map():
    """A URL without a name, or whose name is not in the map (or under a namespace wildcard), fails here.

    Unnamed patterns are allowed only inside a namespace the map covers with a wildcard (Django's admin).
    """
    names = _all_url_names()
    unnamed = [
        route for name, route in names if (not name or name.endswith(":")) and access_for(name + "x") is None
    ]
    unmapped = sorted({name for name, _route in names if name and access_for(name) is None})
    assert not unnamed, f"URL patterns without a name: {unnamed}"
    assert not unmapped, f"URL names missing from the permission map: {unmapped}"


def test_every_map_entry_names_a_real_url():
    """Stale entries hide mistakes: each exact name in the map must resolve to a URL."""
    names = {name for name, _route in _all_url_names()}
    stale = sorted(n for n in url_permissions() if not n.endswith(":*") and n not in names)
    assert not stale, f"permission map entries without a URL: {stale}"


def _unmapped_view(request):
    return HttpResponse("should never be served")


urlpatterns = [path("unmapped/", _unmapped_view, name="unmapped"), path("", include("sectorhub.config.urls"))]


@override_settings(ROOT_URLCONF=__name__)
def test_a_url_missing_from_the_map_is_refused_even_to_administrators(client, make_user):
    client.force_login(make_user(Role.STATE_ADMIN, is_superuser=True))
    assert client.get("/unmapped/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, 302),  # anonymous: sent to sign in
        (Role.ANALYST, 403),
        (Role.GRANT_REVIEWER, 403),
        (Role.CONVENER, 200),
        (Role.STATE_STAFF, 200),
        (Role.STATE_ADMIN, 200),
    ],
)
def test_only_editors_reach_the_new_partnership_form(client, make_user, role, expected):
    if role:
        client.force_login(make_user(role))
    response = client.get(reverse("partnerships:create"))
    assert response.status_code == expected
    if role is None:
        assert response["Location"].startswith(reverse("core:login"))


@pytest.mark.django_db
def test_a_post_to_a_read_only_page_is_refused(client, make_user):
    """The list page allows GET to everyone and POST to no one."""
    client.force_login(make_user(Role.STATE_ADMIN))
    assert client.post(reverse("partnerships:list")).status_code == 403


@pytest.mark.django_db
def test_an_anonymous_api_write_gets_401_not_a_login_redirect(client):
    response = client.post("/api/partnerships", data={}, content_type="application/json")
    assert response.status_code == 401


@pytest.mark.django_db
def test_the_header_shows_only_links_the_role_may_follow(client, make_user):
    """Organizations are for signed-in users; the public header leaves the link out."""
    page = client.get(reverse("partnerships:dashboard")).content.decode()
    assert reverse("partnerships:organization_list") not in page
    client.force_login(make_user(Role.ANALYST))
    page = client.get(reverse("partnerships:dashboard")).content.decode()
    assert reverse("partnerships:organization_list") in page
