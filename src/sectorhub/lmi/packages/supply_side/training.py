"""The training-gap section of a data package: completers by CIP against the high-demand occupations' openings.

Computed only when completions and a separation rate are given (``SupplyInputs``); otherwise the section names the
missing inputs and shows no figures. Formulas: docs/methods-supply.md ("Training supply against demand").
"""

from __future__ import annotations

import pandas as pd

from sectorhub.lmi.packages.building.model import Column, Section

TITLE = "Training gaps: completers against annual openings"


def _r(x, digits: int = 0):
    """Round for storage and display (None for missing); whole numbers become int."""
    if x is None or pd.isna(x):
        return None
    v = round(float(x), digits)
    return int(v) if digits == 0 else v


def missing_training_inputs(inputs) -> list[str]:
    """The training-gap inputs not given, in words (empty when the gap table can be computed)."""
    missing = []
    if inputs.completions is None:
        missing.append(
            "program completions by CIP (an IPEDS completions file: UNITID, CIPCODE, MAJORNUM, AWLEVEL, CTOTALT)"
        )
    if inputs.separation_rate is None:
        missing.append(
            "annual occupational separation rates (BLS Employment Projections occupational separations)"
        )
    return missing


def training_section(report, ranked, inputs) -> Section:
    """The gap table for the ranked occupations, or a section that names the missing inputs."""
    from sectorhub.lmi.supply import training_gaps

    columns = [
        Column("soc_code", "SOC"),
        Column("title", "Occupation"),
        Column("openings", "Annual openings", "int"),
        Column("supply", "Completers (allocated)", "int"),
        Column("potential_supply", "Completers of linked programs", "int"),
        Column("gap", "Gap (openings - completers)", "int"),
        Column("ratio", "Completers per opening", "float2"),
    ]
    missing = missing_training_inputs(inputs)
    if missing:
        text = (
            "Not computed: the training gap needs "
            + " and ".join(missing)
            + ". No figures are estimated in their place; give them to the package build (CLI: --completions "
            "and --separation-rate; on the web, the package page's training supply)."
        )
        return Section("supply_training", TITLE, columns, [], intro=text)
    table = report.table
    growth = table["growth"].fillna(0.0)
    # The implied over-the-year change of each occupation's current estimate: E1 - E1 / (1 + g).
    change = pd.Series((table["employment"] * growth / (1.0 + growth)).to_numpy(), index=table["soc_code"])
    gaps = training_gaps(
        inputs.completions,
        table[["soc_code", "employment"]],
        separation_rate=inputs.separation_rate,
        annual_change=change,
    )
    wanted = list(ranked["soc_code"])
    shown = gaps.table.set_index("soc_code").reindex(wanted).dropna(subset=["openings"]).reset_index()
    rows = [
        {
            "soc_code": r.soc_code,
            "title": r.title,
            "openings": _r(r.openings),
            "supply": _r(r.supply),
            "potential_supply": _r(r.potential_supply),
            "gap": _r(r.gap),
            "ratio": _r(r.ratio, 2),
        }
        for r in shown.itertuples(index=False)
    ]
    return Section(
        "supply_training",
        TITLE,
        columns,
        rows,
        intro=(
            "For the high-demand occupations above: annual openings = implied annual change + separation rate × "
            "estimated jobs (BLS separations method); completers of programs linked to each occupation by the "
            "NCES CIP-SOC crosswalk, split equally across a program's occupations so each is counted once. "
            "Completers are counted as supplied (SectorHub does not filter institutions by location)."
        ),
        notes=[*gaps.notes, *gaps.sources],
    )
