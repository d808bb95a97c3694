"""The audit-history helper and the USWDS field tag."""

from __future__ import annotations

import pytest
from django import forms
from django.template import Context, Template

from sectorhub.core.history import history_rows
from sectorhub.core.roles import Role
from sectorhub.regions import services
from tests.regions.factories import CountyFactory, StateFactory


@pytest.mark.django_db
def test_history_rows_say_who_changed_which_field_from_what_to_what(make_user):
    """Create "Area A" with Franklin County, then rename it "Area B".

    Three versions, newest first: the rename (Name: Area A → Area B), the counties being set (— → Franklin County)
    and the creation.
    """
    staff = make_user(Role.STATE_STAFF, username="sam")
    county = CountyFactory(fips="39049", name="Franklin County", state=StateFactory())
    region = services.create_region(user=staff, name="Area A", kind="local_area", counties=[county])
    services.update_region(user=staff, region=region, name="Area B")
    rows = history_rows(region)
    assert [r.action for r in rows] == ["Changed", "Changed", "Created"]
    assert rows[0].who == "sam"
    assert rows[0].reason == "Region edited"
    assert [(c.label, c.old, c.new) for c in rows[0].changes] == [("Name", "Area A", "Area B")]
    assert [(c.label, c.old, c.new) for c in rows[1].changes] == [("Counties", "—", "Franklin County")]
    assert ("Kind", "—", "Local workforce development area") in [
        (c.label, c.old, c.new) for c in rows[2].changes
    ]


class _Form(forms.Form):
    name = forms.CharField(help_text="The partnership's name")
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])


def test_the_uswds_field_tag_wires_label_hint_and_error_together():
    form = _Form(data={"name": "", "kind": "a"})
    form.is_valid()
    html = Template("{% load uswds %}{% uswds_field form.name %}{% uswds_field form.kind %}").render(
        Context({"form": form})
    )
    assert '<label class="usa-label usa-label--error" for="id_name">' in html
    assert 'id="id_name-hint"' in html and 'id="id_name-error"' in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html
    assert 'class="usa-input usa-input--error"' in html
    assert "This field is required." in html
    assert 'class="usa-select"' in html


def test_the_uswds_field_tag_gives_checkbox_lists_checkbox_markup_and_radios_radio_markup():
    """Django's CheckboxSelectMultiple subclasses RadioSelect; each still gets its own USWDS classes."""

    class ChoiceForm(forms.Form):
        kinds = forms.MultipleChoiceField(
            choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
        )
        one = forms.ChoiceField(choices=[("x", "X"), ("y", "Y")], widget=forms.RadioSelect)

    template = Template("{% load uswds %}{% uswds_field form.kinds %}|{% uswds_field form.one %}")
    checkboxes, radios = template.render(Context({"form": ChoiceForm()})).split("|")
    assert "usa-checkbox" in checkboxes and "usa-radio" not in checkboxes
    assert "usa-radio" in radios and "usa-checkbox" not in radios
