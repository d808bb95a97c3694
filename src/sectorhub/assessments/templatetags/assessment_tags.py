"""Small template helpers for the self-assessment pages."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """`mapping[key]`, or None when missing (dicts keyed by item id or evidence source)."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def score(value):
    """A mean or spread to two decimals; a dash when there is none."""
    return "—" if value is None else f"{value:.2f}"


@register.filter
def level_label(key, scale):
    """The label of a level key on a scale (the don't-know label included)."""
    return dict(scale.choices()).get(key, key)
