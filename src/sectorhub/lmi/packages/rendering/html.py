"""HTML (a fragment for the web page, a standalone document) and PDF (WeasyPrint) from one template."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from sectorhub.lmi.packages.building.classify import DESCRIPTIONS
from sectorhub.lmi.packages.rendering import charts
from sectorhub.lmi.packages.rendering.data import format_value, interval_of, with_unit

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.globals["fmt"] = format_value
    env.globals["interval_of"] = interval_of
    env.globals["with_unit"] = with_unit
    env.globals["classes"] = DESCRIPTIONS
    return env


def _chart_markup(pkg, mode: str) -> dict[str, Markup]:
    out = {}
    for key, spec in pkg.charts.items():
        if mode == "svg":
            svg = charts.to_svg(spec)
            out[key] = Markup(svg[svg.find("<svg") :])  # noqa: S704 - SVG made by vl-convert from our own spec
        else:
            data = json.dumps(spec).replace("</", "<\\/")
            out[key] = Markup(  # noqa: S704 - JSON escaped for a script element
                f'<div class="package-chart" id="chart-{key}" data-spec-id="spec-{key}"></div>'
                f'<script type="application/json" id="spec-{key}">{data}</script>'
            )
    return out


def fragment(pkg, charts_as: str = "embed", downloads: dict | None = None, links: dict | None = None) -> str:
    """The package's body: ``charts_as="embed"`` leaves Vega-Lite specs for vega-embed, ``"svg"`` inlines images.

    ``links`` maps a column key to a URL pattern with ``{value}`` (e.g. ``{"soc_code": "/occupations/{value}/"}``).
    """
    return (
        _env()
        .get_template("package.html")
        .render(pkg=pkg, charts=_chart_markup(pkg, charts_as), downloads=downloads or {}, links=links or {})
    )


def document(pkg, *, for_print: bool = False) -> str:
    """A standalone HTML page (charts inline as SVG; no scripts, works offline)."""
    return (
        _env()
        .get_template("document.html")
        .render(
            pkg=pkg,
            body=Markup(fragment(pkg, "svg")),
            for_print=for_print,  # noqa: S704 - rendered above
        )
    )


def to_pdf(pkg) -> bytes:
    """The package as a PDF (WeasyPrint), landscape letter pages."""
    from weasyprint import HTML

    return HTML(string=document(pkg, for_print=True), base_url=str(TEMPLATES)).write_pdf()
