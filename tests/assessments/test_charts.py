"""The self-assessment radar's legend shows each cycle's whole name."""

from __future__ import annotations

from sectorhub.assessments.charts import radar_spec


def test_the_radar_legend_shows_long_cycle_names_whole():
    """Two demo cycles whose names share a long prefix: both names appear whole in the rendered SVG (Vega's
    default 160 px label limit cut both to 'Demo: State self-assessment …')."""
    import vl_convert as vlc

    names = [
        "Demo: State self-assessment, spring 2026 (baseline)",
        "Demo: State self-assessment, autumn 2026",
    ]
    means = [("Shared vision", 2.0), ("Employer leadership", 3.0), ("Data use", 1.5)]
    spec = radar_spec([(n, means) for n in names], top=4, level_labels=["None", "1", "2", "3", "Full"])
    svg = vlc.vegalite_to_svg(spec)
    for name in names:
        assert name.replace("&", "&amp;") in svg
    assert "…" not in svg
