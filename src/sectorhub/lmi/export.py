"""Export loaded QCEW rows in BLS's own single-file layout, with every ``lq_*`` and ``oty_*`` computed here.

Nothing in the ``lq_*`` and ``oty_*`` columns is copied from the input files: LQs come from
:func:`sectorhub.lmi.measures.location_quotients` against the stored national reference, and over-the-year
changes from :func:`sectorhub.lmi.measures.over_the_year` against the prior year's loaded rows (empty where the
prior year is not loaded). Suppressed values are written as BLS writes them: 0 with disclosure code ``N``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import ibis
import pandas as pd

from sectorhub.lmi import measures as M
from sectorhub.lmi.sources.qcew import ANNUAL_EXPORT, QUARTERLY_EXPORT

FORMATS = ("csv", "json", "parquet")


class ExportError(ValueError):
    """An export request that cannot be met (nothing selected, mixed layouts, unknown format)."""


def export_frame(
    store, *, areas: list[str] | None = None, year: int | None = None, period: str | None = None
):
    """The selected rows as a DataFrame in BLS's single-file column order for the period type."""
    store.require_loaded()
    q = store.table("qcew")
    if areas:
        # Totals, prior years and their codes are needed for the selected areas only: never join the whole store
        # (a one-county export of the national set took 2.5 GB that way).
        q = q.filter(q.area_fips.isin(areas))
    sel = q
    if year is not None:
        sel = sel.filter(sel.year == int(year))
    if period is not None:
        sel = sel.filter(sel.qtr == str(period).upper())
    kinds = set(sel.select("qtr").distinct().to_pandas()["qtr"])
    if not kinds:
        raise ExportError("no loaded rows match that selection")
    annual = kinds == {"A"}
    if not annual and "A" in kinds:
        raise ExportError("the selection mixes annual and quarterly rows: choose --period A or a quarter")
    layout = ANNUAL_EXPORT if annual else QUARTERLY_EXPORT
    measures = tuple(canon for _, canon in layout)

    periods = sel.select("year", "qtr").distinct()
    ref = store.table("reference_shares").semi_join(periods, ["year", "qtr"])
    totals = M.area_totals(q.semi_join(periods, ["year", "qtr"]), measures)
    lq = M.location_quotients(sel, totals, ref, measures, intervals=True)
    oty = M.over_the_year(lq, q, measures)
    prev = q.select(
        *[k for k in M.CELL_KEYS if k != "year"], year=q.year + 1, prev_disclosure=q.disclosure_code
    )
    oty = oty.left_join(prev, list(M.CELL_KEYS)).select(*oty.columns, "prev_disclosure")
    df = oty.to_pandas()
    out = _bls_layout(df, layout)
    out.attrs["lq_reference"] = M.reference_note(df["lq_reference"])
    return out


def _bls_layout(df: pd.DataFrame, layout) -> pd.DataFrame:
    """Arrange computed columns under BLS's names; suppressed values as 0 with code N, as BLS writes them."""
    out = pd.DataFrame(
        {c: df[c] for c in ("area_fips", "own_code", "industry_code", "agglvl_code", "size_code")}
    )
    out["year"] = df["year"].astype(int)
    out["qtr"] = df["qtr"]
    out["disclosure_code"] = df["disclosure_code"]
    suppressed = df["disclosure_code"].isin(["N", "-"])
    for bls, canon in layout:
        out[bls] = df[canon].fillna(0).round().astype("int64")
    # Computed, not copied: N where the cell is withheld or its employment LQ is not published (no national
    # share for the industry and ownership, or one too loose to pin the LQ to BLS's hundredths). A withheld
    # cell's LQs are 0 as BLS writes them; an LQ that cannot be pinned is empty, never 0.00, and its interval
    # is in lq_<column>_low / lq_<column>_high (empty wherever the LQ itself is published or unknown).
    main = "emplvl" if "emplvl" in measures_of(layout) else "emp_m1"
    undetermined = df[f"lq_{main}"].isna()
    out["lq_disclosure_code"] = pd.Series("", index=df.index).where(~(suppressed | undetermined), "N")
    for bls, canon in layout:
        lq = df[f"lq_{canon}"].round(2)
        out[f"lq_{bls}"] = lq.where(~suppressed | (canon == "estabs"), 0.0)
    has_prev = df["prev_disclosure"].notna()
    oty_suppressed = suppressed | df["prev_disclosure"].isin(["N", "-"])
    out["oty_disclosure_code"] = pd.Series("", index=df.index).where(~oty_suppressed, "N").where(has_prev, "")
    for bls, canon in layout:
        keep = has_prev & (~oty_suppressed | (canon == "estabs"))
        chg = df[f"oty_{canon}_chg"].round()
        out[f"oty_{bls}_chg"] = chg.where(keep, 0).where(has_prev).astype("Int64")
        out[f"oty_{bls}_pct_chg"] = df[f"oty_{canon}_pct_chg"].where(keep, 0.0).where(has_prev)
    for bls, canon in layout:
        low, high = M.widen_lq_interval(df[f"lq_{canon}_low"], df[f"lq_{canon}_high"])
        show = df[f"lq_{canon}"].isna() & low.notna() & (~suppressed | (canon == "estabs"))
        out[f"lq_{bls}_low"], out[f"lq_{bls}_high"] = low.where(show), high.where(show)
    return out.sort_values(
        ["area_fips", "year", "qtr", "own_code", "agglvl_code", "industry_code"]
    ).reset_index(drop=True)


def measures_of(layout) -> tuple[str, ...]:
    """The canonical measures of an export layout."""
    return tuple(canon for _, canon in layout)


def _csv_text(df: pd.DataFrame) -> pd.DataFrame:
    """LQs with two decimals and percent changes with one, as BLS prints them (1.00, not 1.0)."""
    out = df.copy()
    for col in out.columns:
        if col.startswith("lq_") and col != "lq_disclosure_code":
            out[col] = out[col].map(lambda v: "" if pd.isna(v) else f"{v:.2f}")
        elif col.endswith("_pct_chg"):
            out[col] = out[col].map(lambda v: "" if pd.isna(v) else f"{v:.1f}")
    return out


def write_frame(df: pd.DataFrame, fmt: str, out: Path | None) -> None:
    """Write CSV, JSON or Parquet to a file atomically (a failed write leaves no partial file), or CSV/JSON to stdout."""
    if fmt not in FORMATS:
        raise ExportError(f"format must be one of {', '.join(FORMATS)}")
    if out is None:
        if fmt == "parquet":
            raise ExportError("parquet needs --out FILE")
        text = _csv_text(df).to_csv(index=False) if fmt == "csv" else df.to_json(orient="records", indent=1)
        print(text, end="" if text.endswith("\n") else "\n")
        return
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    os.close(fd)
    try:
        if fmt == "csv":
            _csv_text(df).to_csv(tmp, index=False)
        elif fmt == "json":
            df.to_json(tmp, orient="records", indent=1)
        else:
            df.to_parquet(tmp, index=False)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = ["export_frame", "write_frame", "ExportError", "FORMATS", "ibis"]
