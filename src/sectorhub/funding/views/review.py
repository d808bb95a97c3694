"""Review: assignments, the conflict declaration, scoring, the ranking and decisions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from sectorhub.funding import forms, services
from sectorhub.funding.models import ReviewAssignment
from sectorhub.funding.permissions import application_access
from sectorhub.funding.selectors import review as sel
from sectorhub.funding.selectors.grants import application_detail
from sectorhub.funding.services.review import awarded_total
from sectorhub.funding.views.common import add_errors, form_page
from sectorhub.funding.views.grants import _application, _solicitation


def reviews(request):
    """The signed-in reviewer's assignments and where each stands."""
    return render(request, "funding/reviews.html", {"assignments": sel.assignments_for(request.user)})


def assign(request, pk: int):
    """Assign a grant reviewer to an application (state staff)."""
    application = _application(request, pk)
    form = forms.AssignForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda d: services.assign_reviewer(
            user=request.user, application=application, reviewer=d["reviewer"]
        ),
        title=f"Assign a reviewer: {application.title}",
        success="Reviewer assigned.",
        back=lambda _a: reverse("funding:application_detail", args=[application.pk]),
    )


def review(request, pk: int):
    """One assignment: declare conflicts first, then score every criterion. A conflicted reviewer gets 404."""
    try:
        assignment = ReviewAssignment.objects.select_related("application").get(pk=pk, reviewer=request.user)
    except ReviewAssignment.DoesNotExist as exc:
        raise Http404("No such review") from exc
    if assignment.has_conflict:
        raise Http404("You declared a conflict of interest on this application.")
    application = application_detail(assignment.application_id)
    if assignment.has_conflict is None:
        form = forms.ConflictForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.declare_conflict(
                    user=request.user,
                    assignment=assignment,
                    has_conflict=form.cleaned_data["has_conflict"],
                    note=form.cleaned_data["conflict_note"],
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, "Declaration recorded.")
                if form.cleaned_data["has_conflict"]:
                    return redirect("funding:reviews")
                return redirect("funding:review", pk=pk)
        return render(
            request, "funding/review_declare.html", {"form": form, "a": application, "assignment": assignment}
        )
    form = forms.ScoreForm(request.POST or None, assignment=assignment)
    if request.method == "POST" and form.is_valid():
        try:
            services.score_application(user=request.user, assignment=assignment, scores=form.scores())
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Scores saved.")
            return redirect("funding:reviews")
    context = {
        "form": form,
        "a": application,
        "assignment": assignment,
        "result": sel.application_result(application)
        if sel.scores_visible_to(request.user, application)
        else None,
    }
    return render(request, "funding/review_score.html", context)


def ranking(request, pk: int):
    """Applications ranked by weighted mean, with flags, the funds left, and the decision links."""
    s = _solicitation(request, pk)
    context = {
        "s": s,
        "rows": sel.ranking(s),
        "awarded": awarded_total(s),
        "left": s.amount - awarded_total(s),
    }
    return render(request, "funding/ranking.html", context)


def decide(request, pk: int):
    """Fund or decline an application, with reasons, within the solicitation's funds."""
    application = _application(request, pk)
    if application_access(request.user, application) != "full":
        raise PermissionDenied
    form = forms.DecisionForm(request.POST or None, initial={"amount": application.requested})
    return form_page(
        request,
        form,
        lambda d: services.decide(
            user=request.user,
            application=application,
            outcome=d["outcome"],
            amount=d.get("amount") or 0,
            reasons=d["reasons"],
        ),
        title=f"Decide: {application.title}",
        success="Decision recorded.",
        back=lambda _a: reverse("funding:ranking", args=[application.solicitation_id]),
        context={
            "a": application,
            "left": application.solicitation.amount - awarded_total(application.solicitation),
        },
    )
