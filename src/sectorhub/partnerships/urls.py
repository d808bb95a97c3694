"""Registry URLs: the dashboard at the site root, partnerships, organizations and goals."""

from django.urls import path

from sectorhub.partnerships import views

app_name = "partnerships"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("partnerships/", views.partnership_list, name="list"),
    path("partnerships/new/", views.partnership_create, name="create"),
    path("partnerships/<int:pk>/", views.partnership_detail, name="detail"),
    path("partnerships/<int:pk>/edit/", views.partnership_edit, name="edit"),
    path("partnerships/<int:pk>/phase/", views.phase_change, name="phase"),
    path("partnerships/<int:pk>/members/add/", views.member_add, name="member_add"),
    path("partnerships/<int:pk>/quality/add/", views.rating_add, name="rating_add"),
    path("partnerships/<int:pk>/meetings/add/", views.meeting_add, name="meeting_add"),
    path("partnerships/<int:pk>/actions/add/", views.action_add, name="action_add"),
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/new/", views.organization_create, name="organization_create"),
    path("goals/", views.goals, name="goals"),
]
