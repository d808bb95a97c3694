"""Forms: a quarterly report (one field per reported indicator), its CSV upload, and the review."""

from __future__ import annotations

from django import forms

from sectorhub.performance.models import QUARTER_RE, Source


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
