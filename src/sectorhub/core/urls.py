"""Core URLs: sign in, sign out, health."""

from django.urls import path

from sectorhub.core import views

app_name = "core"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("health/", views.health, name="health"),
]
