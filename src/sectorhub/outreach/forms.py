"""Forms for outreach; rendered with `{% uswds_field %}`."""

from __future__ import annotations

from django import forms

from sectorhub.core.roles import STATE
from sectorhub.outreach.models import (
    Campaign,
    Champion,
    Engagement,
    Material,
    Network,
    Recommendation,
    RecommendationStatus,
)
from sectorhub.partnerships.models import Partnership

DATE = forms.DateInput(attrs={"type": "date"})


class _Scoped(forms.ModelForm):
    """Conveners choose among their own partnerships only."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "partnership" in self.fields and user is not None and user.effective_role not in STATE:
            mine = Partnership.objects.filter(conveners=user) | Partnership.objects.filter(
                region__conveners=user
            )
            self.fields["partnership"].queryset = mine.distinct()
            self.fields["partnership"].required = True


class NetworkForm(_Scoped):
    """An industry network."""

    class Meta:
        model = Network
        fields = ["name", "industry", "description", "partnerships", "is_public"]
        widgets = {"partnerships": forms.SelectMultiple(attrs={"size": 8})}


class ChampionForm(_Scoped):
    """A champion and their consent."""

    class Meta:
        model = Champion
        fields = ["name", "title", "organization", "network", "partnership", "email", "phone", "quote",
                  "consent_public", "consent_date", "consent_scope"]  # fmt: skip
        widgets = {"consent_date": DATE}


class EngagementForm(_Scoped):
    """A meeting, site visit or commitment."""

    class Meta:
        model = Engagement
        fields = ["kind", "held_on", "organization", "partnership", "network", "champion", "summary"]
        widgets = {"held_on": DATE}


class RecommendationForm(_Scoped):
    """A recommendation as made."""

    class Meta:
        model = Recommendation
        fields = ["title", "kind", "network", "partnership", "addressed_to", "made_on", "owner", "due_on",
                  "description"]  # fmt: skip
        widgets = {"made_on": DATE, "due_on": DATE}


class StatusForm(forms.Form):
    """Move a recommendation on."""

    status = forms.ChoiceField(choices=RecommendationStatus.choices)
    reason = forms.CharField(widget=forms.Textarea, required=False, help_text="Required when declined")


class CampaignForm(forms.ModelForm):
    """An awareness campaign."""

    class Meta:
        model = Campaign
        fields = ["name", "audience", "channel", "starts_on", "ends_on", "description"]
        widgets = {"starts_on": DATE, "ends_on": DATE}


class MaterialForm(forms.ModelForm):
    """A campaign material and its reach."""

    url = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Material
        fields = ["title", "channel", "url", "reach"]
