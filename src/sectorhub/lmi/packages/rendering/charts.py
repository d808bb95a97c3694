"""Vega-Lite chart specs (built with Altair) and their offline rendering to SVG or PNG (vl-convert).

The same spec drives the interactive page (vega-embed) and the images in the PDF and the workbook.
"""

from __future__ import annotations

import json

import altair as alt

from sectorhub.lmi.packages.building import geo
from sectorhub.lmi.packages.building.classify import CLASSES
from sectorhub.lmi.packages.rendering.data import format_value

GEO_SOURCE = geo.SOURCE
CLASS_COLORS = ["#2e8540", "#0071bc", "#fdb81e", "#d83933"]  # USWDS green, blue, gold, red


def _lq_position(r: dict) -> tuple[float | None, float | None, float | None, str]:
    """Where an industry sits on the LQ axis: ``(position, low, high, text)``.

    A withheld LQ (known only within an interval) is drawn at its interval's midpoint with a bar over the
    whole interval, and its text is the interval (``≈ 1.95–4.08``), never one number.
    """
    lq, low, high = r["lq_nation"], r.get("lq_nation_low"), r.get("lq_nation_high")
    if lq is None and low is not None and high is not None:
        return (low + high) / 2, low, high, format_value(None, "float2", None, (low, high))
    return lq, None, None, format_value(lq, "float2")


def bubble_chart(pkg) -> dict:
    """LQ against growth, bubble size employment, colour the target class; rules at the two thresholds."""
    rows = [
        {
            "code": r["industry_code"],
            "industry": r["industry_title"],
            **dict(zip(("lq", "lq_low", "lq_high", "lq_shown"), _lq_position(r), strict=True)),
            "growth": r["growth_pct"],
            "employment": r.get("employment_used", r["employment"]),
            "class": r["target_class"],
            "basis": r.get("basis", "BLS"),
            # An industry classed from SectorHub estimates is labelled "code*" (the title says what * means).
            "label": r["industry_code"] + ("*" if r.get("estimate") else ""),
        }
        for r in pkg.industries
        if r["target_class"]
    ]
    data = alt.Data(values=rows)
    base = alt.Chart(data).encode(
        x=alt.X("growth:Q", title="Employment growth over the year (%)"),
        y=alt.Y("lq:Q", title="Location quotient (nation = 1)"),
    )
    points = base.mark_circle(opacity=0.7, stroke="#1b1b1b", strokeWidth=0.5).encode(
        size=alt.Size(
            "employment:Q",
            title="Jobs",
            scale=alt.Scale(range=[30, 2000]),
            legend=alt.Legend(format=",.0f", labelLimit=0),
        ),
        color=alt.Color("class:N", title="Class", scale=alt.Scale(domain=list(CLASSES), range=CLASS_COLORS)),
        tooltip=[
            "code:N",
            "industry:N",
            alt.Tooltip("lq_shown:N", title="lq"),
            "growth:Q",
            "employment:Q",
            "class:N",
            "basis:N",
        ],
    )
    labels = base.mark_text(dy=-10, fontSize=9).encode(text="label:N")
    # Industries whose LQ is withheld: a bar over the interval it lies in.
    intervals = (
        alt.Chart(data)
        .transform_filter("datum.lq_low != null")
        .mark_rule(color="#565c65", strokeWidth=2)
        .encode(x="growth:Q", y="lq_low:Q", y2="lq_high:Q")
    )
    estimated = any(r["label"].endswith("*") for r in rows)
    settings = pkg.settings
    hrule = (
        alt.Chart(alt.Data(values=[{"y": settings["target_lq_threshold"]}]))
        .mark_rule(strokeDash=[4, 4], color="#565c65")
        .encode(y="y:Q")
    )
    vrule = (
        alt.Chart(alt.Data(values=[{"x": settings["target_growth_threshold"]}]))
        .mark_rule(strokeDash=[4, 4], color="#565c65")
        .encode(x="x:Q")
    )
    chart = (intervals + points + labels + hrule + vrule).properties(
        width=560,
        height=380,
        title=alt.TitleParams(
            text=_wrap(f"Target industries, {pkg.region_name}", 60),
            subtitle=[
                pkg.period_label,
                *(["* SectorHub estimate of figures BLS suppressed"] if estimated else []),
            ],
            anchor="start",
            limit=0,
        ),
        description=(
            "Bubble chart of each classified industry's location quotient against its growth over the year, "
            "bubble size employment; an LQ known only within an interval is a bar over that interval. The "
            "target industries table has the same figures."
        ),
    )
    return _spec(chart)


def county_map(pkg, values: list[dict], measure: str = "employment") -> dict:
    """The state's counties, the region's coloured by the measure and the rest grey (the region in the state)."""
    by_fips = {v["fips"]: v for v in values}
    features = []
    for f in geo.county_features(pkg.state_fips):
        v = by_fips.get(f["properties"]["GEOID"], {})
        props = dict(f["properties"])
        props["value"] = v.get("value") if v.get("in_region") else None
        props["in_region"] = bool(v.get("in_region"))
        features.append({**f, "properties": props})
    title = "Employment, all industries" if measure == "employment" else "Average weekly wage ($)"
    legend_title = "Jobs" if measure == "employment" else "Weekly wage ($)"
    number = ",.0f" if measure == "employment" else "$,.0f"  # 727,016 and $1,031, never 727016.000000
    data = alt.Data(values=features)
    # The grey state is context, hidden from screen readers (the region layer carries the data).
    state = alt.Chart(data).mark_geoshape(fill="#dfe1e2", stroke="#ffffff", strokeWidth=0.5, aria=False)
    region = (
        alt.Chart(data)
        .transform_filter("datum.properties.in_region")
        .mark_geoshape(stroke="#1b1b1b", strokeWidth=0.8)
        .encode(
            color=alt.Color(
                "properties.value:Q",
                title=legend_title,
                scale=alt.Scale(scheme="blues"),
                legend=alt.Legend(
                    format=number, orient="right", gradientLength=220, titleLimit=0, labelLimit=0
                ),
            ),
            tooltip=[
                alt.Tooltip("properties.NAME:N", title="County"),
                alt.Tooltip("properties.value:Q", title=title, format=number),
            ],
        )
    )
    chart = (
        (state + region)
        .project("mercator")
        .properties(
            width=420,
            height=420,
            # Two short lines (wrapped, never clipped): the region, then the measure and period.
            title=alt.TitleParams(
                text=_wrap(f"{pkg.region_name} in {pkg.state_name}", 48),
                subtitle=f"{title}, {pkg.period_label}",
                anchor="start",
                limit=0,
            ),
            description=(
                f"Map of {pkg.state_name}'s counties with the region's counties coloured by "
                f"{title.lower()}; the county list and the summary table have the same figures."
            ),
        )
    )
    return _spec(chart)


def _wrap(text: str, width: int) -> list[str]:
    """Split a title into lines of at most ``width`` characters at spaces (Vega draws a list as lines)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _spec(chart) -> dict:
    spec = chart.to_dict(validate=False)  # built from fixed code; schema validation costs ~0.2 s a chart
    spec.pop("config", None)
    return json.loads(json.dumps(spec))


def to_svg(spec: dict) -> str:
    """Render a Vega-Lite spec to SVG offline."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec)


def to_png(spec: dict, scale: float = 2.0) -> bytes:
    """Render a Vega-Lite spec to PNG offline."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(spec, scale=scale)
