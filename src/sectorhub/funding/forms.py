"""Funding forms. Money fields are Decimal; errors say what is wrong in words the user can act on."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.db.models import Q

from sectorhub.core.permissions import role_of
from sectorhub.core.roles import Role
from sectorhub.funding.models import (
    CostCategory,
    FundingSource,
    FundingStream,
    LeveragedKind,
    Outcome,
    PolicyCheck,
    PolicyKind,
    PolicyStatus,
)
from sectorhub.funding.models.grants import SCORE_MAX, SCORE_MIN
from sectorhub.funding.models.policy import Capability
from sectorhub.regions.models import RegionKind


class DateInput(forms.DateInput):
    """A native date picker."""

    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    """A native date-and-time picker (server time zone)."""

    input_type = "datetime-local"

    def format_value(self, value):
        return value.strftime("%Y-%m-%dT%H:%M") if hasattr(value, "strftime") else value


def _money(label: str = "Amount ($)", **kwargs) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=14, decimal_places=2, min_value=0, **kwargs)


def partnerships_for(user):
    """The partnerships a user may act for: all for state staff, their own for a convener."""
    from sectorhub.partnerships.models import Partnership

    qs = Partnership.objects.select_related("region")
    if role_of(user) == Role.CONVENER:
        qs = qs.filter(Q(conveners=user) | Q(region__conveners=user)).distinct()
    return qs


class StreamForm(forms.Form):
    """Register a funding stream."""

    name = forms.CharField(max_length=200)
    source = forms.ChoiceField(choices=FundingSource.choices)
    amount = _money()
    allowed_uses = forms.MultipleChoiceField(
        choices=CostCategory.choices, widget=forms.CheckboxSelectMultiple
    )
    match_share = forms.DecimalField(
        max_digits=5,
        decimal_places=4,
        min_value=0,
        initial=0,
        help_text="Match per dollar, e.g. 0.25 for 25%",
    )
    match_in_kind = forms.BooleanField(required=False, label="In-kind counts toward the match")
    available_from = forms.DateField(widget=DateInput)
    available_until = forms.DateField(widget=DateInput)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


def funded_awards():
    """Funded awards (for budgets and leveraged funds)."""
    from sectorhub.funding.models import Award

    return Award.objects.filter(outcome=Outcome.FUNDED).select_related("application")


class BudgetForm(forms.Form):
    """Open a budget for a partnership or for a funded award."""

    name = forms.CharField(max_length=200)
    partnership = forms.ModelChoiceField(queryset=None, required=False, help_text="Or choose an award below")
    award = forms.ModelChoiceField(queryset=None, required=False, help_text="A funded award without a budget")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships_for(user)
        self.fields["award"].queryset = funded_awards().filter(budget__isnull=True)


class BudgetLineForm(forms.Form):
    """Obligate funds from one stream for one cost category."""

    stream = forms.ModelChoiceField(queryset=FundingStream.objects.all())
    category = forms.ChoiceField(choices=CostCategory.choices, label="Cost category")
    amount = _money()
    description = forms.CharField(max_length=300, required=False)


class ExpenditureForm(forms.Form):
    """Record spending against a line of the budget."""

    line = forms.ModelChoiceField(queryset=None, label="Budget line")
    amount = _money()
    spent_on = forms.DateField(widget=DateInput)
    description = forms.CharField(max_length=300)

    def __init__(self, *args, budget, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = budget.lines.select_related("stream")


class LeveragedForm(forms.Form):
    """Record a cash or in-kind contribution."""

    organization = forms.ModelChoiceField(queryset=None)
    partnership = forms.ModelChoiceField(queryset=None, required=False)
    award = forms.ModelChoiceField(queryset=None, required=False, help_text="When it is match for an award")
    kind = forms.ChoiceField(choices=LeveragedKind.choices)
    amount = _money()
    source = forms.CharField(
        max_length=200, help_text="e.g. employer cash, donated equipment, instructor time"
    )
    received_on = forms.DateField(widget=DateInput)

    def __init__(self, *args, user, **kwargs):
        from sectorhub.partnerships.models import Organization

        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.all()
        self.fields["partnership"].queryset = partnerships_for(user)
        self.fields["award"].queryset = funded_awards().filter(
            application__partnership__in=partnerships_for(user)
        )


class SolicitationForm(forms.Form):
    """Draft a solicitation."""

    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    streams = forms.ModelMultipleChoiceField(
        queryset=FundingStream.objects.all(), widget=forms.CheckboxSelectMultiple, label="Funding streams"
    )
    amount = _money("Amount offered ($)")
    opens_at = forms.DateTimeField(widget=DateTimeInput, label="Opens")
    closes_at = forms.DateTimeField(widget=DateTimeInput, label="Deadline", help_text="Server time")
    region_kinds = forms.MultipleChoiceField(
        choices=RegionKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Eligible region kinds",
        help_text="None checked: any region",
    )
    min_business = forms.IntegerField(min_value=0, initial=0, label="Minimum business partners")
    min_education = forms.IntegerField(
        min_value=0, initial=0, label="Minimum education and training partners"
    )
    min_phase = forms.ModelChoiceField(queryset=None, required=False, label="Minimum phase")
    questions = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, help_text="One question a line"
    )
    criteria = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="“Name | weight”, one a line; empty: the state's quality definition, each weight 1",
    )

    def __init__(self, *args, **kwargs):
        from sectorhub.partnerships.models import Phase

        super().__init__(*args, **kwargs)
        self.fields["min_phase"].queryset = Phase.objects.all()

    def clean_criteria(self):
        """Parse “name | weight” lines."""
        rows = []
        for n, line in enumerate(self.cleaned_data["criteria"].splitlines(), start=1):
            if not line.strip():
                continue
            name, _, weight = line.rpartition("|")
            try:
                rows.append((name.strip(), "", Decimal(weight.strip())))
            except InvalidOperation:
                raise forms.ValidationError(
                    f"Line {n}: write “name | weight”, e.g. “Industry leadership | 3”."
                ) from None
            if not name.strip():
                raise forms.ValidationError(f"Line {n}: the criterion needs a name.")
        return rows


class ApplicationStartForm(forms.Form):
    """Start an application for a partnership."""

    partnership = forms.ModelChoiceField(queryset=None)
    title = forms.CharField(max_length=200)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships_for(user)


class ApplicationForm(forms.Form):
    """Narrative answers and the budget request by stream and cost category (one field per allowed pair)."""

    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        answers = {a.question_id: a.text for a in application.answers.all()}
        requests = {(x.stream_id, x.category): x.amount for x in application.budget_lines.all()}
        self.fields["summary"].initial = application.summary
        self.questions = list(application.solicitation.questions.all())
        for q in self.questions:
            self.fields[f"q{q.pk}"] = forms.CharField(
                label=q.prompt,
                widget=forms.Textarea(attrs={"rows": 5}),
                required=False,
                initial=answers.get(q.pk, ""),
                help_text=f"Up to {q.max_words} words",
            )
        self.budget_keys = []
        for stream in application.solicitation.streams.all():
            for category in stream.allowed_uses:
                key = f"b{stream.pk}_{category}"
                self.budget_keys.append((key, stream, category))
                self.fields[key] = _money(
                    f"{stream.name}: {CostCategory(category).label} ($)",
                    required=False,
                    initial=requests.get((stream.pk, category)),
                )


class SolicitationDocumentForm(forms.Form):
    """A solicitation's document: a file or a link, public or internal."""

    title = forms.CharField(
        max_length=200, required=False, help_text="e.g. Budget template; empty: the file's name"
    )
    file = forms.FileField(
        required=False, help_text="PDF, Word (.docx), Excel (.xlsx), PNG or JPEG; 10 MB at most"
    )
    url = forms.URLField(required=False, label="Or a link", assume_scheme="https")
    is_public = forms.BooleanField(
        required=False,
        label="Public",
        help_text="Offered on the solicitation's public page once it is published; otherwise only state staff "
        "and grant reviewers see it",
    )


class AttachmentForm(forms.Form):
    """Attach a file; optionally as a partner's letter of commitment."""

    title = forms.CharField(max_length=200)
    file = forms.FileField(help_text="PDF, Word (.docx), Excel (.xlsx), PNG or JPEG; 10 MB at most")
    partner = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Letter of commitment from",
        help_text="Adds the organization as a partner",
    )
    partner_role = forms.CharField(max_length=200, required=False, label="Partner's role")

    def __init__(self, *args, **kwargs):
        from sectorhub.partnerships.models import Organization

        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Organization.objects.all()


class AssignForm(forms.Form):
    """Assign a grant reviewer."""

    reviewer = forms.ModelChoiceField(queryset=None)

    def __init__(self, *args, **kwargs):
        from django.contrib.auth import get_user_model

        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = get_user_model().objects.filter(
            role=Role.GRANT_REVIEWER, is_active=True
        )


class ConflictForm(forms.Form):
    """The conflict-of-interest declaration."""

    has_conflict = forms.TypedChoiceField(
        choices=[
            ("no", "I have no conflict of interest with this application"),
            ("yes", "I have a conflict"),
        ],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        label="Conflict of interest",
    )
    conflict_note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label="If so, what is it?"
    )


class ScoreForm(forms.Form):
    """A score (1 to 5) and a comment per criterion."""

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, **kwargs)
        existing = {s.criterion_id: s for s in assignment.scores.all()}
        self.criteria = list(assignment.application.solicitation.criteria.all())
        choices = [("", "Choose")] + [(str(n), str(n)) for n in range(SCORE_MIN, SCORE_MAX + 1)]
        for c in self.criteria:
            s = existing.get(c.pk)
            self.fields[f"c{c.pk}"] = forms.TypedChoiceField(
                choices=choices,
                coerce=int,
                label=f"{c.name} (weight {c.weight.normalize()})",
                initial=s.score if s else "",
                help_text=c.description,
            )
            self.fields[f"m{c.pk}"] = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                label="Comment",
                initial=s.comment if s else "",
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        """criterion id → (score, comment)."""
        return {c.pk: (self.cleaned_data[f"c{c.pk}"], self.cleaned_data[f"m{c.pk}"]) for c in self.criteria}


class DecisionForm(forms.Form):
    """Fund or decline an application, with reasons."""

    outcome = forms.ChoiceField(choices=Outcome.choices, widget=forms.RadioSelect)
    amount = _money("Amount awarded ($)", required=False)
    reasons = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))


class PolicyForm(forms.Form):
    """Add a law or administrative policy to the inventory."""

    kind = forms.ChoiceField(choices=PolicyKind.choices)
    title = forms.CharField(max_length=300)
    citation = forms.CharField(max_length=200, required=False)
    year = forms.IntegerField(min_value=1900, max_value=2100)
    status = forms.ChoiceField(choices=PolicyStatus.choices)
    capability = forms.ChoiceField(choices=Capability.choices)
    link = forms.URLField(required=False, assume_scheme="https")
    is_public = forms.BooleanField(required=False, initial=True, label="Show on the public site")


class ChecklistForm(forms.Form):
    """Where the state stands on one administrative policy."""

    state = forms.ChoiceField(choices=PolicyCheck.State.choices)
    evidence = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    link = forms.URLField(required=False, assume_scheme="https")


class EtplUploadForm(forms.Form):
    """Upload the training provider list (CSV)."""

    file = forms.FileField(
        label="Training provider list (CSV)", help_text="Layout in docs/funding.md; 5 MB at most"
    )
