"""Public means public, crawled: on the real demo (with its unpublished and its deleted partnership), follow every
link an anonymous visitor can reach from `/` (same host, GET, HTML and JSON) plus every public API list of the
OpenAPI schema, and assert that neither partnership is named anywhere and that no page answers 5xx.

Pages are discovered, not listed, so an app added later is crawled as soon as `/` links to it. Bounded: at most
MAX_PAGES pages, and at most PER_PATTERN pages per URL shape (digits → N, query keys sorted), so a filter with a
hundred options costs a few requests, not a hundred.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urldefrag, urlencode, urlsplit

import pytest
from django.conf import settings
from django.test import Client

from sectorhub.core.permissions import access_for
from sectorhub.core.roles import Role

MAX_PAGES = 400
PER_PATTERN = 6
SKIP_PREFIXES = ("/static/", "/admin/", "/logout/", "/login/")
MUST_REACH = (
    "/public/",
    "/public/partnerships/",
    "/public/events/",
    "/public/resources/",
    "/public/data-packages/",
    "/funding/solicitations/",
    "/funding/awards/",
    "/funding/policies/",
    "/performance/public/scorecard/",
    "/performance/public/annual-report/",
    "/outreach/champions/public/",
    "/api/funding/solicitations",
    "/api/funding/awards",
    "/api/performance/scorecard",
    "/api/packages",
    "/api/capacity/events",
    "/api/capacity/resources",
    "/api/outreach/champions",
    "/api/public/partnerships",
)

pytestmark = pytest.mark.skipif(
    not (settings.SECTORHUB_DATA / "reference").is_dir(),
    reason="shared data folder (SECTORHUB_DATA) not present: the crawler runs on the real demo",
)


class _Links(HTMLParser):
    """The href of every <a> on a page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def _local(href: str, base: str) -> str | None:
    """The same-host path and query of a link, or None for other hosts, fragments, mail and skipped areas."""
    href, _ = urldefrag(href)
    if not href or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    parts = urlsplit(href)
    if parts.netloc and parts.netloc != "testserver":
        return None
    path = parts.path or urlsplit(base).path
    if not path.startswith("/"):
        path = urlsplit(base).path.rsplit("/", 1)[0] + "/" + path
    if path.startswith(SKIP_PREFIXES):
        return None
    query = urlencode(sorted(parse_qsl(parts.query)))
    return path + (f"?{query}" if query else "")


def _shape(url: str) -> str:
    parts = urlsplit(url)
    return re.sub(r"\d+", "N", parts.path) + "?" + ",".join(sorted(k for k, _ in parse_qsl(parts.query)))


def _public_api_lists(client: Client) -> list[str]:
    """GET operations without path parameters that the permission map opens to the public."""
    from django.urls import resolve

    schema = client.get("/api/openapi.json").json()
    lists = []
    for path, operations in schema["paths"].items():
        if "get" not in operations or "{" in path:
            continue
        access = access_for(f"api:{resolve(path).url_name}")
        if access is not None and access.allows(Role.PUBLIC.value, "GET"):
            lists.append(path)
    return lists


@pytest.fixture
def demo(db):
    """The real demo registry and every app's demo hook, as `sectorhub demo load` builds them."""
    from sectorhub.partnerships.demo import DELETED_PARTNERSHIP, PRIVATE_PARTNERSHIP, load_demo
    from sectorhub.partnerships.models import Partnership
    from sectorhub.web_cli import app_demos

    load_demo(password="crawler demo password 1")
    app_demos(password="crawler demo password 1")
    private = Partnership.objects.get(name=PRIVATE_PARTNERSHIP.name)
    deleted_id = Partnership.history.get(name=DELETED_PARTNERSHIP.name, history_type="-").id
    return {
        "private": private,
        "deleted_id": deleted_id,
        "hidden": [PRIVATE_PARTNERSHIP.name, DELETED_PARTNERSHIP.name],
        "personal": _personal_details(),
        "internal": _internal_titles(),
    }


def _personal_details() -> set[str]:
    """E-mail addresses and phone numbers no public page may show: every account's (conveners included), every
    champion's and attendee's ("never shown publicly"), and every sender's of a contact message."""
    from django.contrib.auth import get_user_model

    from sectorhub.capacity.models import Person
    from sectorhub.outreach.models import Champion
    from sectorhub.public.models import ContactMessage

    found = set(get_user_model().objects.values_list("email", flat=True))
    found |= set(Champion.objects.values_list("email", flat=True))
    found |= set(Champion.objects.values_list("phone", flat=True))
    found |= set(Person.objects.values_list("email", flat=True))
    found |= set(ContactMessage.objects.values_list("email", flat=True))
    return {value for value in found if value and len(value) >= 6}


def _internal_titles() -> set[str]:
    """Names of records not marked public: champions without consent (or deleted), internal events and resources,
    networks not public, unpublished solicitations, internal solicitation documents, stories not public (or
    deleted). A name that a public record also bears is left out."""
    from sectorhub.capacity.models import Event, Resource
    from sectorhub.funding.models import Solicitation, SolicitationDocument
    from sectorhub.outreach.models import Champion, Network
    from sectorhub.performance.models import Story

    def split(qs, field, public):
        private = set(qs.exclude(public).values_list(field, flat=True))
        return private - set(qs.filter(public).values_list(field, flat=True))

    from django.db.models import Q

    titles = split(Champion.objects.all(), "name", Q(consent_public=True, is_deleted=False))
    titles |= split(Event.objects.all(), "title", Q(is_public=True, is_deleted=False))
    titles |= split(Resource.objects.all(), "title", Q(is_public=True, is_deleted=False))
    titles |= split(Network.objects.all(), "name", Q(is_public=True))
    titles |= split(Solicitation.objects.all(), "title", Q(is_published=True))
    titles |= split(
        SolicitationDocument.objects.all(), "title", Q(is_public=True, solicitation__is_published=True)
    )
    titles |= split(Story.objects.all(), "title", Q(is_public=True, consent=True, is_deleted=False))
    return {t for t in titles if t and len(t) >= 8}


def test_an_anonymous_visitor_never_meets_the_unpublished_or_the_deleted_partnership(client, demo):
    """Crawl from `/` and the public API lists: no page names either hidden partnership, none answers 5xx."""
    hidden = demo["hidden"]
    # The demo has what the crawl must not meet: conveners' and champions' details, internal records.
    assert len(demo["personal"]) >= 5 and len(demo["internal"]) >= 3, (demo["personal"], demo["internal"])
    start = ["/", *_public_api_lists(client)]
    queue, seen, shapes = deque(start), set(start), Counter()
    problems, visited, statuses = [], [], Counter()
    while queue and len(visited) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        visited.append(url)
        statuses[response.status_code] += 1
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
            continue
        if response.status_code in (301, 302):
            target = _local(response["Location"], url)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        problems += [f"{url}: names {name!r}" for name in hidden if name in text]
        problems += [f"{url}: shows personal detail {value!r}" for value in demo["personal"] if value in text]
        problems += [f"{url}: names internal record {title!r}" for title in demo["internal"] if title in text]
        if "text/html" not in response.get("Content-Type", ""):
            continue
        if 'id="history-heading"' in text or "Change history" in text:
            problems.append(f"{url}: shows change history")
        parser = _Links()
        parser.feed(text)
        for href in parser.links:
            target = _local(href, url)
            if target is None or target in seen:
                continue
            seen.add(target)
            if shapes[_shape(target)] >= PER_PATTERN:
                continue
            shapes[_shape(target)] += 1
            queue.append(target)
    assert not problems, "\n".join(problems)
    # The crawl really went somewhere: the dashboard, lists, partnership and region pages, goals, the API lists.
    assert len(visited) >= 40, visited
    for shape in ("/partnerships/N/", "/regions/N/", "/goals/", "/api/partnerships"):
        assert any(_shape(u).startswith(shape) for u in visited), f"never reached {shape}"
    # Every app's public pages, reached by following links (not typed in): the public site and a partnership's
    # public page, funding's solicitations and awards, the public scorecard, capacity's public events and
    # resources, outreach's champions, and the public API lists of each app that has one.
    unreached = [prefix for prefix in MUST_REACH if not any(u.startswith(prefix) for u in visited)]
    assert not unreached, f"the crawl never reached {unreached}; it visited {sorted(visited)}"
    assert statuses[200] >= 30


def test_the_hidden_partnerships_pages_answer_404_to_the_public(client, demo):
    """Typing the URLs does not reveal them either: web and API detail pages say 404 and do not name them."""
    for pk in (demo["private"].pk, demo["deleted_id"]):
        for url in (f"/partnerships/{pk}/", f"/api/partnerships/{pk}"):
            response = client.get(url)
            assert response.status_code == 404, url
            assert not any(name in response.content.decode() for name in demo["hidden"])
