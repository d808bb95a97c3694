"""Demo funding data for the Ohio demo: a braided $5 million fund like New Jersey's Targeted Industry Partnership
fund, a closed round with reviewed and decided applications, an open round, budgets, spending, leveraged funds,
the policy inventory and checklist, and a few training programs. Everything invented is labelled "Demo".

Run by `sectorhub demo load` after the registry demo; loading twice adds nothing (each block is keyed by a name).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from sectorhub.core.roles import Role
from sectorhub.funding import services
from sectorhub.funding.models import (
    Application,
    Award,
    Budget,
    FundingStream,
    Policy,
    PolicyCheck,
    ProgramUpload,
    Solicitation,
)

D = Decimal
STREAMS = [
    # name, source, amount, allowed uses, match share, in-kind counts
    ("Demo: WIOA governor's reserve, PY2026", "wioa_reserve", "1500000", ["staff", "training", "convening", "other"], "0", False),
    ("Demo: SNAP E&T 50/50 funds", "snap_et", "1500000", ["training", "supportive_services"], "1", False),
    ("Demo: State general fund, sector partnerships", "state_general", "1500000", ["staff", "training", "equipment", "convening", "other"], "0.25", True),
    ("Demo: Ohio Workforce Philanthropy Fund", "private", "500000", ["staff", "convening", "supportive_services"], "0", False),
]  # fmt: skip
ROUND1 = "Demo: Sector Partnership Grants, Round 1 (2026)"
ROUND2 = "Demo: Sector Partnership Grants, Round 2 (2027)"
MFG = "Demo: Central Ohio Advanced Manufacturing Partnership"
HEALTH = "Demo: Columbus Healthcare Workforce Collaborative"
IT = "Demo: Northeast Ohio IT Sector Partnership"
POLYMERS = "Demo: Summit-Portage Polymers Partnership"
GLASS = "Demo: Maumee Valley Glass and Automotive Alliance"
# partnership, title, request lines (stream index, category, dollars), scores by reviewer, decision
APPLICATIONS = [
    (MFG, "Demo: Advanced manufacturing technician pipeline", [(0, "training", "250000"), (2, "staff", "150000"), (2, "equipment", "100000")],
     {"reviewer": (5, 4, 4, 5, 4), "reviewer2": (4, 4, 5, 4, 4)}, ("funded", "500000", "Ranked first; strong employer leadership and a braided budget.")),
    (HEALTH, "Demo: Nursing and allied health career ladder", [(0, "training", "200000"), (2, "staff", "100000")],
     {"reviewer": (4, 4, 3, 4, 4), "reviewer2": (4, 5, 4, 3, 4)}, ("funded", "300000", "Ranked second; clear shared priorities among hospital systems.")),
    (IT, "Demo: Cybersecurity apprenticeship expansion", [(0, "training", "250000"), (2, "staff", "100000")],
     {"reviewer": (3, 2, 3, 3, 2), "reviewer2": (1, 4, 3, 2, 3)}, ("not_funded", "0", "Ranked third; employer commitments were not yet documented.")),
]  # fmt: skip
PROGRAMS_CSV = """provider,program,cip_code,credential,cost,length_weeks,enrollments,completers
Demo: Columbus State Community College,Registered Nursing (ADN),51.3801,Associate degree,9800,88,220,164
Demo: Columbus State Community College,Welding Technology,48.0508,Certificate,4200,32,90,71
Demo: Eastland-Fairfield Career Center,Industrial Maintenance Mechanic,47.0303,Certificate,6100,40,45,38
Demo: Tri-C Workforce Institute,Cybersecurity Analyst,11.1003,Certificate,5200,26,60,41
Demo: Central Ohio Truck Driving School,Commercial Driver's License (CDL-A),49.0205,License,5900,6,150,132
Demo: Hondros College,Medical Assistant,51.0801,Certificate,12500,48,80,55
"""


def extend_demo(*, password: str) -> str:
    """Add the funding demo; returns one line for the output."""
    User = get_user_model()
    staff = User.objects.get(username="staff")
    reviewer2, created = User.objects.get_or_create(
        username="reviewer2",
        defaults={"first_name": "Robin", "last_name": "Reviewer", "role": Role.GRANT_REVIEWER},
    )
    reviewer2.email = "reviewer2@example.org"
    reviewer2.set_password(password)
    reviewer2.save()
    with transaction.atomic():
        streams = _streams(staff)
        _round1(staff, streams)
        _round2(staff, streams)
        _braided_budget(staff, streams)
        _policies(staff)
        _programs(staff)
    awarded = sum(a.amount for a in Award.objects.filter(application__is_demo=True, outcome="funded"))
    return (
        f"Funding: {FundingStream.objects.filter(is_demo=True).count()} demo streams braided into a "
        f"${sum(s.amount for s in streams):,.0f} fund, {Solicitation.objects.filter(is_demo=True).count()} "
        f"solicitations, {Application.objects.filter(is_demo=True).count()} applications, ${awarded:,.0f} awarded; "
        "a second grant reviewer, reviewer2, has the demo users' password."
    )


def _streams(staff) -> list[FundingStream]:
    out = []
    for name, source, amount, uses, share, in_kind in STREAMS:
        stream = FundingStream.objects.filter(name=name).first() or services.create_stream(
            user=staff,
            name=name,
            source=source,
            amount=amount,
            allowed_uses=uses,
            match_share=share,
            match_in_kind=in_kind,
            available_from=dt.date(2026, 1, 1),
            available_until=dt.date(2028, 6, 30),
            description="Demo data: an invented stream.",
            is_demo=True,
        )
        out.append(stream)
    return out


def _partnership(name):
    from sectorhub.partnerships.models import Partnership

    return Partnership.objects.get(name=name)


def _round1(staff, streams) -> None:
    """A closed round: three applications, two reviewers each, two funded, scores released."""
    from sectorhub.partnerships.models import Organization

    if Solicitation.objects.filter(title=ROUND1).exists():
        return
    User = get_user_model()
    now = timezone.now()
    s = services.create_solicitation(
        user=staff,
        title=ROUND1,
        description="Demo data. Competitive grants to regional sector partnerships, braided from the state's WIOA "
        "reserve and general fund, for plans that employers lead.",
        amount="1200000",
        streams=[streams[0], streams[2]],
        opens_at=now - dt.timedelta(days=2),
        closes_at=now + dt.timedelta(days=1),
        min_partner_kinds={"business": 2},
        questions=[
            "Which employers lead the partnership, and what have they committed?",
            "What will the grant pay for, and how will it last after the grant?",
        ],
        is_demo=True,
    )
    services.publish_solicitation(user=staff, solicitation=s)
    reviewers = {u.username: u for u in User.objects.filter(username__in=["reviewer", "reviewer2"])}
    businesses = list(Organization.objects.filter(kind="business", is_demo=True).order_by("name")[:6])
    for index, (pname, title, lines, scores, (outcome, amount, reasons)) in enumerate(APPLICATIONS):
        p = _partnership(pname)
        app = services.create_application(
            user=staff, solicitation=s, organization=p.convener, partnership=p, title=title, is_demo=True
        )
        services.save_answers(
            user=staff,
            application=app,
            answers={q.pk: f"Demo data: an invented answer for {title}." for q in s.questions.all()},
        )
        for stream_index, category, dollars in lines:
            services.set_budget_request(
                user=staff, application=app, stream=streams[stream_index], category=category, amount=dollars
            )
        for org in businesses[index * 2 : index * 2 + 2]:
            services.add_partner(user=staff, application=app, organization=org, role="Employer co-chair")
        app = services.submit_application(
            user=staff, application=app, now=now - dt.timedelta(hours=3 - index)
        )
        for username, values in scores.items():
            assignment = services.assign_reviewer(user=staff, application=app, reviewer=reviewers[username])
            services.declare_conflict(user=reviewers[username], assignment=assignment, has_conflict=False)
            criteria = list(s.criteria.all())
            services.score_application(
                user=reviewers[username],
                assignment=assignment,
                scores={
                    c.pk: (v, "Demo data: an invented comment.")
                    for c, v in zip(criteria, values, strict=True)
                },
            )
        award = services.decide(user=staff, application=app, outcome=outcome, amount=amount, reasons=reasons)
        if outcome == "funded":
            _award_budget(staff, award)
    services.release_scores(user=staff, solicitation=s)
    # The round is dated to the first half of 2026 (the demo's history); its window has closed.
    s.opens_at = timezone.make_aware(dt.datetime(2026, 1, 15, 9, 0))
    s.closes_at = timezone.make_aware(dt.datetime(2026, 3, 31, 17, 0))
    s._change_reason = "Demo: dated to its round"
    s.save()
    from sectorhub.funding.services.grants import receipt_text

    for index, app in enumerate(Application.objects.filter(solicitation=s).order_by("pk")):
        app.submitted_at = timezone.make_aware(dt.datetime(2026, 3, 24 + index, 14, 30))
        app.receipt_text = receipt_text(app, staff)
        app._change_reason = "Demo: dated to its round"
        app.save()
        app.award.decided_at = timezone.make_aware(dt.datetime(2026, 4, 15, 10, 0))
        app.award._change_reason = "Demo: dated to its round"
        app.award.save()


def _award_budget(staff, award) -> None:
    """A budget for a funded award with the lines requested, some spending and leveraged funds."""
    from sectorhub.partnerships.models import Organization

    app = award.application
    budget = services.create_budget(user=staff, name=f"Award budget: {app.title}", award=award, is_demo=True)
    lines = []
    for req in app.budget_lines.all():
        lines.append(
            services.add_budget_line(
                user=staff, budget=budget, stream=req.stream, category=req.category, amount=req.amount
            )
        )
    for month, line in zip((4, 5, 6), lines, strict=False):
        services.record_expenditure(
            user=staff,
            line=line,
            amount=(line.amount * D("0.3")).quantize(D("0.01")),
            spent_on=dt.date(2026, month, 28),
            description="Demo data: quarterly draw",
        )
    employers = list(
        Organization.objects.filter(memberships__partnership=app.partnership, kind="business").distinct()[:3]
    )
    for n, org in enumerate(employers):
        kind = "cash" if n == 0 else "in_kind"
        fund = services.record_leveraged(
            user=staff,
            organization=org,
            award=award,
            kind=kind,
            amount="40000" if kind == "cash" else "25000",
            source="Employer cash match" if kind == "cash" else "Instructor time and donated equipment",
            received_on=dt.date(2026, 5, 15),
            is_demo=True,
        )
        if n < 2:
            services.verify_leveraged(user=staff, fund=fund)


def _round2(staff, streams) -> None:
    """An open round with one draft application by the demo convener."""
    if Solicitation.objects.filter(title=ROUND2).exists():
        return
    now = timezone.now()
    s = services.create_solicitation(
        user=staff,
        title=ROUND2,
        description="Demo data. Grants for partnerships in the launched phase or later to train workers for their "
        "employers' high-demand occupations, with supportive services from SNAP E&T.",
        amount="800000",
        streams=[streams[1], streams[2]],
        opens_at=now - dt.timedelta(days=7),
        closes_at=now + dt.timedelta(days=45),
        min_partner_kinds={"business": 3, "education": 1},
        min_phase=_phase("launched"),
        questions=[
            "Which target occupations will the training serve, and which programs on the training provider list?",
            "How will participants get the supportive services they need?",
        ],
        is_demo=True,
    )
    services.publish_solicitation(user=staff, solicitation=s)
    _documents(staff, s)
    convener = get_user_model().objects.get(username="convener")
    p = _partnership(HEALTH)
    services.create_application(
        user=convener,
        solicitation=s,
        organization=p.convener,
        partnership=p,
        title="Demo: Medical assistant cohort with childcare support",
        is_demo=True,
    )
    _submitted_for_review(staff, s, streams)


def _pdf(text: str) -> bytes:
    """A one-page PDF with a line of text (enough for the content check and a PDF reader)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _documents(staff, s) -> None:
    """Round 2's documents: a public budget template and an internal scoring guide for reviewers (uploads)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    for title, name, public in (
        ("Demo: Round 2 budget template", "round-2-budget-template.pdf", True),
        ("Demo: Round 2 scoring guide for reviewers", "round-2-scoring-guide.pdf", False),
    ):
        services.add_solicitation_document(
            user=staff,
            solicitation=s,
            title=title,
            upload=SimpleUploadedFile(name, _pdf(f"Demo data. {title}.")),
            is_public=public,
        )


def _submitted_for_review(staff, s, streams) -> None:
    """A submitted Round 2 application: reviewer2 has scored it; the demo `reviewer` still has to declare."""
    from sectorhub.partnerships.models import Organization

    User = get_user_model()
    p = _partnership(GLASS)
    app = services.create_application(
        user=staff,
        solicitation=s,
        organization=p.convener,
        partnership=p,
        title="Demo: Glass and automotive maintenance technicians",
        is_demo=True,
    )
    services.save_answers(
        user=staff,
        application=app,
        answers={q.pk: "Demo data: an invented answer." for q in s.questions.all()},
    )
    services.set_budget_request(
        user=staff, application=app, stream=streams[1], category="training", amount="150000"
    )
    services.set_budget_request(
        user=staff, application=app, stream=streams[2], category="staff", amount="50000"
    )
    partners = list(Organization.objects.filter(memberships__partnership=p, kind="business").distinct()[:3])
    partners += list(Organization.objects.filter(name="Demo: Maumee Valley Technical College"))
    for org in partners:
        services.add_partner(user=staff, application=app, organization=org, role="Partner")
    app = services.submit_application(user=staff, application=app)
    reviewer, reviewer2 = User.objects.get(username="reviewer"), User.objects.get(username="reviewer2")
    services.assign_reviewer(user=staff, application=app, reviewer=reviewer)
    assignment = services.assign_reviewer(user=staff, application=app, reviewer=reviewer2)
    services.declare_conflict(user=reviewer2, assignment=assignment, has_conflict=False)
    services.score_application(
        user=reviewer2,
        assignment=assignment,
        scores={c.pk: (4, "Demo data: an invented comment.") for c in s.criteria.all()},
    )


def _phase(slug):
    from sectorhub.partnerships.models import Phase

    return Phase.objects.get(slug=slug)


def _braided_budget(staff, streams) -> None:
    """A partnership's own braided budget from SNAP E&T and philanthropy, outside any award."""
    name = "Demo: Summit-Portage Polymers braided budget 2026"
    if Budget.objects.filter(name=name).exists():
        return
    budget = services.create_budget(user=staff, name=name, partnership=_partnership(POLYMERS), is_demo=True)
    services.add_budget_line(
        user=staff, budget=budget, stream=streams[1], category="training", amount="80000"
    )
    services.add_budget_line(
        user=staff, budget=budget, stream=streams[1], category="supportive_services", amount="20000"
    )
    services.add_budget_line(
        user=staff, budget=budget, stream=streams[3], category="convening", amount="15000"
    )


POLICIES = [
    ("legislation", "Workforce Innovation and Opportunity Act: definition of an industry or sector partnership",
     "29 U.S.C. 3102(26) (WIOA sec. 3(26))", 2014, "in_effect", "partnerships", "https://www.congress.gov/bill/113th-congress/house-bill/803", True),
    ("legislation", "Demo: Ohio Sector Partnership Act (invented)", "Demo: Ohio Rev. Code (invented)", 2025, "proposed", "policy", "", True),
    ("administrative", "Demo: Policy letter on sector strategies in local plans (invented)", "Demo: WIOAPL 25-01", 2025, "in_effect", "policy", "", True),
]  # fmt: skip
CHECKLIST = {
    "competitive_grants": (
        "in_place",
        f"{ROUND1}: $1,200,000 awarded competitively against weighted criteria.",
    ),
    "braided_funding": (
        "in_place",
        "Demo: four streams braided into one $5 million fund, like New Jersey's.",
    ),
    "etpl_targeting": (
        "in_progress",
        "Demo: the training provider list is checked against regional target occupations.",
    ),
    "local_guidance": ("in_progress", "Demo: a draft policy letter on sector strategies in local plans."),
}


def _policies(staff) -> None:
    for kind, title, citation, year, status, capability, link, public in POLICIES:
        if not Policy.objects.filter(title=title).exists():
            services.add_policy(
                user=staff,
                kind=kind,
                title=title,
                citation=citation,
                year=year,
                status=status,
                capability=capability,
                link=link,
                is_public=public,
                is_demo=title.startswith("Demo"),
            )
    for key, (state, evidence) in CHECKLIST.items():
        if PolicyCheck.objects.get(key=key).state == "not_started":
            services.update_policy_check(user=staff, key=key, state=state, evidence=evidence)


def _programs(staff) -> None:
    if ProgramUpload.objects.exists():
        return
    upload = SimpleUploadedFile("demo-etpl.csv", PROGRAMS_CSV.encode(), "text/csv")
    services.upload_programs(user=staff, upload=upload)


__all__ = ["extend_demo"]
