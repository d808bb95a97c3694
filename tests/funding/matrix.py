"""Role-matrix objects for funding: streams, budgets, a solicitation, applications of two conveners, a review.

Object rules (funding/permissions.py and selectors): applications are confidential to the state, the applicant
(the convener of its partnership) and reviewers assigned to them (who declared no conflict), so an analyst is refused (404) and another
convener's application, its files, receipt and letter are refused on every path (403 or 404) and nothing changes;
a review page belongs to its reviewer only (state staff get 404); a convener sees and spends only the budgets of
partnerships assigned to them.
"""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from sectorhub.core.roles import Role
from sectorhub.funding import services
from sectorhub.funding.models import PolicyCheck
from tests.funding.factories import FundingStreamFactory, SolicitationFactory
from tests.matrix import Case
from tests.partnerships.factories import PartnershipFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
STATE = {Role.STATE_ADMIN.value, Role.STATE_STAFF.value}


def _application(user, solicitation, partnership, title: str, *, submit: bool):
    app = services.create_application(
        user=user,
        solicitation=solicitation,
        organization=partnership.convener,
        partnership=partnership,
        title=title,
    )
    services.set_budget_request(
        user=user, application=app, stream=solicitation.streams.get(), category="training", amount="5000"
    )
    letter = services.add_attachment(
        user=user,
        application=app,
        upload=SimpleUploadedFile("letter.pdf", PDF, "application/pdf"),
        title="Letter",
    )
    if submit:
        app = services.submit_application(user=user, application=app)
    return app, letter


def cases(*, users, other_convener) -> dict[str, Case]:
    """Own: the convener's partnership, budget and applications; other: another convener's."""
    staff, convener = users[Role.STATE_STAFF], users[Role.CONVENER]
    own_p = PartnershipFactory(name="Matrix funding own partnership")
    own_p.conveners.add(convener)
    other_p = PartnershipFactory(name="Matrix funding other partnership")
    other_p.conveners.add(other_convener)
    stream = FundingStreamFactory(name="Matrix stream")
    solicitation = SolicitationFactory(title="Matrix round", streams=[stream])
    criterion = solicitation.criteria.create(name="Industry leadership", weight=1)
    draft, _ = _application(convener, solicitation, own_p, "Own draft", submit=False)
    sent, letter = _application(convener, solicitation, own_p, "Own submitted", submit=True)
    funded, _ = _application(convener, solicitation, own_p, "Own funded", submit=True)
    services.decide(user=staff, application=funded, outcome="funded", reasons="Strong.", amount="5000")
    other_draft, _ = _application(other_convener, solicitation, other_p, "Other draft", submit=False)
    other_sent, other_letter = _application(
        other_convener, solicitation, other_p, "Other submitted", submit=True
    )
    other_funded, _ = _application(other_convener, solicitation, other_p, "Other funded", submit=True)
    services.decide(user=staff, application=other_funded, outcome="funded", reasons="Strong.", amount="5000")
    assignment = services.assign_reviewer(user=staff, application=sent, reviewer=users[Role.GRANT_REVIEWER])
    services.declare_conflict(user=users[Role.GRANT_REVIEWER], assignment=assignment, has_conflict=False)
    budget = services.create_budget(user=staff, name="Own budget", partnership=own_p)
    other_budget = services.create_budget(user=staff, name="Other budget", partnership=other_p)
    fund = services.record_leveraged(
        user=staff,
        organization=own_p.convener,
        kind="cash",
        amount="1000",
        source="Employer cash",
        received_on=dt.date(2026, 2, 1),
        partnership=own_p,
    )
    guide = services.add_solicitation_document(
        user=staff,
        solicitation=solicitation,
        title="Matrix guidance",
        upload=SimpleUploadedFile("guidance.pdf", PDF, "application/pdf"),
        is_public=True,
    )
    check = PolicyCheck.objects.order_by("key").first()
    analyst = frozenset({Role.ANALYST.value})
    pk = lambda obj: {"pk": obj.pk}  # noqa: E731
    return {
        "funding:stream_detail": Case(kwargs=pk(stream)),
        "funding:budget_detail": Case(kwargs=pk(budget), other=pk(other_budget)),
        "funding:budget_line_add": Case(kwargs=pk(budget)),
        "funding:expenditure_add": Case(kwargs=pk(budget), other=pk(other_budget)),
        "funding:leveraged_verify": Case(kwargs=pk(fund)),
        "funding:solicitation_detail": Case(kwargs=pk(solicitation)),
        "funding:solicitation_publish": Case(kwargs=pk(solicitation)),
        "funding:solicitation_release": Case(kwargs=pk(solicitation)),
        "funding:ranking": Case(kwargs=pk(solicitation)),
        "funding:solicitation_document_add": Case(kwargs=pk(solicitation)),
        "funding:solicitation_document": Case(kwargs=pk(guide)),
        "funding:application_create": Case(kwargs=pk(solicitation)),
        "funding:application_detail": Case(kwargs=pk(sent), refused=analyst, other=pk(other_sent)),
        "funding:application_edit": Case(kwargs=pk(draft), other=pk(other_draft)),
        "funding:application_attach": Case(kwargs=pk(draft), other=pk(other_draft)),
        "funding:application_submit": Case(kwargs=pk(draft), other=pk(other_draft)),
        "funding:application_receipt": Case(kwargs=pk(sent), other=pk(other_sent)),
        "funding:attachment_download": Case(kwargs=pk(letter), refused=analyst, other=pk(other_letter)),
        "funding:assign": Case(kwargs=pk(sent)),
        "funding:decide": Case(kwargs=pk(sent)),
        "funding:award_letter": Case(
            kwargs=pk(funded), refused=analyst | {Role.GRANT_REVIEWER.value}, other=pk(other_funded)
        ),
        "funding:review": Case(kwargs=pk(assignment), refused=frozenset(STATE)),
        "funding:checklist_edit": Case(kwargs={"key": check.key}),
        "api:funding_application_detail": Case(kwargs=pk(sent), refused=analyst, other=pk(other_sent)),
        # A valid score, so state staff (no assignment) are refused by the object rule, not by validation.
        "api:funding_application_scores": Case(
            kwargs=pk(sent),
            refused=frozenset(STATE),
            data=[{"criterion_id": criterion.pk, "score": 3, "comment": "Clear plan."}],
        ),
    }
