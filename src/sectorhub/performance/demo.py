"""Demo performance data for the Ohio demo: approved, submitted and returned quarterly reports, and stories (one
public with consent, one internal, one deleted: the public crawler must meet only the first).

Idempotent: a report already there for a partnership and quarter is left as it is. Values are invented and the
reports are marked ``is_demo``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from sectorhub.partnerships.models import Partnership
from sectorhub.performance import selectors, services
from sectorhub.performance.models import Report, ReportStatus, Story

INTERNAL_STORY = "Demo: an internal story without consent"
DELETED_STORY = "Demo: a deleted story"
# Per quarter (oldest first) a base level; partnerships differ by a factor from their position.
BASE = {
    "employer-members": 11, "time-to-hire": 48, "hr-practices": 2, "training-programs": 1, "enrollment": 38,
    "completion": 24, "placement": 17, "work-based-learning": 9, "shared-funding": 1, "joint-projects": 1,
}  # fmt: skip


def extend_demo(*, password: str) -> str:
    """Add four quarters of reports for the demo partnerships (idempotent); returns one line for the output."""
    User = get_user_model()
    staff = User.objects.get(username="staff")
    services.ensure_default_catalogue()
    quarters = list(reversed(selectors.completed_quarters(dt.date.today(), 4)))
    partnerships = list(Partnership.objects.filter(is_demo=True).order_by("name")[:6])
    made = 0
    for p_index, p in enumerate(partnerships):
        for q_index, quarter in enumerate(quarters):
            if Report.objects.filter(partnership=p, quarter=quarter).exists():
                continue
            growth = 1 + 0.08 * q_index + 0.05 * p_index
            values = {
                k: Decimal(round(v / growth if k == "time-to-hire" else v * growth)) for k, v in BASE.items()
            }
            report = services.save_report(
                user=staff,
                partnership=p,
                quarter=quarter,
                values=values,
                narrative="Demo data: an invented quarterly narrative.",
            )
            report.is_demo = True
            report.save(update_fields=["is_demo"])
            last = q_index == len(quarters) - 1
            if last and p_index % 3 == 1:
                continue  # left as a draft: shows as missing
            services.submit_report(user=staff, report=report)
            if last and p_index % 3 == 2:
                continue  # waiting for review
            services.review_report(user=staff, report=report, approve=True)
            if p_index < 3:
                services.publish_report(user=staff, report=report)
            made += 1
    year = dt.date.today().year - 1
    if not Story.objects.filter(year=year).exists() and partnerships:
        public = services.add_story(
            user=staff,
            year=year,
            partnership=next((p for p in partnerships if p.is_public), None),
            title="Demo: a shared welding lab",
            body="Demo data: three employers and the community college opened a shared lab.",
            attribution="Demo data: an invented plant manager",
            consent=True,
            is_public=True,
        )
        private = services.add_story(
            user=staff,
            year=year,
            title=INTERNAL_STORY,
            body="Demo data: a draft story whose people have not agreed to publication.",
        )
        gone = services.add_story(user=staff, year=year, title=DELETED_STORY, body="Demo data: deleted.")
        services.delete_story(user=staff, story=gone)
        Story.objects.filter(pk__in=[public.pk, private.pk, gone.pk]).update(is_demo=True)
    approved = Report.objects.filter(status=ReportStatus.APPROVED, is_demo=True).count()
    return f"Performance: {approved} approved demo quarterly reports ({made} added)."
