"""schemathesis against /api/openapi.json: every operation, as an anonymous visitor and as state staff, with
generated parameters and bodies, answers no 5xx, only status codes the schema documents for it, and a body whose
content type and shape match the schema's response for that code.

The app runs in-process (schemathesis's WSGI transport over Django's WSGI handler), in this thread, so every
request, writes as staff included, uses the test database connection and is rolled back with the test.
The data is demo-like, from the role matrix's factories (tests/<app>/matrix.py): partnerships, regions, cycles
and reports, so path parameters such as /partnerships/{id} hit real rows as well as missing ones. Staff
authenticate with a personal API token (Bearer, core/tokens.py), as a script would.

Bounded: a few examples per operation, no deadline, no example database (the run is reproducible:
`derandomize`). All failures of all operations are collected and reported together.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hsettings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sectorhub.core.roles import Role
from sectorhub.core.tokens import issue_token
from tests.core.factories import UserFactory
from tests.matrix import collect_cases

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 6  # per operation and identity
ROLES = [r.value for r in Role if r != Role.PUBLIC]


@pytest.fixture
def api_schema(db):
    """The live schema, loaded through the WSGI app (the same document /api/openapi.json serves).

    Like Django's test client, the handler must not close the test's connection at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def world(db):
    """Users of every role and every app's matrix objects (partnerships, regions, cycles, reports)."""
    users = {r: UserFactory(role=r, username=f"schema-{r}") for r in ROLES}
    other = UserFactory(role=Role.CONVENER, username="schema-other-convener")
    collect_cases(users=users, other_convener=other)
    return users


def _run(api_schema, headers: dict[str, str]) -> list[str]:
    """Every operation, EXAMPLES generated cases each; the failures as '<METHOD> <path>: <what>'."""
    failures: list[str] = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @hsettings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            check()
        except (Exception, BaseExceptionGroup) as exc:  # schemathesis's FailureGroup; report, go on
            failures.append(f"{operation.method.upper()} {operation.path}: {str(exc)[:1500]}")
    return failures


def test_the_schema_lists_every_router(api_schema):
    """Guards the run below against an empty schema: the routers of config/api.py are all there."""
    paths = {op.ok().path for op in api_schema.get_all_operations()}
    for prefix in (
        "/api/partnerships",
        "/api/regions",
        "/api/funding",
        "/api/performance",
        "/api/assessments",
        "/api/capacity",
        "/api/outreach",
        "/api/public",
    ):
        assert any(p.startswith(prefix) for p in paths), f"no operation under {prefix}"


def test_anonymous_answers_match_the_schema(world, api_schema):
    failures = _run(api_schema, headers={})
    assert not failures, "\n\n".join(failures)


def test_staff_answers_match_the_schema(world, api_schema):
    _, key = issue_token(user=world[Role.STATE_STAFF], name="schemathesis")
    failures = _run(api_schema, headers={"Authorization": f"Bearer {key}"})
    assert not failures, "\n\n".join(failures)


def test_a_nul_character_is_refused_with_json_422(world, client):
    """PostgreSQL cannot hold NUL in text: schemathesis found GET /api/organizations?q=%00 and POST
    /api/organizations with "\\u0000" in the name ending in 500; now a 422 before any view, and nothing stored."""
    from sectorhub.partnerships.models import Organization

    client.force_login(world[Role.STATE_STAFF])
    assert (
        client.get("/api/organizations", {"q": "a\x00b"})
        .json()["detail"]
        .startswith("The request holds a NUL")
    )
    before = Organization.objects.count()
    _, key = issue_token(user=world[Role.STATE_STAFF], name="nul")
    answer = client.post(
        "/api/organizations",
        '{"name": "Acme\\u0000", "kind": "employer", "website": ""}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert answer.status_code == 422 and answer["Content-Type"] == "application/json"
    assert Organization.objects.count() == before


def test_an_api_path_no_route_matches_is_json_404(client):
    """`{int:region_id}` does not match -1, so Django's resolver (not ninja) answered with the HTML 404 page."""
    answer = client.get("/api/regions/-1/package")
    assert (answer.status_code, answer["Content-Type"], answer.json()) == (
        404,
        "application/json",
        {"detail": "Not Found"},
    )
    assert client.get("/no-such-page/").status_code == 404  # the site's page elsewhere


def test_a_body_naming_a_missing_region_is_422_not_404(world, client):
    """POST /api/partnerships with region_id of no region answered 404 (a missing page); it is bad input."""
    from sectorhub.partnerships.models import Partnership

    _, key = issue_token(user=world[Role.STATE_STAFF], name="missing")
    before = Partnership.objects.count()
    answer = client.post(
        "/api/partnerships",
        {"name": "Nowhere Partnership", "region_id": 999999, "convener_id": 999999, "industries": ["622"]},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert answer.status_code == 422
    assert "region_id" in answer.json()["detail"]
    assert Partnership.objects.count() == before
