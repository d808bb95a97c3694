"""Chart specs (Vega-Lite, built with Altair): the radar of capability means and the history per capability.

The page renders the specs with vega-embed from static/vendor; the PDF gets PNGs rendered offline by vl-convert.
Vega-Lite has no radar mark, so the radar is drawn on a plain x/y plane: capability i sits at angle 2πi/n and a
mean m at distance m/top from the centre, with rings at each scale level.
"""

from __future__ import annotations

import base64
import math

import altair as alt

COLORS = ["#005ea2", "#c05600", "#00a398", "#8168b3"]
AXIS_OFF = alt.Axis(title=None, labels=False, ticks=False, domain=False, grid=False)


def _point(index: int, count: int, radius: float) -> tuple[float, float]:
    """x, y of a point at `radius` on spoke `index` of `count` (first spoke straight up, then clockwise)."""
    angle = 2 * math.pi * index / count
    return radius * math.sin(angle), radius * math.cos(angle)


def radar_spec(
    series: list[tuple[str, list[tuple[str, float | None]]]], *, top: int, level_labels: list[str]
) -> dict:
    """A radar of capability means for one or more cycles [(label, [(capability, mean)])]; no mean draws at 0."""
    names = [name for name, _mean in series[0][1]]
    n = len(names)
    rings, spokes, labels, polygons = [], [], [], []
    for level in range(1, top + 1):
        for k in range(n + 1):
            x, y = _point(k % n, n, level / top)
            rings.append({"ring": level_labels[level], "order": k, "x": x, "y": y})
    for k, name in enumerate(names):
        x, y = _point(k, n, 1)
        spokes.append({"x": 0, "y": 0, "x2": x, "y2": y})
        lx, ly = _point(k, n, 1.16)
        align = "center" if abs(lx) < 0.05 else ("left" if lx > 0 else "right")
        labels.append({"x": lx, "y": ly, "name": name, "align": align})
    for label, means in series:
        for k in range(n + 1):
            name, mean = means[k % n]
            x, y = _point(k % n, n, (mean or 0) / top)
            polygons.append(
                {
                    "series": label,
                    "order": k,
                    "x": x,
                    "y": y,
                    "capability": name,
                    "mean": None if mean is None else round(mean, 2),
                }
            )
    domain = alt.Scale(domain=[-1.55, 1.55], nice=False)
    x = alt.X("x:Q", scale=domain, axis=AXIS_OFF)
    y = alt.Y("y:Q", scale=domain, axis=AXIS_OFF)
    ring_layer = (
        alt.Chart(alt.Data(values=rings))
        .mark_line(color="#a9aeb1", strokeWidth=0.8)
        .encode(x=x, y=y, detail="ring:N", order="order:Q")
    )
    spoke_layer = (
        alt.Chart(alt.Data(values=spokes))
        .mark_rule(color="#a9aeb1", strokeWidth=0.8)
        .encode(x=x, y=y, x2="x2:Q", y2="y2:Q")
    )
    # Text alignment is a mark property, not an encoding: one layer per alignment keeps labels off the shape.
    label_layers = [
        alt.Chart(alt.Data(values=[row for row in labels if row["align"] == align]))
        .mark_text(fontSize=11, color="#1b1b1b", align=align)
        .encode(x=x, y=y, text="name:N")
        for align in ("center", "left", "right")
        if any(row["align"] == align for row in labels)
    ]
    series_labels = [label for label, _ in series]
    shape_layer = (
        alt.Chart(alt.Data(values=polygons))
        .mark_line(point=True, strokeWidth=2)
        .encode(
            x=x,
            y=y,
            order="order:Q",
            color=alt.Color(
                "series:N",
                title="Cycle",
                scale=alt.Scale(domain=series_labels, range=COLORS[: len(series_labels)]),
                # One series a line with no label limit: long cycle names are never cut to "Demo: State …".
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=640, titleLimit=640),
            ),
            tooltip=[
                alt.Tooltip("series:N", title="Cycle"),
                alt.Tooltip("capability:N", title="Capability"),
                alt.Tooltip("mean:Q", title="Mean", format=".2f"),
            ],
        )
    )
    chart = alt.layer(ring_layer, spoke_layer, shape_layer, *label_layers).properties(
        width=420,
        height=420,
        title=f"Mean rating by capability (0 = {level_labels[0].lower()}, {top} = {level_labels[top].lower()})",
        description="Radar chart of the mean rating of each capability; the table beside it has the same figures.",
    )
    return chart.configure_view(stroke=None).to_dict()


def history_spec(points, *, top: int) -> dict:
    """One small line chart per capability: the mean in each cycle, oldest to newest."""
    rows = [
        {
            "cycle": p.cycle.name,
            "capability": p.capability,
            "mean": None if p.mean is None else round(p.mean, 2),
            "respondents": p.respondents,
        }
        for p in points
        if p.mean is not None
    ]
    order = list(dict.fromkeys(p.cycle.name for p in points))
    capabilities = list(dict.fromkeys(p.capability for p in points))
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(point=True)
        .encode(
            x=alt.X("cycle:O", sort=order, title=None, axis=alt.Axis(labelAngle=-30)),
            y=alt.Y("mean:Q", scale=alt.Scale(domain=[0, top]), title="Mean"),
            tooltip=["cycle:N", "capability:N", alt.Tooltip("mean:Q", format=".2f"), "respondents:Q"],
        )
        .properties(width=180, height=130)
        .facet(facet=alt.Facet("capability:N", sort=capabilities, title=None), columns=3)
        .properties(
            description="The mean rating of each capability in each cycle; the table has the figures."
        )
    )
    return chart.to_dict()


def png_data_uri(spec: dict) -> str:
    """The chart rendered offline to PNG (vl-convert), as a data: URI for the PDF."""
    import vl_convert

    png = vl_convert.vegalite_to_png(spec, scale=2)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
