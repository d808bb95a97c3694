"""Chart specs (Vega-Lite via Altair): actual against target per quarter, one small chart per indicator."""

from __future__ import annotations

import altair as alt


def trend_spec(data: list[dict]) -> dict | None:
    """Lines of actual and target per quarter, faceted by indicator; None without data."""
    if not data:
        return None
    chart = (
        alt.Chart(alt.Data(values=data))
        .mark_line(point=True)
        .encode(
            x=alt.X("quarter:O", title="Quarter"),
            y=alt.Y("value:Q", title=None),
            color=alt.Color("series:N", title=None, scale=alt.Scale(range=["#005ea2", "#c05600"])),
            strokeDash=alt.StrokeDash("series:N", legend=None),
            tooltip=["indicator:N", "quarter:O", "series:N", "value:Q"],
        )
        .properties(width=220, height=140)
        .facet(facet=alt.Facet("indicator:N", title=None), columns=3)
        .resolve_scale(y="independent")
    )
    return chart.to_dict()
