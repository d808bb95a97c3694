"""Solicitations, applications, attachments, receipts, public awards and award letters."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from sectorhub.funding import forms, services
from sectorhub.funding.models import (
    Application,
    ApplicationStatus,
    Attachment,
    Outcome,
    Solicitation,
    SolicitationDocument,
)
from sectorhub.funding.permissions import application_access, is_applicant, is_state
from sectorhub.funding.selectors import grants as sel
from sectorhub.funding.selectors.public import public_funding
from sectorhub.funding.selectors.review import application_result, scores_visible_to
from sectorhub.funding.services.grants import eligibility_problems, is_open
from sectorhub.funding.views.common import add_errors, form_page


def solicitation_list(request):
    """Open solicitations (public), and for state staff the drafts and closed ones too."""
    context = {
        "open": public_funding("open"),
        "all": sel.solicitations_for(request.user) if is_state(request.user) else None,
        "is_state": is_state(request.user),
    }
    return render(request, "funding/solicitation_list.html", context)


def _solicitation(request, pk: int) -> Solicitation:
    try:
        return sel.solicitation_for(request.user, pk)
    except Solicitation.DoesNotExist as exc:
        raise Http404("No such solicitation") from exc


def solicitation_detail(request, pk: int):
    """A solicitation: funds, eligibility, criteria, window, questions, documents; the user's applications."""
    s = _solicitation(request, pk)
    context = {
        "s": s,
        "open": is_open(s),
        "upcoming": s.is_published and s.opens_at > timezone.now(),
        "applications": sel.applications_for(request.user, s) if request.user.is_authenticated else [],
        "can_apply": is_open(s)
        and request.user.is_authenticated
        and request.user.effective_role in {"regional_convener", "state_admin", "state_staff"},
        "is_state": is_state(request.user),
        "awards": public_funding("awards").filter(application__solicitation=s),
        "documents": sel.documents_for(request.user, s),
    }
    return render(request, "funding/solicitation_detail.html", context)


def solicitation_document_add(request, pk: int):
    """Add a document to a solicitation: an upload checked by content, or a link (state staff)."""
    s = _solicitation(request, pk)
    form = forms.SolicitationDocumentForm(request.POST or None, request.FILES or None)

    def add(d):
        return services.add_solicitation_document(
            user=request.user, solicitation=s, title=d["title"], upload=d["file"], url=d["url"],
            is_public=d["is_public"],
        )  # fmt: skip

    return form_page(
        request,
        form,
        add,
        title=f"Add a document: {s.title}",
        success="Document added.",
        back=lambda _doc: reverse("funding:solicitation_detail", args=[s.pk]),
    )


def solicitation_document(request, pk: int):
    """An uploaded solicitation document, as an attachment: public ones of published solicitations to anyone,
    internal ones to state staff and grant reviewers (404 to everyone else)."""
    try:
        doc = sel.document_for_download(request.user, pk)
    except (SolicitationDocument.DoesNotExist, Solicitation.DoesNotExist) as exc:
        raise Http404("No such document") from exc
    response = FileResponse(
        doc.file.open("rb"), content_type=doc.content_type, as_attachment=True, filename=doc.original_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    public = doc.is_public and doc.solicitation.is_published
    response["Cache-Control"] = "public, max-age=300" if public else "private, no-store"
    return response


def solicitation_create(request):
    """Draft a solicitation (criteria default to the state's quality definition)."""
    form = forms.SolicitationForm(request.POST or None)

    def create(d):
        minimums = {"business": d.pop("min_business"), "education": d.pop("min_education")}
        questions = [q.strip() for q in d.pop("questions").splitlines() if q.strip()]
        return services.create_solicitation(
            user=request.user,
            min_partner_kinds=minimums,
            questions=questions,
            criteria=d.pop("criteria") or None,
            **d,
        )

    return form_page(
        request,
        form,
        create,
        title="Draft a solicitation",
        success="Solicitation drafted. Publish it when ready.",
        back=lambda s: reverse("funding:solicitation_detail", args=[s.pk]),
    )


@require_POST
def solicitation_publish(request, pk: int):
    """Publish or unpublish (POST `published=0`)."""
    s = _solicitation(request, pk)
    services.publish_solicitation(
        user=request.user, solicitation=s, published=request.POST.get("published") != "0"
    )
    messages.success(request, "Published." if s.is_published else "Taken off the public site.")
    return redirect("funding:solicitation_detail", pk=s.pk)


@require_POST
def solicitation_release(request, pk: int):
    """Release scores and comments to applicants (POST)."""
    s = _solicitation(request, pk)
    services.release_scores(user=request.user, solicitation=s)
    messages.success(request, "Scores released to applicants.")
    return redirect("funding:ranking", pk=s.pk)


def awards(request):
    """Funded awards of published solicitations (the public selector)."""
    return render(request, "funding/awards.html", {"awards": public_funding("awards")})


def application_create(request, pk: int):
    """Start an application to an open solicitation."""
    s = _solicitation(request, pk)
    form = forms.ApplicationStartForm(request.POST or None, user=request.user)

    def create(d):
        p = d["partnership"]
        return services.create_application(
            user=request.user, solicitation=s, partnership=p, organization=p.convener, title=d["title"]
        )

    return form_page(
        request,
        form,
        create,
        title=f"Apply: {s.title}",
        success="Draft saved. Answer the questions, set the budget, attach letters, then submit.",
        back=lambda a: reverse("funding:application_edit", args=[a.pk]),
    )


def _application(request, pk: int, *, need: str = "full") -> Application:
    """The application if the user may see it (a conflicted reviewer gets 404 on every path)."""
    try:
        application = sel.application_detail(pk)
    except Application.DoesNotExist as exc:
        raise Http404("No such application") from exc
    access = application_access(request.user, application)
    if access == "none" or (need == "full" and access != "full"):
        raise Http404("No such application")
    return application


def application_detail(request, pk: int):
    """An application: answers, budget, partners, attachments, reviews (as the user may see them), decision."""
    from sectorhub.core.history import history_rows

    application = _application(request, pk)
    state = is_state(request.user)
    context = {
        "a": application,
        "can_edit": application.status == ApplicationStatus.DRAFT
        and (state or is_applicant(request.user, application)),
        "problems": eligibility_problems(application)
        if application.status == ApplicationStatus.DRAFT
        else [],
        "result": application_result(application) if scores_visible_to(request.user, application) else None,
        "is_state": state,
        "history": history_rows(application) if state else [],
        "award": getattr(application, "award", None),
    }
    return render(request, "funding/application_detail.html", context)


def _has_award(application) -> bool:
    return hasattr(application, "award")


def _editable(request, pk: int) -> Application:
    application = _application(request, pk)
    if not (is_state(request.user) or is_applicant(request.user, application)):
        raise PermissionDenied
    return application


def application_edit(request, pk: int):
    """Answers and the budget request, saved as a draft."""
    application = _editable(request, pk)
    form = forms.ApplicationForm(request.POST or None, application=application)
    if request.method == "POST" and form.is_valid():
        try:
            _save_application(request.user, application, form)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Draft saved.")
            return redirect("funding:application_detail", pk=application.pk)
    return render(request, "funding/application_form.html", {"form": form, "a": application})


def _save_application(user, application, form) -> None:
    from django.db import transaction

    with transaction.atomic():
        answers = {q.pk: form.cleaned_data[f"q{q.pk}"] for q in form.questions}
        services.save_answers(user=user, application=application, answers=answers)
        for key, stream, category in form.budget_keys:
            amount = form.cleaned_data.get(key)
            services.set_budget_request(
                user=user, application=application, stream=stream, category=category, amount=amount or 0
            )
        if form.cleaned_data["summary"] != application.summary:
            application.summary = form.cleaned_data["summary"]
            application.save(update_fields=["summary"])


def application_attach(request, pk: int):
    """Upload an attachment (type checked by content), optionally a partner's letter of commitment."""
    application = _editable(request, pk)
    form = forms.AttachmentForm(request.POST or None, request.FILES or None)

    def attach(d):
        from django.db import transaction

        with transaction.atomic():
            attachment = services.add_attachment(
                user=request.user, application=application, upload=d["file"], title=d["title"]
            )
            if d.get("partner"):
                services.add_partner(
                    user=request.user,
                    application=application,
                    organization=d["partner"],
                    role=d.get("partner_role", ""),
                    letter=attachment,
                )
        return attachment

    return form_page(
        request,
        form,
        attach,
        title=f"Attach a file: {application.title}",
        success="File attached.",
        back=lambda _a: reverse("funding:application_detail", args=[application.pk]),
    )


@require_POST
def application_submit(request, pk: int):
    """Submit (POST) before the deadline; then the receipt."""
    application = _editable(request, pk)
    try:
        services.submit_application(user=request.user, application=application)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("funding:application_detail", pk=application.pk)
    return redirect("funding:application_receipt", pk=application.pk)


def application_receipt(request, pk: int):
    """The submission receipt (page and the email-style record)."""
    application = _editable(request, pk)
    if not application.receipt_number:
        raise Http404("Not submitted yet")
    return render(request, "funding/application_receipt.html", {"a": application})


def attachment_download(request, pk: int):
    """An attachment, to those who may see its application (never a conflicted reviewer)."""
    try:
        attachment = Attachment.objects.select_related("application").get(pk=pk)
    except Attachment.DoesNotExist as exc:
        raise Http404("No such file") from exc
    _application(request, attachment.application_id)
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=attachment.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def award_letter(request, pk: int):
    """The award (or decline) letter as PDF (WeasyPrint), to the state and the applicant."""
    from django.template.loader import render_to_string
    from weasyprint import HTML

    application = _application(request, pk)
    if not _has_award(application):
        raise Http404("No decision yet")
    award = application.award
    html = render_to_string(
        "funding/award_letter.html",
        {"a": application, "award": award, "funded": award.outcome == Outcome.FUNDED},
    )
    pdf = HTML(string=html).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="award-letter-{application.receipt_number or application.pk}.pdf"'
    )
    return response
