"""Public-site URLs under /public/ (the header's "Public site" link leads here from every page, `/` included)."""

from django.urls import path

from sectorhub.public import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("partnerships/", views.directory, name="directory"),
    path("partnerships/<int:pk>/", views.partnership, name="partnership"),
    path("partnerships/<int:pk>/profile/", views.profile_edit, name="profile_edit"),
    path("events/", views.events, name="events"),
    path("resources/", views.resources, name="resources"),
    path("data-packages/", views.packages, name="packages"),
    path("why-join/", views.why_join, name="why_join"),
    path("inbox/", views.inbox, name="inbox"),
]
