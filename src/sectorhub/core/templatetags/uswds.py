"""`{% uswds_field form.field %}`: one tag renders any form field as a USWDS form group with label, hint, errors.

Forms never carry hand-written `usa-` classes; the widget type decides the class here.
"""

from __future__ import annotations

from django import forms, template

register = template.Library()

_WIDGET_CLASSES = [
    (forms.CheckboxSelectMultiple, "usa-checkbox__input"),
    (forms.RadioSelect, "usa-radio__input"),
    (forms.CheckboxInput, "usa-checkbox__input"),
    (forms.Select, "usa-select"),
    (forms.Textarea, "usa-textarea"),
]


def _widget_class(widget: forms.Widget) -> str:
    """The USWDS class for a widget; text-like inputs get `usa-input`."""
    for widget_type, css in _WIDGET_CLASSES:
        if isinstance(widget, widget_type):
            return css
    return "usa-input"


@register.inclusion_tag("core/_field.html")
def uswds_field(bound_field, hint: str = ""):
    """Render `bound_field` in USWDS markup, wired with aria-describedby to its hint and error message."""
    widget = bound_field.field.widget
    css = _widget_class(widget)
    errors = list(bound_field.errors)
    hint_text = hint or bound_field.help_text
    attrs = {"class": css + (" usa-input--error" if errors and css != "usa-checkbox__input" else "")}
    described = []
    if hint_text:
        described.append(f"{bound_field.auto_id}-hint")
    if errors:
        described.append(f"{bound_field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound_field.field.required and not isinstance(widget, forms.CheckboxInput):
        attrs["required"] = True
    is_choice_list = isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect)
    return {
        "field": bound_field,
        "widget_html": None if is_choice_list else bound_field.as_widget(attrs=attrs),
        "is_checkbox": isinstance(widget, forms.CheckboxInput),
        "is_choice_list": is_choice_list,
        # CheckboxSelectMultiple subclasses RadioSelect in Django, so test for the checkbox list first.
        "choice_class": "usa-checkbox" if isinstance(widget, forms.CheckboxSelectMultiple) else "usa-radio",
        "errors": errors,
        "hint": hint_text,
    }
