"""The default lifecycle phases and quality definition, loaded by a data migration; a state may replace them."""

from __future__ import annotations

from pathlib import Path

import yaml

# (slug, name, counts as active)
PHASES = [
    ("exploring", "Exploring", False),
    ("preparing-to-launch", "Preparing to launch", True),
    ("launched", "Launched", True),
    ("industry-led-action", "Industry-led action", True),
    ("sustaining", "Sustaining", True),
    ("inactive", "Inactive", False),
]

# The five traits of a high-quality sector partnership (DOL ETA, "State Support for Sector Partnerships").
QUALITY_CRITERIA = [
    (
        "business-at-the-center",
        "Business at the middle of the conversation",
        "Businesses set the agenda and the priorities; public partners listen and respond.",
    ),
    (
        "businesses-as-partners",
        "Businesses treated as partners",
        "Businesses co-lead and co-invest, and are not only consulted or served as customers.",
    ),
    (
        "aligned-partners",
        "Aligned partners",
        "Education, workforce, economic development and community partners act together on the priorities.",
    ),
    (
        "credible-neutral-convener",
        "A credible, neutral convener",
        "A convener the industry trusts, without a stake in any one program's outcome.",
    ),
    (
        "regional-scale",
        "Regional scale",
        "The partnership covers a real regional labor market, not a single jurisdiction or institution.",
    ),
]


def read_quality_definition(path: Path) -> list[tuple[str, str, str]]:
    """A state's own quality definition from YAML: a list of {key, name, description}."""
    rows = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(rows, list) or not rows:
        raise ValueError(f"{path}: expected a list of criteria")
    out = []
    for index, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not row.get("key") or not row.get("name"):
            raise ValueError(f"{path}: criterion {index} needs a key and a name")
        out.append((str(row["key"]), str(row["name"]), str(row.get("description", ""))))
    return out
