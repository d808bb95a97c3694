"""Faults a user can meet, answered with a page that says what happened and what to do, never a traceback.

- The database is unreachable (or drops mid-request): 503 with Retry-After; the next request reconnects, so the
  app recovers by itself when the database returns (Django closes unusable connections after each request).
- A request runs past SECTORHUB_REQUEST_TIMEOUT: the `RequestTimeoutMiddleware` guard stops it with
  `RequestTimeout` before gunicorn's worker timeout would kill the worker (which leaves the user a bare error),
  and the user gets a 503 page that says the page took too long.
- Anything else: the 500 page (the error is logged).

API paths (/api/...) get the same answers as JSON `{"detail": ...}`. These pages are rendered without a request
context, so they never touch the database they may be reporting as down.
"""

from __future__ import annotations

import logging
import signal
import threading

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class RequestTimeout(Exception):
    """The request ran past SECTORHUB_REQUEST_TIMEOUT seconds and was stopped."""


def _is_api(request) -> bool:
    return request is not None and request.path.startswith("/api/")


def _database_down(exc: BaseException) -> bool:
    """Whether `exc` means the database could not be reached (not a bad query, which is a bug: 500)."""
    if isinstance(exc, InterfaceError):
        return True
    if isinstance(exc, OperationalError):
        text = str(exc).lower()
        # A cancelled statement (PostgreSQL statement_timeout) is a timeout, reported as such below.
        return "canceling statement" not in text
    return False


def fault_response(request, exc: BaseException) -> HttpResponse | None:
    """The 503 answer for a timeout or an unreachable database, or None for any other exception."""
    if isinstance(exc, RequestTimeout) or (
        isinstance(exc, OperationalError) and "canceling statement" in str(exc).lower()
    ):
        log.error("Request timed out: %s %s", getattr(request, "method", ""), getattr(request, "path", ""))
        return _answer(
            request,
            503,
            "timeout.html",
            "The request took too long and was stopped. Try again in a minute; if it keeps happening, "
            "narrow the request (fewer filters or a smaller region) or tell the state's SectorHub team.",
        )
    if _database_down(exc):
        log.error("Database unavailable: %s", exc)
        return _answer(
            request,
            503,
            "503.html",
            "The database is not answering, so SectorHub cannot show or save anything right now. Nothing you "
            f"submitted was saved. Try again in a few minutes (retry after {RETRY_AFTER_SECONDS} s).",
        )
    return None


def _answer(request, status: int, template: str, detail: str) -> HttpResponse:
    if _is_api(request):
        response = JsonResponse({"detail": detail}, status=status)
    else:
        body = loader.get_template(template).render({"detail": detail})
        response = HttpResponse(body, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request, *args, **kwargs) -> HttpResponse:
    """handler500: a timeout or database fault gets its 503 page; anything else the 500 page (JSON on /api/)."""
    import sys

    exc = sys.exc_info()[1]
    if exc is not None:
        answer = fault_response(request, exc)
        if answer is not None:
            return answer
    detail = (
        "Something went wrong on our side and the error was logged. Nothing you submitted was saved unless a "
        "confirmation said so. Go back and try again; if it happens again, tell the state's SectorHub team "
        "what you were doing."
    )
    return _answer(request, 500, "500.html", detail)


class FaultMiddleware:
    """Turn a view's timeout or database fault into the 503 page, also when DEBUG would show a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        """The 503 answer for the faults `fault_response` knows; other exceptions go on to handler500."""
        if isinstance(exception, DatabaseError | RequestTimeout):
            return fault_response(request, exception)
        return None


class RequestTimeoutMiddleware:
    """Stop a request that runs past SECTORHUB_REQUEST_TIMEOUT seconds by raising `RequestTimeout` in it.

    Uses SIGALRM, so it guards only requests served on the main thread (gunicorn's sync workers); threaded
    servers (runserver) run unguarded. 0 turns the guard off. gunicorn's own timeout is set a few seconds
    longer (`sectorhub web serve`), so this guard fires first and the user gets a page instead of a reset.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = float(getattr(settings, "SECTORHUB_REQUEST_TIMEOUT", 0) or 0)
        if seconds <= 0 or threading.current_thread() is not threading.main_thread():
            return self.get_response(request)
        previous = signal.signal(signal.SIGALRM, _raise_timeout)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return self.get_response(request)
        except RequestTimeout as exc:  # raised outside a view (in another middleware)
            return fault_response(request, exc)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _raise_timeout(signum, frame):
    raise RequestTimeout(f"request ran past {settings.SECTORHUB_REQUEST_TIMEOUT} s")


def not_found(request, exception=None) -> HttpResponse:
    """handler404: JSON `{"detail": "Not Found"}` under /api/ (also for paths no route matches, such as a
    negative id), the site's 404 page elsewhere."""
    if _is_api(request):
        return JsonResponse({"detail": "Not Found"}, status=404)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)
