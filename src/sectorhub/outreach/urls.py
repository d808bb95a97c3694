"""Outreach URLs under /outreach/."""

from django.urls import path

from sectorhub.outreach import views

app_name = "outreach"
urlpatterns = [
    path("", views.home, name="home"),
    path("networks/new/", views.network_create, name="network_create"),
    path("networks/<int:pk>/", views.network_detail, name="network_detail"),
    path("champions/", views.champion_list, name="champion_list"),
    path("champions/new/", views.champion_create, name="champion_create"),
    path("engagements/", views.engagement_list, name="engagement_list"),
    path("engagements/new/", views.engagement_create, name="engagement_create"),
    path("recommendations/new/", views.recommendation_create, name="recommendation_create"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation_detail"),
    path("recommendations/<int:pk>/status/", views.recommendation_status, name="recommendation_status"),
    path("campaigns/new/", views.campaign_create, name="campaign_create"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/materials/", views.material_add, name="material_add"),
    path("champions/public/", views.public_champions, name="public_champions"),
]
