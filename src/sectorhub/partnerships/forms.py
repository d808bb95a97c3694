"""Registry forms. Validation errors say what is wrong in words a convener can act on."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError

from sectorhub.core.permissions import role_of
from sectorhub.core.roles import Role
from sectorhub.partnerships.models import (
    ActionStatus,
    Industry,
    MeetingKind,
    MembershipRole,
    Organization,
    OrganizationKind,
    Partnership,
    Phase,
    QualityCriterion,
    Rating,
)
from sectorhub.partnerships.services import EARLIEST_PLAUSIBLE_DATE, industries_for_codes
from sectorhub.regions.models import County, Region


def _plausible(value, *, future_ok: bool = False):
    """A form date no earlier than 1997 (NAICS) and, unless `future_ok`, not in the future."""
    if value and value < EARLIEST_PLAUSIBLE_DATE:
        raise forms.ValidationError(
            f"{value:%Y-%m-%d} is before 1997, earlier than any NAICS sector partnership. Check the year."
        )
    if value and not future_ok and value > dt.date.today():
        raise forms.ValidationError("The date cannot be in the future.")
    return value


class DateInput(forms.DateInput):
    """A native date picker (ISO dates)."""

    input_type = "date"


class NaicsCodesField(forms.CharField):
    """NAICS codes typed as a comma- or space-separated list, checked against BLS's industry titles."""

    def clean(self, value):
        """Return the Industry rows, or say exactly which codes are unknown."""
        value = super().clean(value)
        codes = [c for c in re.split(r"[\s,;]+", value or "") if c]
        if not codes:
            raise forms.ValidationError("Enter at least one NAICS code, for example 3361.")
        malformed = [c for c in codes if not re.fullmatch(r"\d{2,6}|\d{2}-\d{2}", c)]
        if malformed:
            raise forms.ValidationError(
                f"Not a NAICS code: {', '.join(malformed)}. Use 2 to 6 digits, e.g. 622."
            )
        try:
            return industries_for_codes(codes)
        except ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["industries"]) from exc


class PartnershipForm(forms.Form):
    """Register or edit a partnership. Conveners choose among their own regions."""

    name = forms.CharField(max_length=200)
    region = forms.ModelChoiceField(queryset=Region.objects.none(), empty_label="Choose a region")
    industries = NaicsCodesField(
        label="Industry (NAICS codes)",
        help_text="One or more NAICS codes separated by commas, e.g. 3363, 3361",
    )
    convener = forms.ModelChoiceField(
        queryset=Organization.objects.none(),
        empty_label="Choose the convening organization",
        label="Convener",
    )
    phase = forms.ModelChoiceField(queryset=Phase.objects.none(), empty_label=None, label="Lifecycle phase")
    launch_date = forms.DateField(required=False, widget=DateInput, help_text="The launch meeting, if held")
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)
    is_public = forms.BooleanField(required=False, initial=True, label="Show on the public pages")

    def __init__(self, *args, user, instance: Partnership | None = None, **kwargs):
        self.instance = instance
        super().__init__(*args, **kwargs)
        regions = Region.objects.order_by("kind", "name")
        if role_of(user) == Role.CONVENER:
            regions = regions.filter(conveners=user)
            if instance is not None:
                regions = (regions | Region.objects.filter(pk=instance.region_id)).distinct()
        self.fields["region"].queryset = regions
        self.fields["convener"].queryset = Organization.objects.exclude(kind=OrganizationKind.BUSINESS)
        self.fields["phase"].queryset = Phase.objects.order_by("order")
        if instance is not None:
            # The phase moves through the dated phase form, so its history stays complete.
            del self.fields["phase"]

    def clean_name(self) -> str:
        """Partnership names are unique."""
        name = self.cleaned_data["name"].strip()
        clash = Partnership.objects.filter(name__iexact=name)
        if self.instance is not None:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("A partnership with this name is already registered.")
        return name

    def clean_launch_date(self):
        """A launch date cannot be in the future, nor before 1997."""
        value = self.cleaned_data.get("launch_date")
        if value and value > dt.date.today():
            raise forms.ValidationError("The launch date cannot be in the future.")
        return _plausible(value)


class PhaseChangeForm(forms.Form):
    """Move a partnership to a phase on a date."""

    phase = forms.ModelChoiceField(queryset=Phase.objects.order_by("order"), empty_label=None)
    changed_on = forms.DateField(widget=DateInput, label="Date of the change", initial=dt.date.today)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def clean_changed_on(self):
        """Phase changes are recorded when they happen, not ahead."""
        value = self.cleaned_data["changed_on"]
        if value > dt.date.today():
            raise forms.ValidationError("The date cannot be in the future.")
        return _plausible(value)


class MembershipForm(forms.Form):
    """Add an organization to a partnership."""

    organization = forms.ModelChoiceField(queryset=Organization.objects.order_by("name"))
    role = forms.ChoiceField(choices=MembershipRole.choices, initial=MembershipRole.MEMBER)
    joined_on = forms.DateField(widget=DateInput, required=False)


class QualityRatingForm(forms.Form):
    """Rate one quality criterion, with evidence."""

    criterion = forms.ModelChoiceField(
        queryset=QualityCriterion.objects.filter(is_active=True), empty_label=None
    )
    rating = forms.TypedChoiceField(choices=Rating.choices, coerce=int, widget=forms.RadioSelect)
    evidence = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), help_text="What the rating rests on")
    rated_on = forms.DateField(widget=DateInput, initial=dt.date.today)


class MeetingForm(forms.Form):
    """Log a meeting or engagement."""

    title = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=MeetingKind.choices)
    held_on = forms.DateField(widget=DateInput)
    employers_present = forms.IntegerField(min_value=0, initial=0)
    attendees = forms.IntegerField(min_value=0, initial=0)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean_held_on(self):
        """A meeting was held on a plausible date, not ahead."""
        return _plausible(self.cleaned_data["held_on"])

    def clean(self):
        """Employers present are among the attendees, so they cannot outnumber them."""
        data = super().clean()
        employers, attendees = data.get("employers_present"), data.get("attendees")
        if employers is not None and attendees is not None and employers > attendees:
            self.add_error(
                "employers_present",
                f"{employers} employers present but {attendees} attendees: count the employers among the "
                "attendees.",
            )
        return data


class ActionItemForm(forms.Form):
    """Add an action item with an owner, status and dates."""

    priority_title = forms.CharField(max_length=200, required=False, label="Priority", help_text="Optional")
    title = forms.CharField(max_length=200, label="Action")
    owner_name = forms.CharField(max_length=120, label="Owner")
    owner_organization = forms.ModelChoiceField(
        queryset=Organization.objects.order_by("name"), required=False
    )
    status = forms.ChoiceField(choices=ActionStatus.choices)
    due_on = forms.DateField(widget=DateInput, required=False)
    completed_on = forms.DateField(widget=DateInput, required=False)

    def clean(self):
        """A done item needs its completion date."""
        data = super().clean()
        if data.get("status") == ActionStatus.DONE and not data.get("completed_on"):
            self.add_error("completed_on", "Give the date a done item was completed.")
        return data


class OrganizationForm(forms.Form):
    """Add an organization."""

    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=OrganizationKind.choices, label="Type")
    industry = forms.ModelChoiceField(
        queryset=Industry.objects.all(),
        required=False,
        to_field_name="code",
        widget=forms.TextInput,
        label="NAICS code",
        help_text="For businesses: the main NAICS code, e.g. 3363",
        error_messages={"invalid_choice": "Unknown NAICS code."},
    )
    county = forms.ModelChoiceField(queryset=County.objects.none(), required=False)
    website = forms.URLField(required=False, assume_scheme="https")

    def __init__(self, *args, state_fips: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["county"].queryset = County.objects.filter(state_id=state_fips).order_by("name")

    def clean_name(self) -> str:
        """Organization names are unique, so one employer is one row."""
        name = self.cleaned_data["name"].strip()
        if Organization.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError("This organization is already registered.")
        return name
