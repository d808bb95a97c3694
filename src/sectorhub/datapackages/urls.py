"""Data package URLs: /regions/<id>/package (signed in) and /packages/ (published, public)."""

from django.urls import path

from sectorhub.datapackages import views, views_occupations

app_name = "datapackages"
urlpatterns = [
    path("regions/<int:pk>/package/", views.region_package, name="region_package"),
    path("regions/<int:pk>/package.<str:fmt>", views.download, name="download"),
    path("regions/<int:pk>/package/publish/", views.publish, name="publish"),
    path("regions/<int:pk>/package/training-supply/", views.training_supply, name="training_supply"),
    path("packages/", views.published, name="published"),
    path("packages/<int:pk>/", views.published_detail, name="published_detail"),
    path("packages/<int:pk>.json", views.published_download, name="published_download"),
    path("packages/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("occupations/", views_occupations.occupation_search, name="occupation_search"),
    path("occupations/<str:soc>/", views_occupations.occupation, name="occupation"),
]
