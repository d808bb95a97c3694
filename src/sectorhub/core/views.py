"""Core pages: sign in, sign out and a health check."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import JsonResponse


class LoginView(auth_views.LoginView):
    """Sign in; django-axes counts failures and locks repeated guessing out."""

    template_name = "core/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Sign out (POST only, as Django requires)."""


def health(request):
    """Liveness for load balancers: the database answers a trivial query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
