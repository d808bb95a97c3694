"""Target-industry classes: strong, emerging, mature and at risk (the classic LQ-against-growth quadrants).

Rules, with ``T_lq`` = ``target_lq_threshold`` and ``T_g`` = ``target_growth_threshold`` (see settings.py):

* **strong** — concentrated and growing: ``LQ ≥ T_lq`` and ``growth > T_g``;
* **mature** — concentrated and not growing: ``LQ ≥ T_lq`` and ``growth ≤ T_g``;
* **emerging** — not yet concentrated, growing faster than the same industry nationally:
  ``LQ < T_lq`` and ``growth > T_g`` and ``growth > national growth``;
* **at risk** — not concentrated and not outgrowing the nation: every other industry with an LQ and a growth.

Industries with suppressed or lower-bound employment, no growth figure, or fewer than ``target_min_employment``
jobs are not classified, and say why.
"""

from __future__ import annotations

import math

STRONG, EMERGING, MATURE, AT_RISK = "strong", "emerging", "mature", "at risk"
CLASSES = (STRONG, EMERGING, MATURE, AT_RISK)
DESCRIPTIONS = {
    STRONG: "Concentrated and growing",
    EMERGING: "Not yet concentrated, growing faster than the nation",
    MATURE: "Concentrated, not growing",
    AT_RISK: "Not concentrated, not outgrowing the nation",
}


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def classify(
    *, lq, growth, national_growth, employment, status: str, settings: dict, lq_interval=(None, None)
) -> tuple[str | None, str]:
    """The class of one industry and the reason, or ``(None, why not)``.

    ``lq_interval``: ``(low, high)`` of an LQ withheld because it cannot be pinned to hundredths (``lq`` None).
    Such an LQ is never used as a number: it decides "concentrated" only when the whole interval lies on one
    side of the threshold, and leaves the industry unclassified when the interval straddles it.
    """
    if status != "published":
        return None, f"employment {status}"
    if _missing(employment) or employment < settings["target_min_employment"]:
        return None, f"fewer than {settings['target_min_employment']} jobs"
    low, high = lq_interval
    threshold = settings["target_lq_threshold"]
    withheld = _missing(lq) and not _missing(low) and not _missing(high)
    if withheld and low < threshold <= high:
        return None, f"LQ withheld (≈ {low:.2f}–{high:.2f}, either side of the threshold)"
    if _missing(lq) and not withheld:
        return None, "no LQ"
    if _missing(growth):
        return None, "no over-the-year growth (suppressed a year earlier)"
    concentrated = low >= threshold if withheld else lq >= threshold
    growing = growth > settings["target_growth_threshold"]
    if concentrated:
        return (STRONG, "LQ ≥ threshold, growing") if growing else (MATURE, "LQ ≥ threshold, not growing")
    if growing and not _missing(national_growth) and growth > national_growth:
        return EMERGING, "LQ below threshold, growing faster than the industry nationally"
    return AT_RISK, "LQ below threshold, not growing faster than the industry nationally"
