"""Package settings: the target-industry thresholds and list sizes, declared once with their help text.

Each is documented in ``docs/methods-estimates.md`` (section "Data packages"); a test fails for an undocumented one.
"""

from __future__ import annotations

from sectorhub.lmi.measures import Setting

SETTINGS = (
    Setting(
        "target_lq_threshold",
        1.0,
        "An industry is concentrated when its LQ against the nation is at least this (1.0 = the national share).",
    ),
    Setting(
        "target_growth_threshold",
        0.0,
        "An industry is growing when its over-the-year employment change (percent) is above this.",
    ),
    Setting(
        "target_min_employment",
        50,
        "Industries with fewer jobs in the region than this are listed but not classified (too small to judge).",
    ),
    Setting(
        "highlight_count", 5, "How many industries each summary list names (largest, concentrated, growing)."
    ),
)

DEFAULTS = {s.name: s.default for s in SETTINGS}


def resolve(overrides: dict | None = None) -> dict:
    """The defaults with any overrides applied; unknown names are refused."""
    out = dict(DEFAULTS)
    for key, value in (overrides or {}).items():
        if key not in out:
            raise KeyError(f"unknown package setting {key!r}; known: {', '.join(out)}")
        out[key] = type(out[key])(value)
    return out
