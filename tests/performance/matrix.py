"""Role-matrix objects for performance: a partnership's and a region's dashboards and quarterly reports.

Object rules (performance/permissions.py): state staff, analysts and reviewers see every partnership's reports; a
convener sees and reports for partnerships they may change only, so another convener's dashboard, report pages
and forms are refused (403 or 404) and nothing changes; state staff review and publish. An outcome run (its cells
only) is read by every signed-in role and published by state staff; stories are state staff's alone. The story
the delete URL is tried on is its own, so that deleting it leaves the others' pages answering.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sectorhub.core.roles import Role
from sectorhub.performance import services
from tests.matrix import Case
from tests.partnerships.factories import PartnershipFactory
from tests.regions.factories import CountyFactory, RegionFactory


def cases(*, users, other_convener) -> dict[str, Case]:
    """Own: a partnership of the convener's with a draft and a submitted report; other: another's draft."""
    from sectorhub.performance.models import OutcomeCell, OutcomeRun, Source

    catalogue = services.ensure_default_catalogue()
    indicator = catalogue.indicators.filter(source=Source.REPORTED).order_by("key").first()
    convener = users[Role.CONVENER]
    own_p = PartnershipFactory(name="Matrix performance own partnership")
    own_p.conveners.add(convener)
    other_p = PartnershipFactory(name="Matrix performance other partnership")
    other_p.conveners.add(other_convener)
    region = RegionFactory(
        name="Matrix performance region", counties=[CountyFactory(fips="39971", name="Perf")]
    )
    values = {indicator.key: Decimal("12")}
    own_draft = services.save_report(user=convener, partnership=own_p, quarter="2026Q1", values=values)
    own_sent = services.submit_report(
        user=convener,
        report=services.save_report(user=convener, partnership=own_p, quarter="2025Q4", values=values),
    )
    other_draft = services.save_report(
        user=other_convener, partnership=other_p, quarter="2026Q1", values=values
    )
    run = OutcomeRun.objects.create(
        label="Matrix outcome run", exits_from=dt.date(2023, 7, 1), exits_to=dt.date(2024, 6, 30),
        wages_through="2025Q2", participants_rows=12, wage_rows=9, participants_sha256="0" * 64,
        wages_sha256="1" * 64,
    )  # fmt: skip
    OutcomeCell.objects.create(run=run, indicator="employment_q2", group_by="all", numerator=9, denominator=12,
                               value=0.75, suppressed=False)  # fmt: skip
    staff = users[Role.STATE_STAFF]
    story = services.add_story(user=staff, year=2025, title="Matrix story", body="Kept.")
    doomed = services.add_story(user=staff, year=2025, title="Matrix story to delete", body="Deleted.")
    own, other = {"pk": own_p.pk}, {"pk": other_p.pk}
    draft, other_d = {"pk": own_draft.pk}, {"pk": other_draft.pk}
    sent = {"pk": own_sent.pk}
    return {
        "performance:partnership": Case(kwargs=own, other=other),
        "performance:region": Case(kwargs={"pk": region.pk}),
        "performance:report_new": Case(kwargs=own, other=other),
        "performance:report_upload": Case(kwargs=own, other=other),
        "performance:report_detail": Case(kwargs=draft, other=other_d),
        "performance:report_edit": Case(kwargs=draft, other=other_d),
        "performance:report_submit": Case(kwargs=draft, other=other_d, other_refuses=frozenset({"POST"})),
        "performance:report_review": Case(kwargs=sent, data={"decision": "approve"}),
        "performance:report_publish": Case(kwargs=sent),
        "performance:outcome_run": Case(kwargs={"pk": run.pk}),
        "performance:outcome_publish": Case(kwargs={"pk": run.pk}, data={"publish": "1"}),
        "performance:story_detail": Case(kwargs={"pk": story.pk}),
        "performance:story_edit": Case(kwargs={"pk": story.pk}),
        "performance:story_delete": Case(kwargs={"pk": doomed.pk}),
    }
