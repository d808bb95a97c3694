"""Every role on every URL: each URL name of the permission map and each operation of the OpenAPI schema, for
anonymous visitors and the five roles, with GET and (where the map lets anyone write) POST/PATCH/DELETE carrying a
real CSRF token, answers what the map says, including object rules (a convener on another convener's objects).

Expected answers, from the map (core/permissions.py) and each app's object rules (tests/<app>/matrix.py):
- the map refuses: anonymous → the sign-in redirect (web) or 401 JSON (API); other roles → 403 (JSON on the API);
- the map allows: not 401/403/404 and never 5xx, unless the object rule refuses that role (403 or 404);
- a convener on another convener's partnership, region or cycle: 403 or 404 where the case says so, and a refused
  write there changes nothing (no change-history row is added anywhere).
Pages are read from the resolver and /api/openapi.json, so an app added later is covered without editing this file.
"""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from sectorhub.core.permissions import access_for
from sectorhub.core.roles import Role
from tests.core.factories import UserFactory
from tests.matrix import Case, collect_cases

ROLES = [r.value for r in Role]  # public (anonymous) and the five roles
WRITES = ("POST", "PUT", "PATCH", "DELETE")
CSRF = "matrixcsrftoken0123456789abcdefghijklmnopqrstuvwxyzABCDEF0123"[:32]


def url_names() -> list[tuple[str, bool]]:
    """Every named web URL (namespace:name, whether it takes arguments); the API comes from its schema."""
    found: list[tuple[str, bool]] = []

    def walk(patterns, namespace: str, has_args: bool):
        for p in patterns:
            args = has_args or bool(p.pattern.converters) or "(?P<" in str(p.pattern)
            if isinstance(p, URLResolver):
                ns = p.namespace or ""
                walk(p.url_patterns, f"{namespace}{ns}:" if ns else namespace, args)
            elif isinstance(p, URLPattern) and p.name:
                found.append((f"{namespace}{p.name}", args))

    walk(get_resolver().url_patterns, "", False)
    names = {}
    for name, args in found:
        if name.startswith("api:"):
            continue
        if name.startswith("admin:") and name != "admin:index":
            continue  # admin:* is one map entry; the index stands for it
        names[name] = names.get(name, False) or args
    return sorted(names.items())


def _client(role: str, users) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.CSRF_COOKIE_NAME] = CSRF
    if role != Role.PUBLIC:
        client.force_login(users[role])
    return client


def _expect(
    role: str, method: str, api: bool, access, refused: bool, status: int, location: str, missing_ok: bool
) -> str:
    """'' when the answer is what the map and the object rule say, else what is wrong."""
    if status >= 500:
        return f"{status} (server error)"
    if not access.allows(role, method):
        if role == Role.PUBLIC:
            if api:
                return "" if status == 401 else f"{status}, expected 401"
            return (
                ""
                if status == 302 and location.startswith(resolve_url(settings.LOGIN_URL))
                else f"{status}, expected sign-in"
            )
        return "" if status == 403 else f"{status}, expected 403"
    if refused:
        return "" if status in (403, 404) else f"{status}, expected the object rule's 403/404"
    failures = (401, 403) if missing_ok else (401, 403, 404)
    return f"{status}, expected success" if status in failures else ""


def _history_rows() -> int:
    """Rows of every change-history table: a refused write on another convener's object must add none."""
    from django.apps import apps

    return sum(m.objects.count() for m in apps.get_models() if m.__name__.startswith("Historical"))


def _request(client: Client, method: str, url: str, data, api: bool):
    headers = {"HTTP_X_CSRFTOKEN": CSRF}
    if method == "GET":
        return client.get(url)
    if api:
        return client.generic(method, url, json.dumps(data or {}), content_type="application/json", **headers)
    return client.post(url, data or {}, **headers)


@pytest.fixture
def world(db):
    """One user per role, another convener, and every app's matrix objects."""
    users = {r: UserFactory(role=r, username=f"matrix-{r}") for r in ROLES if r != Role.PUBLIC}
    other = UserFactory(role=Role.CONVENER, username="matrix-other-convener")
    return users, collect_cases(users=users, other_convener=other)


def _web_calls(cases: dict[str, Case]):
    """(URL name, method, url, data, refused roles, object side) for every web URL."""
    for name, has_args in url_names():
        access = access_for(name)
        assert access is not None, f"{name} is not in the permission map"
        case = cases.get(name)
        if has_args and case is None:
            pytest.fail(f"{name} takes arguments: add a Case for it in tests/<app>/matrix.py")
        case = case or Case()
        methods = ["GET"] + (["POST"] if access.write else [])
        for method in methods:
            yield name, method, reverse(name, kwargs=case.kwargs), case, case.refused, access
            if case.other is not None and method in case.other_refuses:
                yield name, method, reverse(name, kwargs=case.other), case, "other", access


def _api_calls(cases: dict[str, Case]):
    """The same for every operation of the OpenAPI schema."""
    schema = Client().get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, _op in operations.items():
            method = method.upper()
            template = re.sub(r"\{(\w+)\}", "1", path)
            name = f"api:{resolve(template).url_name}"
            access = access_for(name)
            assert access is not None, f"{name} ({method} {path}) is not in the permission map"
            case = cases.get(name)
            if "{" in path and case is None:
                pytest.fail(f"{name} ({path}) takes arguments: add a Case for it in tests/<app>/matrix.py")
            case = case or Case()
            yield name, method, _fill(path, case.kwargs), case, case.refused, access
            if case.other is not None and method in case.other_refuses:
                yield name, method, _fill(path, case.other), case, "other", access


def _fill(path: str, kwargs: dict) -> str:
    """An OpenAPI path with its {parameters} replaced from `kwargs`."""
    return re.sub(r"\{(\w+)\}", lambda m: str(kwargs[m.group(1)]), path)


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_what_the_permission_map_says(world, role):
    """One role against every web URL and every API operation; all mismatches are listed together."""
    users, cases = world
    problems, seen = [], 0
    for name, method, url, case, refused, access in [*_web_calls(cases), *_api_calls(cases)]:
        api = url.startswith("/api/")
        if refused == "other":
            if role != Role.CONVENER:
                continue
            refused_here = True
        else:
            refused_here = role in refused
        client = _client(role, users)
        before = _history_rows() if refused == "other" and method != "GET" else None
        response = _request(client, method, url, case.data, api)
        if before is not None and _history_rows() != before:
            problems.append(f"{role:18} {method:6} {url:45} ({name}, other): refused, but a record changed")
        seen += 1
        status, location = response.status_code, response.get("Location", "")
        wrong = _expect(role, method, api, access, refused_here, status, location, case.missing_ok)
        if not wrong and api and response.status_code in (401, 403):
            if not response["Content-Type"].startswith("application/json"):
                wrong = f"{response.status_code} refusal is not JSON"
        if wrong:
            problems.append(
                f"{role:18} {method:6} {url:45} ({name}{', other' if refused == 'other' else ''}): {wrong}"
            )
    assert seen > 60
    assert not problems, "\n".join(problems)
