"""Forms: a quarterly report (one field per reported indicator), its CSV upload, the review, the records upload
and a story."""

from __future__ import annotations

from django import forms

from sectorhub.partnerships.models import Partnership
from sectorhub.performance.models import QUARTER_RE, Source, Story


class ReportForm(forms.Form):
    """A quarter and a value for each reported indicator of the catalogue."""

    quarter = forms.CharField(max_length=6, help_text="The calendar quarter, e.g. 2026Q1")
    narrative = forms.CharField(widget=forms.Textarea, required=False, help_text="What happened this quarter")

    def __init__(self, *args, catalogue, initial_values=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(catalogue.indicators.filter(source=Source.REPORTED))
        for ind in self.indicators:
            self.fields[f"v_{ind.key}"] = forms.DecimalField(
                label=ind.name,
                required=False,
                min_value=0,
                max_digits=14,
                decimal_places=4,
                help_text=f"{ind.get_category_display()}; unit: {ind.unit}; {ind.get_direction_display().lower()}",
                initial=(initial_values or {}).get(ind.key),
            )

    def clean_quarter(self):
        """YYYYQn."""
        value = self.cleaned_data["quarter"].strip().upper()
        if not QUARTER_RE.match(value):
            raise forms.ValidationError("Write the quarter as 2026Q1.")
        return value

    def values(self) -> dict:
        """The values given, by indicator key."""
        return {
            ind.key: self.cleaned_data[f"v_{ind.key}"]
            for ind in self.indicators
            if self.cleaned_data.get(f"v_{ind.key}") is not None
        }


class UploadForm(forms.Form):
    """A report as a CSV file: header indicator,value."""

    quarter = forms.CharField(max_length=6, help_text="The calendar quarter, e.g. 2026Q1")
    file = forms.FileField(
        help_text="CSV with the header indicator,value (indicator keys as on the catalogue page)"
    )

    def clean_quarter(self):
        """YYYYQn."""
        value = self.cleaned_data["quarter"].strip().upper()
        if not QUARTER_RE.match(value):
            raise forms.ValidationError("Write the quarter as 2026Q1.")
        return value

    def clean_file(self):
        """A small .csv file."""
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(".csv"):
            raise forms.ValidationError("Upload a .csv file.")
        if f.size > 1 << 20:
            raise forms.ValidationError("The file is larger than 1 MB.")
        return f


class ReviewForm(forms.Form):
    """Approve or return, with a comment (required to return)."""

    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("return", "Return for changes")], widget=forms.RadioSelect
    )
    comment = forms.CharField(widget=forms.Textarea, required=False, help_text="Required when returning")


class OutcomeUploadForm(forms.Form):
    """Participant and wage records (docs/outcomes-inputs.md) and the window to compute outcomes for."""

    participants = forms.FileField(
        label="Participants (CSV)", help_text="One row per period of participation (docs/outcomes-inputs.md)"
    )
    wages = forms.FileField(
        label="UI wage records (CSV)", help_text="One row per person, quarter and employer"
    )
    program_year = forms.IntegerField(
        required=False,
        min_value=2000,
        max_value=2100,
        help_text="Exits from July 1 of this year to June 30 of the next; or give the two dates below",
    )
    exits_from = forms.DateField(required=False, help_text="First exit date, YYYY-MM-DD")
    exits_to = forms.DateField(required=False, help_text="Last exit date, YYYY-MM-DD")
    wages_through = forms.CharField(
        required=False,
        max_length=6,
        help_text="The last quarter whose wage records are complete, e.g. 2025Q1 (default: the latest in the file)",
    )
    min_cell = forms.IntegerField(
        initial=10, min_value=1, max_value=1000, help_text="Cells with fewer people than this are suppressed"
    )
    label = forms.CharField(
        required=False, max_length=200, help_text="A name for this run (default: the window)"
    )

    def clean_wages_through(self):
        """YYYYQn or empty."""
        value = self.cleaned_data["wages_through"].strip().upper()
        if value and not QUARTER_RE.match(value):
            raise forms.ValidationError("Write the quarter as 2025Q1.")
        return value or None

    def clean(self):
        """A program year, or both exit dates in order (not both ways)."""
        data = super().clean()
        year, start, end = data.get("program_year"), data.get("exits_from"), data.get("exits_to")
        if "exits_from" in self.errors or "exits_to" in self.errors or "program_year" in self.errors:
            return data
        if year is not None and (start or end):
            raise forms.ValidationError("Give a program year or exit dates, not both.")
        if year is not None:
            from sectorhub.lmi import api

            data["exits_from"], data["exits_to"] = api.program_year_window(year)
        elif start and end:
            if end < start:
                self.add_error("exits_to", "The last exit date is before the first.")
        else:
            raise forms.ValidationError("Give a program year, or both the first and the last exit date.")
        return data


class StoryForm(forms.ModelForm):
    """A story for the annual report."""

    class Meta:
        model = Story
        fields = ["year", "title", "body", "partnership", "attribution", "consent", "is_public"]
        widgets = {"body": forms.Textarea}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = Partnership.objects.order_by("name")
        self.fields["partnership"].required = False

    def clean(self):
        """Public only with consent."""
        data = super().clean()
        if data.get("is_public") and not data.get("consent"):
            self.add_error("is_public", "A story is public only with the consent of those it names.")
        return data
