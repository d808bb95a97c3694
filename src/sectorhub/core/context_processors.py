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


@dataclass(frozen=True)
class NavItem:
    """A header entry: one link, or an app's links as a dropdown (``children``) under the app's name."""

    label: str
    url: str
    current: bool
    children: tuple[NavLink, ...] = ()
    key: str = ""


def _declared_links() -> list[tuple[int, str, str, str]]:
    """(order, label, URL name, app label) from every app's `nav_links`, in `nav_order` then declaration order."""
    links = []
    for config in apps.get_app_configs():
        order = getattr(config, "nav_order", 50)
        for index, (label, url_name) in enumerate(getattr(config, "nav_links", [])):
            links.append((order * 100 + index, label, url_name, config.label))
    return sorted(links)


def _grouped(links: list[tuple[str, NavLink]]) -> tuple[list[NavItem], list[NavLink]]:
    """Primary items (an app with several links becomes one dropdown) and the secondary links (core's: the API).

    Grouping keeps the header on one line at 1366 px however many capability apps add a link.
    """
    by_app: dict[str, list[NavLink]] = {}
    for app_label, link in links:
        by_app.setdefault(app_label, []).append(link)
    primary, secondary = [], by_app.pop("core", [])
    for app_label, items in by_app.items():
        if len(items) == 1:
            primary.append(NavItem(items[0].label, items[0].url, items[0].current))
        else:
            name = str(apps.get_app_config(app_label).verbose_name)
            primary.append(
                NavItem(name, items[0].url, any(i.current for i in items), tuple(items), f"nav-{app_label}")
            )
    return primary, secondary


def navigation(request) -> dict:
    """`nav_links` for the header and `user_role_label` for the signed-in banner."""
    user = getattr(request, "user", None)
    path = request.path
    links = []
    for _order, label, url_name, app_label in _declared_links():
        if not can_read(user, url_name):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        current = path == url if url == "/" else path.startswith(url)
        links.append((app_label, NavLink(label=label, url=url, current=current)))
    primary, secondary = _grouped(links)
    return {
        "nav_links": [link for _app, link in links],
        "nav_items": primary,
        "nav_secondary": secondary,
        "user_role_label": Role(role_of(user)).label,
    }
