"""Forms for capacity building; rendered with `{% uswds_field %}`."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from sectorhub.capacity.models import (
    ChallengeCategory,
    Event,
    Priority,
    RequestStatus,
    Resource,
)
from sectorhub.capacity.signin import MAX_SHEET_BYTES
from sectorhub.core.roles import STATE
from sectorhub.partnerships.models import Organization, Partnership
from sectorhub.regions.models import Region

DATE = forms.DateInput(attrs={"type": "date"})


class EventForm(forms.ModelForm):
    """An event's details."""

    class Meta:
        model = Event
        fields = ["title", "kind", "format", "starts_on", "ends_on", "location", "description", "capability",
                  "phase", "categories", "regions_invited", "materials", "is_public"]  # fmt: skip
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "categories": forms.CheckboxSelectMultiple,
            "regions_invited": forms.SelectMultiple(attrs={"size": 8}),
            "materials": forms.SelectMultiple(attrs={"size": 6}),
        }
        labels = {"is_public": "Show on the public site", "categories": "Challenges addressed"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["materials"].queryset = Resource.objects.filter(is_deleted=False)
        self.fields["categories"].queryset = ChallengeCategory.objects.filter(is_active=True)


class AttendanceForm(forms.Form):
    """One person registered or present."""

    name = forms.CharField(max_length=200)
    email = forms.EmailField(required=False)
    organization = forms.ModelChoiceField(Organization.objects.all(), required=False)
    region = forms.ModelChoiceField(Region.objects.all(), required=False)
    partnership = forms.ModelChoiceField(Partnership.objects.all(), required=False)
    attended = forms.BooleanField(required=False, initial=True, label="Attended (clear for registered only)")


class SignInSheetForm(forms.Form):
    """A CSV sign-in sheet (layout in docs/capacity.md)."""

    sheet = forms.FileField(label="Sign-in sheet (CSV)", help_text="Columns: name, email, organization, "
                            "region, partnership, attended. Up to 1 MB; the file is not kept.")  # fmt: skip

    def clean_sheet(self):
        """Refuse large files before reading them."""
        sheet = self.cleaned_data["sheet"]
        if sheet.size > MAX_SHEET_BYTES:
            raise forms.ValidationError("The sheet is larger than 1 MB.")
        return sheet


class ResourceForm(forms.ModelForm):
    """A library item; the file is checked by content in the service."""

    upload = forms.FileField(required=False, label="File", help_text="PDF, Word, Excel, PowerPoint, PNG, JPEG, "
                             "CSV or text; up to 20 MB. Or give a link below.")  # fmt: skip
    url = forms.URLField(required=False, assume_scheme="https", help_text="A link, e.g. to a recording")

    class Meta:
        model = Resource
        fields = ["title", "kind", "description", "capability", "phases", "industries", "categories", "url",
                  "is_public"]  # fmt: skip
        widgets = {
            "phases": forms.CheckboxSelectMultiple,
            "categories": forms.CheckboxSelectMultiple,
            "industries": forms.SelectMultiple(attrs={"size": 6}),
        }
        labels = {"is_public": "Public (shown on the public site)", "categories": "Challenges it helps with"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = ChallengeCategory.objects.filter(is_active=True)


class RequestForm(forms.Form):
    """A TA request."""

    region = forms.ModelChoiceField(Region.objects.all(), required=False, help_text="Or choose a partnership")
    partnership = forms.ModelChoiceField(Partnership.objects.all(), required=False)
    category = forms.ModelChoiceField(ChallengeCategory.objects.filter(is_active=True), label="Challenge")
    priority = forms.ChoiceField(choices=Priority.choices, initial=Priority.NORMAL)
    description = forms.CharField(widget=forms.Textarea, max_length=5000)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.effective_role not in STATE:
            self.fields["region"].queryset = Region.objects.filter(conveners=user)
            self.fields["partnership"].queryset = Partnership.objects.filter(
                pk__in=Partnership.objects.filter(conveners=user).values("pk")
            ) | Partnership.objects.filter(region__conveners=user)

    def clean(self):
        """A request is for a region or a partnership."""
        data = super().clean()
        if not data.get("region") and not data.get("partnership"):
            self.add_error("region", "Choose a region or a partnership.")
        return data


class RequestUpdateForm(forms.Form):
    """State staff assign, move and resolve a request."""

    status = forms.ChoiceField(choices=RequestStatus.choices)
    priority = forms.ChoiceField(choices=Priority.choices)
    assignee = forms.ModelChoiceField(get_user_model().objects.none(), required=False)
    resolution = forms.CharField(widget=forms.Textarea, required=False, max_length=5000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = get_user_model().objects.filter(role__in=STATE, is_active=True)
