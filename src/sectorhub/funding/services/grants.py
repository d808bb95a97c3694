"""Solicitations and applications: drafting, the window, eligibility, attachments, submission and the receipt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from sectorhub.core.files import save_file
from sectorhub.core.history import record
from sectorhub.core.permissions import role_of
from sectorhub.core.roles import Role
from sectorhub.funding.models import (
    Answer,
    Application,
    ApplicationBudgetLine,
    ApplicationPartner,
    ApplicationStatus,
    Attachment,
    CostCategory,
    Criterion,
    Question,
    Solicitation,
    SolicitationDocument,
)
from sectorhub.funding.models.budgets import ZERO
from sectorhub.funding.money import dollars, to_money
from sectorhub.funding.permissions import is_applicant, is_state
from sectorhub.funding.uploads import check_upload


def _require_state(user, what: str) -> None:
    if not is_state(user):
        raise PermissionDenied(f"Only state staff may {what}.")


def _require_applicant(user, application: Application) -> None:
    if not (is_state(user) or is_applicant(user, application)):
        raise PermissionDenied("You may change only your own applications.")


def _require_draft(application: Application) -> None:
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError("This application was submitted; it can no longer be changed.")


def default_criteria() -> list[tuple[str, str, Decimal, object]]:
    """The state's active high-quality partnership criteria as (name, description, weight 1, criterion)."""
    from sectorhub.partnerships.models import QualityCriterion

    return [(c.name, c.description, Decimal("1"), c) for c in QualityCriterion.objects.filter(is_active=True)]


@transaction.atomic
def create_solicitation(
    *,
    user,
    title: str,
    description: str,
    amount,
    streams,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    region_kinds: list[str] | None = None,
    min_partner_kinds: dict[str, int] | None = None,
    min_phase=None,
    criteria: list[tuple[str, str, Decimal]] | None = None,
    questions: list[str] | None = None,
    documents: list[tuple[str, str]] | None = None,
    is_demo: bool = False,
) -> Solicitation:
    """Draft a solicitation. Criteria default to the state's quality definition, each with weight 1.

    The amount may not exceed what the named streams have left to obligate.
    """
    from sectorhub.funding.selectors.budgets import stream_balances

    _require_state(user, "draft solicitations")
    streams = list(streams)
    if not streams:
        raise ValidationError({"streams": "Name at least one funding stream."})
    amount = to_money(amount)
    left = sum((b.available for b in stream_balances(streams)), ZERO)
    if amount > left:
        raise ValidationError({"amount": f"The streams named have only {dollars(left)} left to obligate."})
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": "The window closes before it opens."})
    for kind, count in (min_partner_kinds or {}).items():
        if int(count) < 0:
            raise ValidationError({"min_partner_kinds": f"A negative minimum for {kind}."})
    solicitation = Solicitation(
        title=title,
        description=description,
        amount=amount,
        opens_at=opens_at,
        closes_at=closes_at,
        region_kinds=list(region_kinds or []),
        min_partner_kinds={k: int(v) for k, v in (min_partner_kinds or {}).items() if int(v) > 0},
        min_phase=min_phase,
        is_demo=is_demo,
    )
    solicitation.full_clean()
    record(solicitation, user=user, reason="Solicitation drafted")
    solicitation.save()
    solicitation.streams.set(streams)
    rows = [(n, d, Decimal(str(w)), None) for n, d, w in criteria] if criteria else default_criteria()
    if not rows:
        raise ValidationError({"criteria": "Give at least one scoring criterion."})
    for order, (name, text, weight, quality) in enumerate(rows):
        if weight <= 0:
            raise ValidationError({"criteria": f"The weight of {name!r} must be more than zero."})
        c = Criterion(
            solicitation=solicitation,
            name=name,
            description=text,
            weight=weight,
            quality_criterion=quality,
            order=order,
        )
        record(c, user=user, reason="Criterion set")
        c.save()
    for order, prompt in enumerate(questions or []):
        q = Question(solicitation=solicitation, prompt=prompt, order=order)
        record(q, user=user, reason="Question set")
        q.save()
    for doc_title, url in documents or []:
        d = SolicitationDocument(solicitation=solicitation, title=doc_title, url=url, is_public=True)
        d.full_clean()
        record(d, user=user, reason="Document added")
        d.save()
    return solicitation


@transaction.atomic
def publish_solicitation(*, user, solicitation: Solicitation, published: bool = True) -> Solicitation:
    """Publish a solicitation on the public site (or take it down)."""
    _require_state(user, "publish solicitations")
    solicitation.is_published = published
    record(solicitation, user=user, reason="Published" if published else "Unpublished")
    solicitation.save()
    return solicitation


@transaction.atomic
def add_solicitation_document(
    *, user, solicitation: Solicitation, title: str, upload=None, url: str = "", is_public: bool = False
) -> SolicitationDocument:
    """Add a document to a solicitation (state staff): an uploaded file (PDF, DOCX, XLSX, PNG or JPEG by
    content, 10 MB at most, stored outside the web root) or a link, not both. Public ones are offered on the
    solicitation's page once it is published; internal ones only to state staff and grant reviewers."""
    _require_state(user, "add solicitation documents")
    if (upload is None) == (not url):
        raise ValidationError({"file": "Upload a file or give a link (one of the two)."})
    doc = SolicitationDocument(solicitation=solicitation, title=title.strip(), url=url, is_public=is_public)
    content = None
    if upload is not None:
        name, doc.content_type, content, doc.sha256 = check_upload(upload)
        doc.original_name, doc.size = name, len(content)
        doc.title = doc.title or name
    doc.full_clean(exclude=["file"])
    if content is not None:
        # Deleted again if this save or an enclosing transaction rolls back (core.files).
        save_file(doc.file, f"{doc.sha256[:16]}-{doc.original_name}", ContentFile(content))
    record(doc, user=user, reason="Document added")
    doc.save()
    return doc


def is_open(solicitation: Solicitation, now: dt.datetime | None = None) -> bool:
    """Published and within its window (server time)."""
    now = now or timezone.now()
    return solicitation.is_published and solicitation.opens_at <= now < solicitation.closes_at


@transaction.atomic
def create_application(
    *,
    user,
    solicitation: Solicitation,
    organization,
    title: str,
    partnership=None,
    summary: str = "",
    is_demo=False,
) -> Application:
    """Start a draft application while the solicitation is open; a convener applies for their own partnership."""
    from sectorhub.partnerships.permissions import can_change_partnership

    if role_of(user) not in {Role.CONVENER, Role.STATE_ADMIN, Role.STATE_STAFF}:
        raise PermissionDenied("Conveners and state staff start applications.")
    if partnership is not None and not can_change_partnership(user, partnership):
        raise PermissionDenied("You may apply only for partnerships assigned to you.")
    if role_of(user) == Role.CONVENER and partnership is None:
        raise ValidationError({"partnership": "Choose the partnership you apply for."})
    if not is_open(solicitation):
        raise ValidationError("This solicitation is not open for applications.")
    application = Application(
        solicitation=solicitation,
        partnership=partnership,
        organization=organization,
        title=title,
        summary=summary,
        created_by=user,
        is_demo=is_demo,
    )
    application.full_clean()
    record(application, user=user, reason="Application started")
    application.save()
    return application


@transaction.atomic
def save_answers(*, user, application: Application, answers: dict[int, str]) -> None:
    """Save narrative answers (question id → text), each within its word limit."""
    _require_applicant(user, application)
    _require_draft(application)
    questions = {q.pk: q for q in application.solicitation.questions.all()}
    for qid, text in answers.items():
        question = questions.get(int(qid))
        if question is None:
            raise ValidationError(f"Question {qid} is not part of this solicitation.")
        words = len(text.split())
        if words > question.max_words:
            raise ValidationError({f"q{qid}": f"{words} words; the limit is {question.max_words}."})
        answer, _ = Answer.objects.get_or_create(application=application, question=question)
        answer.text = text.strip()
        record(answer, user=user, reason="Answer saved")
        answer.save()


@transaction.atomic
def set_budget_request(
    *, user, application: Application, stream, category: str, amount
) -> ApplicationBudgetLine | None:
    """Request `amount` from one of the solicitation's streams for a cost category it allows (0 removes the line)."""
    _require_applicant(user, application)
    _require_draft(application)
    amount = to_money(amount)
    if not application.solicitation.streams.filter(pk=stream.pk).exists():
        raise ValidationError({"stream": f"{stream.name} does not fund this solicitation."})
    if category not in CostCategory.values:
        raise ValidationError({"category": f"Unknown cost category {category!r}."})
    if not stream.allows(category):
        raise ValidationError(
            {"category": f"{stream.name} may not pay for {CostCategory(category).label.lower()}."}
        )
    line = ApplicationBudgetLine.objects.filter(
        application=application, stream=stream, category=category
    ).first()
    if amount <= ZERO:
        if line is not None:
            line.delete()
        return None
    line = line or ApplicationBudgetLine(application=application, stream=stream, category=category)
    line.amount = amount
    record(line, user=user, reason="Budget request saved")
    line.save()
    return line


@transaction.atomic
def add_attachment(*, user, application: Application, upload, title: str) -> Attachment:
    """Attach a file (PDF, DOCX, XLSX, PNG or JPEG by content; 10 MB at most), stored outside the web root."""
    _require_applicant(user, application)
    _require_draft(application)
    name, content_type, data, digest = check_upload(upload)
    attachment = Attachment(
        application=application,
        title=title or name,
        original_name=name,
        content_type=content_type,
        size=len(data),
        sha256=digest,
        uploaded_by=user,
    )
    # Deleted again if this save or an enclosing transaction rolls back (core.files).
    save_file(attachment.file, f"{digest[:16]}-{name}", ContentFile(data))
    record(attachment, user=user, reason="Attachment uploaded")
    attachment.save()
    return attachment


@transaction.atomic
def add_partner(
    *, user, application: Application, organization, role: str = "", letter=None
) -> ApplicationPartner:
    """Name a partner organization, with its letter of commitment (an attachment of this application) if any."""
    _require_applicant(user, application)
    _require_draft(application)
    if letter is not None and letter.application_id != application.pk:
        raise ValidationError({"letter": "The letter must be attached to this application."})
    partner, _ = ApplicationPartner.objects.get_or_create(application=application, organization=organization)
    partner.role = role
    partner.letter = letter
    record(partner, user=user, reason="Partner named")
    partner.save()
    return partner


def eligibility_problems(application: Application) -> list[str]:
    """What keeps an application from being submitted: eligibility, unanswered questions, the budget."""
    from sectorhub.partnerships.models import OrganizationKind

    solicitation = application.solicitation
    problems = []
    partnership = application.partnership
    if solicitation.region_kinds:
        if partnership is None or partnership.region.kind not in solicitation.region_kinds:
            problems.append("The partnership's region is not of a kind this solicitation funds.")
    if solicitation.min_phase_id:
        if partnership is None or partnership.phase.order < solicitation.min_phase.order:
            problems.append(f"The partnership must be at least in the phase “{solicitation.min_phase.name}”.")
    kinds = [p.organization.kind for p in application.partners.select_related("organization")]
    kinds.append(application.organization.kind)
    for kind, minimum in solicitation.min_partner_kinds.items():
        have = kinds.count(kind)
        if have < minimum:
            label = dict(OrganizationKind.choices).get(kind, kind)
            problems.append(f"At least {minimum} partner(s) of type {label} are needed; {have} named.")
    answered = {a.question_id for a in application.answers.all() if a.text.strip()}
    missing = [q for q in solicitation.questions.all() if q.pk not in answered]
    if missing:
        problems.append(f"{len(missing)} question(s) unanswered.")
    requested = application.requested
    if requested <= ZERO:
        problems.append("The budget requests nothing.")
    elif requested > solicitation.amount:
        problems.append(
            f"The budget requests {dollars(requested)}, more than the {dollars(solicitation.amount)} offered."
        )
    return problems


def receipt_text(application: Application, user) -> str:
    """The email-style confirmation kept on a submitted application."""
    solicitation = application.solicitation
    local = timezone.localtime(application.submitted_at)
    return (
        f"To: {user.get_full_name() or user.username} <{user.email or 'no email on file'}>\n"
        f"Subject: Application received: {application.receipt_number}\n\n"
        f"Your application “{application.title}” to “{solicitation.title}” was received on "
        f"{local:%B %-d, %Y at %H:%M %Z}, before the deadline of "
        f"{timezone.localtime(solicitation.closes_at):%B %-d, %Y at %H:%M %Z}.\n"
        f"Applicant: {application.organization.name}. Amount requested: {dollars(application.requested)}.\n"
        f"Receipt number: {application.receipt_number}. Keep it for your records."
    )


@transaction.atomic
def submit_application(*, user, application: Application, now: dt.datetime | None = None) -> Application:
    """Submit before the deadline (server time), if eligible and complete; writes the receipt."""
    _require_applicant(user, application)
    application = Application.objects.select_for_update().get(pk=application.pk)
    _require_draft(application)
    now = now or timezone.now()
    solicitation = application.solicitation
    if now >= solicitation.closes_at:
        raise ValidationError(
            f"The deadline passed on {timezone.localtime(solicitation.closes_at):%b %-d, %Y at %H:%M %Z}."
        )
    problems = eligibility_problems(application)
    if problems:
        raise ValidationError(problems)
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = now
    application.receipt_number = f"SH-{solicitation.pk:04d}-{application.pk:05d}"
    application.receipt_text = receipt_text(application, user)
    record(application, user=user, reason="Application submitted")
    application.save()
    return application
