"""Streams, budgets, spending and leveraged funds."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sectorhub.funding import forms, services
from sectorhub.funding.models import Budget, FundingStream, LeveragedFund
from sectorhub.funding.permissions import is_state
from sectorhub.funding.selectors import budgets as sel
from sectorhub.funding.selectors.budgets import budget_summary
from sectorhub.funding.services.budgets import can_report_spending
from sectorhub.funding.views.common import form_page


def home(request):
    """Streams with their balances, budgets and leveraged funds."""
    context = {
        "balances": sel.stream_balances(),
        "budgets": sel.budgets_for(request.user),
        "leveraged": sel.leveraged_for(request.user)[:50],
        "is_state": is_state(request.user),
    }
    return render(request, "funding/home.html", context)


def stream_create(request):
    """Register a funding stream."""
    form = forms.StreamForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda d: services.create_stream(user=request.user, **d),
        title="Register a funding stream",
        success="Funding stream registered.",
        back=lambda s: reverse("funding:stream_detail", args=[s.pk]),
    )


def stream_detail(request, pk: int):
    """A stream: its rules, balance and the budget lines charged to it."""
    stream = get_object_or_404(FundingStream, pk=pk)
    lines = stream.lines.select_related("budget__partnership")
    context = {"stream": stream, "balance": sel.stream_balance(stream), "lines": lines}
    if request.user.is_authenticated:
        from sectorhub.core.history import history_rows

        context["history"] = history_rows(stream)
    return render(request, "funding/stream_detail.html", context)


def budget_create(request):
    """Open a budget for a partnership."""
    form = forms.BudgetForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        lambda d: services.create_budget(user=request.user, **d),
        title="Open a budget",
        success="Budget opened.",
        back=lambda b: reverse("funding:budget_detail", args=[b.pk]),
    )


def _budget(request, pk: int) -> Budget:
    try:
        return sel.budgets_for(request.user).get(pk=pk)
    except Budget.DoesNotExist as exc:
        from django.http import Http404

        raise Http404("No such budget") from exc


def budget_detail(request, pk: int):
    """A budget's lines with balances, by stream, its match and its spending."""
    from sectorhub.core.history import history_rows

    budget = _budget(request, pk)
    context = {
        "summary": budget_summary(budget),
        "budget": budget,
        "spending": [e for lb in budget_summary(budget).lines for e in lb.line.expenditures.all()],
        "can_obligate": is_state(request.user),
        "can_spend": can_report_spending(request.user, budget),
        "history": history_rows(budget),
    }
    return render(request, "funding/budget_detail.html", context)


def budget_line_add(request, pk: int):
    """Obligate funds to a budget line."""
    budget = _budget(request, pk)
    form = forms.BudgetLineForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda d: services.add_budget_line(user=request.user, budget=budget, **d),
        title=f"Obligate funds: {budget.name}",
        success="Funds obligated.",
        back=lambda _line: reverse("funding:budget_detail", args=[budget.pk]),
    )


def expenditure_add(request, pk: int):
    """Record spending against one of the budget's lines."""
    budget = _budget(request, pk)
    if not can_report_spending(request.user, budget):
        raise PermissionDenied
    form = forms.ExpenditureForm(request.POST or None, budget=budget)
    return form_page(
        request,
        form,
        lambda d: services.record_expenditure(user=request.user, **d),
        title=f"Record spending: {budget.name}",
        success="Spending recorded.",
        back=lambda _e: reverse("funding:budget_detail", args=[budget.pk]),
    )


def leveraged_add(request):
    """Record a cash or in-kind contribution."""
    form = forms.LeveragedForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        lambda d: services.record_leveraged(user=request.user, **d),
        title="Record leveraged funds",
        success="Contribution recorded; it counts toward match once state staff verify it.",
        back=lambda _f: reverse("funding:home"),
    )


@require_POST
def leveraged_verify(request, pk: int):
    """State staff verify a contribution (POST)."""
    fund = get_object_or_404(LeveragedFund, pk=pk)
    services.verify_leveraged(user=request.user, fund=fund)
    messages.success(request, "Contribution verified.")
    return redirect("funding:home")
