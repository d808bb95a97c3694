"""Region forms: name, kind and the counties of the deployment's state."""

from __future__ import annotations

from django import forms
from django.conf import settings

from sectorhub.regions.models import County, Region, RegionKind


class RegionForm(forms.Form):
    """Create or edit a region as a named set of counties."""

    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=RegionKind.choices)
    code = forms.CharField(max_length=20, required=False, help_text="An official code, if there is one")
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    counties = forms.ModelMultipleChoiceField(
        queryset=County.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose every county in the region",
        error_messages={"required": "Choose at least one county."},
    )

    def __init__(self, *args, instance: Region | None = None, **kwargs):
        self.instance = instance
        super().__init__(*args, **kwargs)
        self.fields["counties"].queryset = County.objects.filter(state_id=settings.SECTORHUB_STATE_FIPS)

    def clean_name(self) -> str:
        """Region names are unique."""
        name = self.cleaned_data["name"].strip()
        clash = Region.objects.filter(name__iexact=name)
        if self.instance is not None:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("A region with this name already exists.")
        return name
