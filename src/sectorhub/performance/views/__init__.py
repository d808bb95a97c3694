"""Performance pages. Views parse the request, call one selector or service, and render (one module per area)."""

from sectorhub.performance.views.annual import (
    annual_report,
    annual_report_pdf,
    annual_report_xlsx,
    public_annual_report,
    public_annual_report_pdf,
    public_annual_report_xlsx,
)
from sectorhub.performance.views.outcomes import outcome_publish, outcome_run, outcome_upload, outcomes
from sectorhub.performance.views.reports import (
    dashboard,
    indicators,
    partnership_dashboard,
    public_scorecard,
    region_dashboard,
    report_detail,
    report_edit,
    report_new,
    report_publish,
    report_review,
    report_submit,
    report_upload,
    reports,
    scorecard,
)
from sectorhub.performance.views.stories import stories, story_delete, story_detail, story_edit, story_new

__all__ = [
    "annual_report", "annual_report_pdf", "annual_report_xlsx", "dashboard", "indicators", "outcome_publish",
    "outcome_run", "outcome_upload", "outcomes", "partnership_dashboard", "public_annual_report",
    "public_annual_report_pdf", "public_annual_report_xlsx", "public_scorecard", "region_dashboard",
    "report_detail", "report_edit", "report_new", "report_publish", "report_review", "report_submit",
    "report_upload", "reports", "scorecard", "stories", "story_delete", "story_detail", "story_edit", "story_new",
]  # fmt: skip
