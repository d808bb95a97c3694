"""The package page's filters, checked against what is loaded (a value that is not offered falls back to the
default, so an old bookmark still opens the newest package instead of an error)."""

from __future__ import annotations

from django import forms

from sectorhub.datapackages.selectors import LEVELS, MAP_MEASURES, OWNERSHIPS, SECTOR_CODES, Choice


def _period_value(year: int, period: str) -> str:
    return f"{year}-{period}"


class KnownChoicesField(forms.MultipleChoiceField):
    """A multiple choice that keeps the offered values and drops the others (one bad code spoils nothing)."""

    def clean(self, value):
        offered = {str(k) for k, _ in self.choices}
        return [v for v in self.to_python(value) if v in offered]


class PackageFiltersForm(forms.Form):
    """Period, industry level, ownership, map measure and target sectors of a region's package."""

    period = forms.ChoiceField(required=False)
    level = forms.ChoiceField(choices=LEVELS, required=False)
    ownership = forms.ChoiceField(choices=OWNERSHIPS, required=False)
    map = forms.ChoiceField(choices=MAP_MEASURES, required=False)
    sector = KnownChoicesField(choices=[(c, c) for c in SECTOR_CODES], required=False)
    estimates = forms.BooleanField(required=False)

    DEFAULTS = {"level": "2", "ownership": "5", "map": "employment", "sector": []}

    def __init__(self, data, *, periods: list[tuple[int, str]]):
        super().__init__(data)
        if not periods:
            raise ValueError("no loaded period to choose from")
        self.periods = periods
        self.fields["period"].choices = [(_period_value(y, q), f"{y} {q}") for y, q in periods]

    def choice(self) -> Choice:
        """The checked filters; a field left out or not offered takes its default (the newest period)."""
        self.is_valid()
        data = {**self.DEFAULTS, "period": _period_value(*self.periods[0])}
        data |= {k: v for k, v in self.cleaned_data.items() if v not in ("", None, [])}
        year, _, period = data["period"].partition("-")
        asked = set(data["sector"])
        return Choice(
            year=int(year),
            period=period,
            level=data["level"],
            ownership=data["ownership"],
            map_measure=data["map"],
            sectors=tuple(c for c in SECTOR_CODES if c in asked),
            estimates=bool(data.get("estimates")),
        )
