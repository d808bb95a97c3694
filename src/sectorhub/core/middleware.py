"""Request middleware: the permission map check on every view, and the Content-Security-Policy header."""

from __future__ import annotations

import json
import logging

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import JsonResponse

from sectorhub.core.faults import fault_response
from sectorhub.core.permissions import access_for, role_of
from sectorhub.core.roles import Role

log = logging.getLogger(__name__)


class PermissionMapMiddleware:
    """Refuse any request whose URL name is unmapped or whose role the map does not allow."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Check the resolved URL name against the map before the view runs."""
        match = request.resolver_match
        name = match.view_name if match else ""
        access = access_for(name)
        if access is None:
            # Fail closed: a URL someone forgot to map is refused rather than left open.
            log.error("URL %r (%s) is not in the permission map", name, request.path)
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "This page is not in the permission map."}, status=403)
            raise PermissionDenied("This page is not in the permission map.")
        api = name.startswith("api:") or request.path.startswith("/api/")
        try:
            role = role_of(request.user)  # the first database query of most requests (session, user)
        except DatabaseError as exc:
            answer = fault_response(request, exc)
            if answer is None:
                raise
            return answer
        if access.allows(role, request.method):
            return None
        if role == Role.PUBLIC:
            if api:
                return JsonResponse({"detail": "Authentication required"}, status=401)
            return redirect_to_login(request.get_full_path())
        if api:
            # API clients get JSON for every refusal, whichever role they hold.
            return JsonResponse({"detail": "Your role does not allow this."}, status=403)
        raise PermissionDenied("Your role does not allow this.")


class ApiTokenMiddleware:
    """Sign in API requests that carry `Authorization: Bearer <key>` as the token's user.

    Browsers never add this header on their own, so such requests cannot be forged across sites and skip the
    CSRF check; a wrong key gets 401 at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if request.path.startswith("/api/") and header.startswith("Bearer "):
            from sectorhub.core.tokens import user_for_key

            user = user_for_key(header.removeprefix("Bearer ").strip())
            if user is None:
                return JsonResponse({"detail": "Invalid API token"}, status=401)
            request.user = user
            request.api_token = True
            request._dont_enforce_csrf_checks = True
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Send the CONTENT_SECURITY_POLICY setting as a header on every response that lacks one."""

    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", {})
        self.header = "; ".join(f"{directive} {' '.join(values)}" for directive, values in policy.items())

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.header
        return response


def _has_nul(value) -> bool:
    """Whether a decoded JSON value holds a NUL character in any string or key."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class ApiNulMiddleware:
    """Refuse API requests whose query or JSON body holds a NUL character: 422 JSON before any view runs.

    PostgreSQL cannot store or compare NUL in text, so such a value would otherwise end in a 500; the web
    forms refuse it already (Django's ProhibitNullCharactersValidator)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") and self._nul(request):
            return JsonResponse(
                {"detail": "The request holds a NUL (0x00) character, which is not allowed."}, status=422
            )
        return self.get_response(request)

    @staticmethod
    def _nul(request) -> bool:
        if any("\x00" in k or any("\x00" in v for v in request.GET.getlist(k)) for k in request.GET):
            return True
        if request.content_type == "application/json" and request.body:
            try:
                return _has_nul(json.loads(request.body))
            except ValueError:
                return False  # not JSON: the API answers 422 for it
        return False
