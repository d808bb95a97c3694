"""Capacity-building URLs under /capacity/."""

from django.urls import path

from sectorhub.capacity import views

app_name = "capacity"
urlpatterns = [
    path("events/", views.event_list, name="event_list"),
    path("events/new/", views.event_form, name="event_create"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", views.event_form, name="event_edit"),
    path("events/<int:pk>/attendance/", views.attendance_add, name="attendance_add"),
    path("events/<int:pk>/sign-in-sheet/", views.attendance_import, name="attendance_import"),
    path("not-reached/", views.not_reached, name="not_reached"),
    path("attendance/", views.attendance_summary, name="attendance_summary"),
    path("resources/", views.resource_list, name="resource_list"),
    path("resources/new/", views.resource_create, name="resource_create"),
    path("resources/<int:pk>/", views.resource_detail, name="resource_detail"),
    path("resources/<int:pk>/file/", views.resource_download, name="resource_download"),
    path("requests/", views.request_list, name="request_list"),
    path("requests/new/", views.request_create, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/update/", views.request_update, name="request_update"),
    path("report/", views.report, name="report"),
]
