"""Live evidence for the self-assessment's performance-measurement items (core.evidence contract)."""

from __future__ import annotations

from sectorhub.core.evidence import Evidence


def indicators_reported(*, user, region=None) -> Evidence:
    """Active partnerships with an approved quarterly report in the last four completed quarters."""
    import datetime as dt

    from sectorhub.partnerships.models import Partnership
    from sectorhub.performance import selectors
    from sectorhub.performance.models import Report, ReportStatus

    quarters = selectors.completed_quarters(dt.date.today())
    partnerships = Partnership.objects.filter(phase__is_active=True)
    if region is not None:
        partnerships = partnerships.filter(region__counties__in=region.counties.all()).distinct()
    total = partnerships.count()
    reporting = (
        Report.objects.filter(
            partnership__in=partnerships, quarter__in=quarters, status=ReportStatus.APPROVED
        )
        .values("partnership")
        .distinct()
        .count()
    )
    if not total:
        return Evidence("performance", "Partnerships reporting indicators", "No active partnerships.",
                        available=False)  # fmt: skip
    return Evidence(
        source="performance",
        label="Partnerships reporting indicators",
        summary=f"{reporting} of {total} active partnerships have an approved quarterly report in {quarters[-1]}"
        f" to {quarters[0]}.",
        value=reporting / total,
    )


def reports_reviewed(*, user, region=None) -> Evidence:
    """Quarterly reports state staff reviewed (approved or returned) in the last four quarters."""
    import datetime as dt

    from sectorhub.performance import selectors
    from sectorhub.performance.models import Report, ReportStatus

    quarters = selectors.completed_quarters(dt.date.today())
    reports = Report.objects.filter(quarter__in=quarters)
    if region is not None:
        reports = reports.filter(partnership__region__counties__in=region.counties.all()).distinct()
    reviewed = reports.filter(status__in=[ReportStatus.APPROVED, ReportStatus.RETURNED]).count()
    return Evidence(
        source="performance",
        label="Reports reviewed by the state",
        summary=f"{reviewed} quarterly reports reviewed for {quarters[-1]} to {quarters[0]}.",
        value=float(reviewed),
    )


EVIDENCE = {
    "performance_indicators_reported": indicators_reported,
    "performance_reports_reviewed": reports_reviewed,
}
