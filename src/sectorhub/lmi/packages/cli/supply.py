"""Turn ``sectorhub package build``'s supply options (sectors, completions file, separation rate) into inputs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sectorhub.lmi.packages.supply_side.section import SupplyInputs


def read_separation_rate(text: str) -> tuple[float | pd.Series, str]:
    """A separation rate from a fraction (``0.11``) or a CSV file of soc_code,separation_rate; with its source."""
    try:
        rate = float(text)
    except ValueError:
        path = Path(text)
        if not path.exists():
            raise ValueError(
                f"--separation-rate: {text!r} is neither a fraction nor a file of soc_code,separation_rate"
            ) from None
        df = pd.read_csv(path, dtype={"soc_code": str})
        missing = {"soc_code", "separation_rate"} - set(df.columns)
        if missing:
            raise ValueError(f"{path}: line 1: missing column(s) {sorted(missing)}") from None
        rates = pd.to_numeric(df["separation_rate"], errors="coerce")
        bad = df.index[rates.isna() | (rates < 0) | (rates > 1)]
        if len(bad):
            raise ValueError(
                f"{path}: line {bad[0] + 2}: separation_rate must be a fraction from 0 to 1"
            ) from None
        return pd.Series(rates.to_numpy(), index=df["soc_code"].str.strip()), f"{path.name} (as supplied)"
    if not 0 <= rate <= 1:
        raise ValueError(f"--separation-rate must be a fraction from 0 to 1; got {text}")
    return rate, f"{rate:g} a year for every occupation (as supplied)"


def supply_options(sectors: str | None, completions: Path | None, separation_rate: str | None) -> dict:
    """``section_options`` for ``build_package``: {"supply": SupplyInputs(...)}; raises ValueError on bad input."""
    from sectorhub.lmi.sources import ipeds

    inputs = SupplyInputs(sectors=[s.strip() for s in sectors.split(",") if s.strip()] if sectors else None)
    if completions is not None:
        parsed = ipeds.read_completions(completions)
        inputs.completions = parsed.table[["cip_code", "completers"]]
        inputs.completions_source = (
            f"{Path(parsed.path).name}: {int(parsed.table['completers'].sum()):,} completers (first majors)"
        )
    if separation_rate is not None:
        inputs.separation_rate, inputs.separation_source = read_separation_rate(separation_rate)
    return {"supply": inputs}
