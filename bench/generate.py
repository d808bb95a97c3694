"""Synthetic inputs for the benchmarks, written under ``bench/out/`` (never committed).

* ``qcew_csv(path, rows, year)`` — an annual QCEW **singlefile** CSV in BLS's layout: the 38 columns in BLS order,
  text fields double-quoted and numbers bare, about 22 % of county rows suppressed the way BLS writes them
  (``disclosure_code = "N"``, every suppressed value 0, establishment counts still published). Areas are the real
  county and state codes of the shared area-titles file plus ``US000``, so the engine's area check passes. The
  same ``seed`` with another ``year`` gives the same cells with grown values (for shift-share).
* ``panel(path)`` — the 3,000 areas × 1,000 industries × 10 years panel, dense ``float64`` (``.npy``, shape
  ``(years, areas, industries)``, strictly positive), plus each area's all-industry total (the panel's cells
  plus a residual) and the national industry totals (the areas' sums plus a "rest of U.S."), so the BLS
  definition of the LQ can be computed and compared like with like (analytics-methods §2.1.3).

Run ``python -m bench.generate qcew OUT.csv [--rows N] [--year Y]`` or ``python -m bench.generate panel OUT.npz``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
from pathlib import Path

import numpy as np

from sectorhub.paths import data_dir

ANNUAL_COLUMNS = (
    "area_fips,own_code,industry_code,agglvl_code,size_code,year,qtr,disclosure_code,annual_avg_estabs,"
    "annual_avg_emplvl,total_annual_wages,taxable_annual_wages,annual_contributions,annual_avg_wkly_wage,"
    "avg_annual_pay,lq_disclosure_code,lq_annual_avg_estabs,lq_annual_avg_emplvl,lq_total_annual_wages,"
    "lq_taxable_annual_wages,lq_annual_contributions,lq_annual_avg_wkly_wage,lq_avg_annual_pay,"
    "oty_disclosure_code,oty_annual_avg_estabs_chg,oty_annual_avg_estabs_pct_chg,oty_annual_avg_emplvl_chg,"
    "oty_annual_avg_emplvl_pct_chg,oty_total_annual_wages_chg,oty_total_annual_wages_pct_chg,"
    "oty_taxable_annual_wages_chg,oty_taxable_annual_wages_pct_chg,oty_annual_contributions_chg,"
    "oty_annual_contributions_pct_chg,oty_annual_avg_wkly_wage_chg,oty_annual_avg_wkly_wage_pct_chg,"
    "oty_avg_annual_pay_chg,oty_avg_annual_pay_pct_chg"
).split(",")
TEXT_COLUMNS = {c for c in ANNUAL_COLUMNS[:8]} | {"lq_disclosure_code", "oty_disclosure_code"}
SUPPRESSED_SHARE = 0.22
VERSION = 2  # bump when the generated data change, so bench/__main__.py regenerates stale inputs
# County aggregation level by NAICS code length (BLS agg-level titles); state and national levels differ.
COUNTY_LEVEL = {2: "74", 3: "75", 4: "76", 5: "77", 6: "78"}
STATE_LEVEL = {2: "54", 3: "55", 4: "56", 5: "57", 6: "58"}
NATION_LEVEL = {2: "14", 3: "15", 4: "16", 5: "17", 6: "18"}


def _codes() -> tuple[list[str], list[str], list[str]]:
    """Real county and state FIPS codes and NAICS industry codes from the shared reference files."""
    ref = data_dir() / "reference"
    areas, industries = [], []
    with open(ref / "qcew_area_titles.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["area_fips"].strip()
            if code.isdigit():
                areas.append(code.zfill(5))
    with open(ref / "qcew_industry_titles.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["industry_code"].strip()
            if (
                code.replace("-", "").isdigit()
                and 2 <= len(code.split("-")[0]) <= 6
                and not code.startswith("10")
            ):
                industries.append(code)
    counties = sorted(a for a in set(areas) if not a.endswith("000") and not a.endswith("999"))
    states = sorted(a for a in set(areas) if a.endswith("000") and a[:2] <= "56")
    return counties, states, sorted(set(industries))


def _level(code: str) -> int:
    return 2 if "-" in code else len(code)


def qcew_csv(
    path: Path, rows: int = 5_000_000, year: int = 2023, seed: int = 7, base_year: int = 2022
) -> Path:
    """Write an annual singlefile CSV of exactly ``rows`` rows (see the module docstring); return its path."""
    counties, states, industries = _codes()
    rng = np.random.default_rng(seed)
    n_ind = len(industries)
    ind_level = np.array([_level(c) for c in industries])
    # Fixed part: totals per area (own 0 total, four ownership totals) and every industry for states and U.S.
    fixed = (1 + len(states) + len(counties)) * 5 + (1 + len(states)) * n_ind
    detail = rows - fixed
    if detail <= 0:
        raise ValueError(f"at least {fixed + 1} rows are needed")
    # Each county keeps a share of the industries in proportion to its size, like real county files.
    size = rng.lognormal(0.0, 0.8, len(counties))
    scale = detail / (len(counties) * n_ind) / size.mean()
    while np.clip(size * scale, 0.002, 0.98).sum() * n_ind < 1.01 * detail:
        scale *= 1.05
    p = np.clip(size * scale, 0.002, 0.98)
    mask = rng.random((len(counties), n_ind)) < p[:, None]
    ca, ci = np.nonzero(mask)
    if len(ca) < detail:
        raise ValueError("too many rows asked for the number of county-industry cells")
    # Drop the surplus cells at random (not the tail, which would thin out the last states' counties).
    keep = np.sort(rng.choice(len(ca), detail, replace=False))
    ca, ci = ca[keep], ci[keep]
    true_emp = np.maximum(1, rng.lognormal(3.0, 1.6, len(ca))).round()
    grow_rng = np.random.default_rng(seed + 1000)  # same cells, year-specific values
    growth = np.exp(grow_rng.normal(0.01, 0.08, len(ca)) * (year - base_year))
    emp = np.maximum(1, (true_emp * growth).round())
    # County detail carries most of the suppression: pick its rate so the whole file has SUPPRESSED_SHARE.
    state_rows = len(states) * n_ind
    p_county = min(0.9, (SUPPRESSED_SHARE * rows - 0.05 * state_rows) / detail)
    suppressed = np.random.default_rng(seed + 1).random(len(ca)) < p_county
    county_private = np.bincount(ca, weights=emp * (ind_level[ci] == 2), minlength=len(counties))
    county_total = np.maximum(10, (county_private * 1.15).round())
    state_of = np.array([states.index(c[:2] + "000") if c[:2] + "000" in states else 0 for c in counties])
    state_ind = np.bincount(state_of[ca] * n_ind + ci, weights=emp, minlength=len(states) * n_ind).reshape(
        len(states), n_ind
    )
    state_ind = (state_ind * 1.02).round() + 1
    state_total = np.bincount(state_of, weights=county_total, minlength=len(states)).round() + 100
    nation_ind = (state_ind.sum(axis=0) * 1.03).round()
    nation_total = float((state_total.sum() * 1.03).round())

    areas, own, ind, lvl, e, supp = [], [], [], [], [], []

    def add_totals(codes, totals, total_level):
        for code, tot in zip(codes, totals, strict=True):
            shares = (0.03, 0.04, 0.08, 0.85)
            for o, s in zip(("0", "1", "2", "3", "5"), (1.0, *shares), strict=True):
                areas.append(code)
                own.append(o)
                ind.append("10")
                lvl.append(total_level if o == "0" else str(int(total_level) + 1))
                e.append(max(1.0, round(tot * s)))
                supp.append(False)

    add_totals(["US000"], [nation_total], "10")
    add_totals(states, state_total, "50")
    add_totals(counties, county_total, "70")
    frames = [
        (
            np.array(areas),
            np.array(own),
            np.array(ind),
            np.array(lvl),
            np.array(e),
            np.array(supp),
        )
    ]
    ind_arr = np.array(industries)
    frames.append(_industry_rows(["US000"], nation_ind[None, :], ind_arr, ind_level, NATION_LEVEL, 0.0, rng))
    frames.append(_industry_rows(states, state_ind, ind_arr, ind_level, STATE_LEVEL, 0.05, rng))
    county_codes = np.array(counties)
    frames.append(
        (
            county_codes[ca],
            np.full(len(ca), "5"),
            ind_arr[ci],
            _levels(ind_level[ci]),
            emp,
            suppressed,
        )
    )
    cols = [np.concatenate([f[k] for f in frames]) for k in range(6)]
    area_c, own_c, ind_c, lvl_c, emp_c, supp_c = cols
    order = np.lexsort((ind_c, own_c, area_c))
    area_c, own_c, ind_c, lvl_c, emp_c, supp_c = (c[order] for c in cols)
    _write(path, year, area_c, own_c, ind_c, lvl_c, emp_c, supp_c, seed)
    return path


def _levels(lengths: np.ndarray) -> np.ndarray:
    table = np.array(["", "", *[COUNTY_LEVEL[k] for k in range(2, 7)]])
    return table[lengths]


def _industry_rows(codes, values, ind_arr, ind_level, levels, share, rng):
    n_a, n_i = values.shape
    table = np.array(["", "", *[levels[k] for k in range(2, 7)]])
    return (
        np.repeat(np.array(codes), n_i),
        np.full(n_a * n_i, "5"),
        np.tile(ind_arr, n_a),
        np.tile(table[ind_level], n_a),
        values.ravel(),
        rng.random(n_a * n_i) < share,
    )


def _write(path, year, area, own, ind, lvl, emp, supp, seed) -> None:
    """Write the rows with BLS's quoting through DuckDB (text quoted, numbers bare)."""
    import duckdb
    import pyarrow as pa

    rng = np.random.default_rng(seed + year)
    n = len(area)
    disclosed = ~supp
    estabs = np.maximum(1, (emp / rng.uniform(5, 25, n)).round())
    pay = rng.lognormal(10.8, 0.35, n)
    wages = (emp * pay).round()
    taxable = (wages * rng.uniform(0.2, 0.4, n)).round()
    contrib = (taxable * rng.uniform(0.01, 0.03, n)).round()
    wkly = (wages / emp / 52).round()
    annual_pay = (wages / emp).round()
    zero = np.zeros(n)

    def gate(x):
        return np.where(disclosed, x, 0)

    lq = np.round(rng.lognormal(0.0, 0.6, (7, n)), 2)
    oty_pct = np.round(rng.normal(1.0, 6.0, (7, n)), 1)
    values = [estabs, gate(emp), gate(wages), gate(taxable), gate(contrib), gate(wkly), gate(annual_pay)]
    code = np.where(disclosed, "", "N")
    cols: dict[str, pa.Array] = {
        "area_fips": area,
        "own_code": own,
        "industry_code": ind,
        "agglvl_code": lvl,
        "size_code": np.full(n, "0"),
        "year": np.full(n, str(year)),
        "qtr": np.full(n, "A"),
        "disclosure_code": code,
    }
    names = ANNUAL_COLUMNS[8:15]
    for name, v in zip(names, values, strict=True):
        cols[name] = v.astype(np.int64)
    cols["lq_disclosure_code"] = code
    for k, name in enumerate(ANNUAL_COLUMNS[16:23]):
        cols[name] = lq[k] if k == 0 else np.where(disclosed, lq[k], 0.0)
    cols["oty_disclosure_code"] = code
    for k, name in enumerate(names):
        v = values[k].astype(np.float64)
        chg = np.where(disclosed | (k == 0), (v * oty_pct[k] / 100).round(), zero)
        cols[f"oty_{name}_chg"] = chg.astype(np.int64)
        cols[f"oty_{name}_pct_chg"] = np.where(disclosed | (k == 0), oty_pct[k], 0.0)
    table = pa.table({c: cols[c] for c in ANNUAL_COLUMNS})
    con = duckdb.connect()
    con.register("t", table)
    lq_cols = ANNUAL_COLUMNS[16:23]
    select = ", ".join(
        f"{c}::DECIMAL(12,2) AS {c}"
        if c in lq_cols
        else f"{c}::DECIMAL(12,1) AS {c}"
        if c.endswith("pct_chg")
        else c
        for c in ANNUAL_COLUMNS
    )
    quoted = ", ".join(c for c in ANNUAL_COLUMNS if c in TEXT_COLUMNS)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = path.with_suffix(path.suffix + ".body")
    con.execute(
        f"COPY (SELECT {select} FROM t) TO '{body}' (FORMAT csv, HEADER false, QUOTE '\"', FORCE_QUOTE ({quoted}))"
    )
    con.close()
    # BLS quotes every header name; DuckDB would quote only the forced ones.
    tmp = path.with_suffix(path.suffix + ".part")
    with open(tmp, "wb") as out, open(body, "rb") as src:
        out.write((",".join(f'"{c}"' for c in ANNUAL_COLUMNS) + "\n").encode())
        while chunk := src.read(1 << 22):
            out.write(chunk)
    body.unlink()
    tmp.replace(path)


def panel(path: Path, years: int = 10, areas: int = 3000, industries: int = 1000, seed: int = 11) -> Path:
    """Write the dense panel ``emp[y, a, i]`` plus area totals and national industry totals to an ``.npz``."""
    rng = np.random.default_rng(seed)
    base = np.maximum(1.0, rng.lognormal(1.5, 2.0, (areas, industries)).round())
    emp = np.empty((years, areas, industries))
    emp[0] = base
    for y in range(1, years):
        emp[y] = np.maximum(1.0, (emp[y - 1] * rng.lognormal(0.01, 0.05, (areas, industries))).round())
    # The BLS denominators: each area's all-industry total exceeds its cells (a residual of other industries)
    # and the nation's industry totals exceed the areas' sums (the rest of the U.S.).
    area_total = (emp.sum(axis=2) * rng.uniform(1.05, 1.3, (years, areas))).round()
    nation_ind = (emp.sum(axis=1) * rng.uniform(1.02, 1.1, (years, industries))).round()
    nation_total = (area_total.sum(axis=1) * 1.15).round()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.stem + ".part.npz")
    np.savez(tmp, emp=emp, area_total=area_total, nation_ind=nation_ind, nation_total=nation_total)
    tmp.replace(path)
    return path


def gzip_copy(src: Path, dst: Path) -> Path:
    """A gzip copy of a file (BLS also ships compressed files)."""
    with open(src, "rb") as fi, gzip.open(dst, "wb", compresslevel=1) as fo:
        while chunk := fi.read(1 << 22):
            fo.write(chunk)
    return dst


def main() -> None:
    """Command line: generate one input."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["qcew", "panel"])
    ap.add_argument("out", type=Path)
    ap.add_argument("--rows", type=int, default=5_000_000)
    ap.add_argument("--year", type=int, default=2023)
    args = ap.parse_args()
    if args.what == "qcew":
        qcew_csv(args.out, rows=args.rows, year=args.year)
    else:
        panel(args.out)


if __name__ == "__main__":
    main()
