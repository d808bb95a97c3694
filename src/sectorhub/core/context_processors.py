"""Template context shared by every page: the navigation links the user's role may follow."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from sectorhub.core.permissions import can_read, role_of
from sectorhub.core.roles import Role


@dataclass(frozen=True)
class NavLink:
    """One header link."""

    label: str
    url: str
    current: bool


def _declared_links() -> list[tuple[int, str, str]]:
    """(order, label, URL name) from every app config's `nav_links`, in `nav_order` then declaration order."""
    links = []
    for config in apps.get_app_configs():
        order = getattr(config, "nav_order", 50)
        for index, (label, url_name) in enumerate(getattr(config, "nav_links", [])):
            links.append((order * 100 + index, label, url_name))
    return sorted(links)


def navigation(request) -> dict:
    """`nav_links` for the header and `user_role_label` for the signed-in banner."""
    user = getattr(request, "user", None)
    path = request.path
    links = []
    for _order, label, url_name in _declared_links():
        if not can_read(user, url_name):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        current = path == url if url == "/" else path.startswith(url)
        links.append(NavLink(label=label, url=url, current=current))
    return {"nav_links": links, "user_role_label": Role(role_of(user)).label}
