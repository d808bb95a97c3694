"""Self-assessment forms. The answer form is built from the cycle's instrument version: three fields per item."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model

from sectorhub.assessments.models import ActionStatus, Capability, Importance, InstrumentVersion, Item
from sectorhub.assessments.services import AnswerIn
from sectorhub.regions.models import Region


class DateInput(forms.DateInput):
    """A native date picker (ISO dates)."""

    input_type = "date"


class VersionChoiceField(forms.ModelChoiceField):
    """Instrument versions labelled with their instrument and number."""

    def label_from_instance(self, obj) -> str:
        """ "State self-assessment, version 2"."""
        return str(obj)


class CycleForm(forms.Form):
    """Open a cycle on an instrument version."""

    name = forms.CharField(max_length=200, help_text="For example: State self-assessment 2026")
    version = VersionChoiceField(
        queryset=InstrumentVersion.objects.none(), label="Instrument", empty_label="Choose an instrument"
    )
    region = forms.ModelChoiceField(
        queryset=Region.objects.order_by("kind", "name"),
        required=False,
        help_text="Only for a regional assessment",
    )
    opens_on = forms.DateField(widget=DateInput, initial=dt.date.today)
    closes_on = forms.DateField(widget=DateInput, required=False, label="Answers due")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = InstrumentVersion.objects.select_related("instrument").order_by(
            "instrument__level", "instrument__name", "-number"
        )

    def clean(self):
        """A cycle closes after it opens."""
        data = super().clean()
        if data.get("closes_on") and data.get("opens_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", "The due date must be on or after the opening date.")
        return data


class RespondentsForm(forms.Form):
    """Invite respondents: each answers for their own agency or board."""

    respondents = forms.ModelMultipleChoiceField(
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Each person answers on their own, for the agency or board named in their account",
    )

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        taken = cycle.responses.values("respondent_id")
        self.fields["respondents"].queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .exclude(pk__in=taken)
            .order_by("organization_name")
        )
        self.fields["respondents"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.organization_name or 'no agency given'})"
        )


class ResponseForm(forms.Form):
    """One respondent's answers: for each item a level, its importance and an evidence note."""

    def __init__(self, *args, capabilities: list[Capability], scale, answers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = scale
        self.capabilities = capabilities
        evidence_levels = ", ".join(lv.label.lower() for lv in scale.levels if lv.requires_evidence)
        for cap in capabilities:
            for item in cap.items.all():
                current = answers.get(item.pk)
                self.fields[f"level_{item.pk}"] = forms.ChoiceField(
                    label=item.text,
                    choices=scale.choices(),
                    widget=forms.RadioSelect,
                    required=False,
                    initial=current.level if current else None,
                )
                self.fields[f"importance_{item.pk}"] = forms.TypedChoiceField(
                    label="How important is this now?",
                    choices=Importance.choices,
                    coerce=int,
                    required=False,  # a missing choice counts as medium
                    initial=current.importance if current else Importance.MEDIUM,
                )
                self.fields[f"evidence_{item.pk}"] = forms.CharField(
                    label="Evidence or notes",
                    widget=forms.Textarea(attrs={"rows": 2}),
                    required=False,
                    help_text=f"Required for {evidence_levels}" if evidence_levels else "",
                    initial=current.evidence if current else "",
                )

    def groups(self) -> list[tuple[Capability, list[tuple[Item, list]]]]:
        """(capability, [(item, [level, importance, evidence bound fields])]) for the template."""
        return [
            (
                cap,
                [
                    (
                        item,
                        [
                            self[f"level_{item.pk}"],
                            self[f"importance_{item.pk}"],
                            self[f"evidence_{item.pk}"],
                        ],
                    )
                    for item in cap.items.all()
                ],
            )
            for cap in self.capabilities
        ]

    def answers(self) -> list[AnswerIn]:
        """The cleaned answers for the service (blank levels are left out)."""
        rows = []
        for cap in self.capabilities:
            for item in cap.items.all():
                level = self.cleaned_data.get(f"level_{item.pk}") or ""
                rows.append(
                    AnswerIn(
                        item_id=item.pk,
                        level=level,
                        importance=self.cleaned_data.get(f"importance_{item.pk}") or Importance.MEDIUM,
                        evidence=self.cleaned_data.get(f"evidence_{item.pk}", ""),
                    )
                )
        return rows


class ItemChoiceField(forms.ModelChoiceField):
    """Items labelled with their capability."""

    def label_from_instance(self, obj) -> str:
        """ "Shared vision and goals: A written vision ..."."""
        text = obj.text if len(obj.text) <= 90 else obj.text[:87] + "..."
        return f"{obj.capability.name}: {text}"


class ActionForm(forms.Form):
    """An action plan item for a capability, optionally for one of its items."""

    capability = forms.ModelChoiceField(queryset=Capability.objects.none(), empty_label="Choose a capability")
    item = ItemChoiceField(queryset=Item.objects.none(), required=False, help_text="Optional")
    title = forms.CharField(max_length=200, label="Action")
    owner = forms.CharField(max_length=200, help_text="The person or agency responsible")
    due_on = forms.DateField(widget=DateInput, required=False, label="Due")
    status = forms.ChoiceField(choices=ActionStatus.choices)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capability"].queryset = Capability.objects.filter(version_id=cycle.version_id).order_by(
            "order"
        )
        self.fields["item"].queryset = (
            Item.objects.filter(capability__version_id=cycle.version_id)
            .select_related("capability")
            .order_by("capability__order", "order")
        )

    def clean(self):
        """The item, when given, belongs to the chosen capability."""
        data = super().clean()
        item, capability = data.get("item"), data.get("capability")
        if item is not None and capability is not None and item.capability_id != capability.pk:
            self.add_error("item", "Choose an item of the chosen capability, or none.")
        return data


class InstrumentImportForm(forms.Form):
    """Import an instrument from a YAML or JSON file: a new instrument, or a new version of one."""

    file = forms.FileField(
        help_text="YAML or JSON, in the shape of the shipped instruments (docs/assessments.md)"
    )
    note = forms.CharField(max_length=300, required=False, help_text="What this version changes")

    def clean_file(self) -> str:
        """The file's text (UTF-8, at most 1 MB)."""
        upload = self.cleaned_data["file"]
        if upload.size > 1_000_000:
            raise forms.ValidationError("The file is larger than 1 MB.")
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError("The file is not UTF-8 text.") from exc


class InstrumentEditForm(forms.Form):
    """Edit an instrument as YAML; saving stores a new version and leaves earlier ones as they were."""

    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 30, "class": "font-mono-xs"}),
        label="Instrument (YAML)",
        help_text="Keep capability and item keys when only the wording changes, so history lines up",
    )
    note = forms.CharField(max_length=300, required=False, help_text="What this version changes")
