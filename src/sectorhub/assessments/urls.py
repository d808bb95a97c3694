"""Self-assessment URLs: cycles, answers, the report (page and PDF), the action plan and instruments."""

from django.urls import path

from sectorhub.assessments import views

app_name = "assessments"
urlpatterns = [
    path("", views.cycle_list, name="cycle_list"),
    path("new/", views.cycle_create, name="cycle_create"),
    path("<int:pk>/", views.cycle_detail, name="cycle_detail"),
    path("<int:pk>/respondents/", views.respondents, name="respondents"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/respond/", views.respond, name="respond"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/report.pdf", views.report_pdf, name="report_pdf"),
    path("<int:pk>/actions/add/", views.action_add, name="action_add"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("instruments/", views.instrument_list, name="instrument_list"),
    path("instruments/import/", views.instrument_import, name="instrument_import"),
    path("instruments/<int:pk>/", views.instrument_detail, name="instrument_detail"),
    path("instruments/<int:pk>/edit/", views.instrument_edit, name="instrument_edit"),
    path("instruments/versions/<int:pk>.yaml", views.instrument_download, name="instrument_download"),
]
