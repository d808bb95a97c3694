"""Performance URLs; every name is in permissions.URL_PERMISSIONS."""

from django.urls import path

from sectorhub.performance import views

app_name = "performance"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("partnerships/<int:pk>/", views.partnership_dashboard, name="partnership"),
    path("regions/<int:pk>/", views.region_dashboard, name="region"),
    path("scorecard/", views.scorecard, name="scorecard"),
    path("indicators/", views.indicators, name="indicators"),
    path("reports/", views.reports, name="reports"),
    path("partnerships/<int:pk>/reports/new/", views.report_new, name="report_new"),
    path("partnerships/<int:pk>/reports/upload/", views.report_upload, name="report_upload"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/submit/", views.report_submit, name="report_submit"),
    path("reports/<int:pk>/review/", views.report_review, name="report_review"),
    path("reports/<int:pk>/publish/", views.report_publish, name="report_publish"),
    path("outcomes/", views.outcomes, name="outcomes"),
    path("outcomes/upload/", views.outcome_upload, name="outcome_upload"),
    path("outcomes/<int:pk>/", views.outcome_run, name="outcome_run"),
    path("outcomes/<int:pk>/publish/", views.outcome_publish, name="outcome_publish"),
    path("stories/", views.stories, name="stories"),
    path("stories/new/", views.story_new, name="story_new"),
    path("stories/<int:pk>/", views.story_detail, name="story_detail"),
    path("stories/<int:pk>/edit/", views.story_edit, name="story_edit"),
    path("stories/<int:pk>/delete/", views.story_delete, name="story_delete"),
    path("annual-report/", views.annual_report, name="annual_report"),
    path("annual-report.pdf", views.annual_report_pdf, name="annual_report_pdf"),
    path("annual-report.xlsx", views.annual_report_xlsx, name="annual_report_xlsx"),
    path("public/scorecard/", views.public_scorecard, name="public_scorecard"),
    path("public/annual-report/", views.public_annual_report, name="public_annual_report"),
    path("public/annual-report.pdf", views.public_annual_report_pdf, name="public_annual_report_pdf"),
    path("public/annual-report.xlsx", views.public_annual_report_xlsx, name="public_annual_report_xlsx"),
]
