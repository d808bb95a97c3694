"""O*NET 29.0 text files (tab-separated, gzip) under ``data_dir()/onet/db_29_0``.

Rules applied on reading, as the O*NET documentation and our methods note require:
- rows with ``Recommend Suppress = Y`` are dropped (O*NET flags them as unreliable: low N or high standard error);
- a Level row marked ``Not Relevant = Y`` gets level 0 (O*NET: the element is not relevant to the occupation);
- O*NET-SOC detail codes (``15-1252.00``, ``15-1252.01`` ...) are aggregated to 6-digit SOC 2018 (``15-1252``)
  by the arithmetic mean of the detail codes that have a value.

O*NET is licensed CC BY 4.0: every output that uses it must carry ``ATTRIBUTION``.

Example::

    >>> from sectorhub.lmi.sources import onet
    >>> onet.element_scores("skills").query("soc_code == '15-1252'").head()   # doctest: +SKIP
"""

from __future__ import annotations

import functools
import gzip
import re
import zlib
from pathlib import Path

import pandas as pd

from sectorhub.paths import data_dir, require_data

VERSION = "29.0"
SOURCE = "O*NET 29.0 Database (August 2024), National Center for O*NET Development for USDOL/ETA"
ATTRIBUTION = (
    "This page includes information from the O*NET 29.0 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA."
)
DOMAINS = {"skills": "Skills.txt.gz", "knowledge": "Knowledge.txt.gz"}
# Scale ranges from O*NET's "Scales Reference" (IM 1-5, LV 0-7), used to standardize to 0-100.
IMPORTANCE_RANGE = (1.0, 5.0)
LEVEL_RANGE = (0.0, 7.0)
EDUCATION_ELEMENT = "2.D.1"  # Required Level of Education, scale RL, categories 1..12


class OnetError(ValueError):
    """An O*NET file is missing or not in the published layout, or a code is not in O*NET."""


def onet_dir(base: Path | None = None) -> Path:
    """The O*NET 29.0 folder (``data_dir()/onet/db_29_0`` unless given)."""
    return Path(base) if base else data_dir() / "onet" / "db_29_0"


def read_table(name: str, base: Path | None = None) -> pd.DataFrame:
    """Read one O*NET text table (e.g. ``"Skills"``) as strings, ``n/a`` kept as missing."""
    if base is None:
        require_data(f"onet/db_29_0/{name}.txt.gz")
    path = onet_dir(base) / f"{name}.txt.gz"
    if not path.exists():
        raise OnetError(f"O*NET file not found: {path}")
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            df = pd.read_csv(fh, sep="\t", dtype=str, na_values=["n/a"], keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise OnetError(f"{path}: line 1: empty file (expected the O*NET tab-separated header)") from None
    except pd.errors.ParserError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise OnetError(f"{path}: line {found.group(1) if found else 1}: {exc}") from None
    except (OSError, EOFError, UnicodeDecodeError, zlib.error) as exc:
        raise OnetError(
            f"{path}: line {_readable_lines(path) + 1}: not readable as gzip-compressed UTF-8 text ({exc})"
        ) from None
    df.attrs["path"] = str(path)
    return df


def _readable_lines(path: Path) -> int:
    """Complete lines before a damaged gzip stream or text breaks off (for the error message)."""
    n = 0
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for _ in fh:
                n += 1
    except (OSError, EOFError, UnicodeDecodeError, zlib.error):
        pass
    return n


def _require(df: pd.DataFrame, columns: list[str], name: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        where = df.attrs.get("path", f"O*NET table {name!r}")
        raise OnetError(f"{where}: line 1: lacks column(s) {missing}; found {list(df.columns)}")


def soc6(onet_soc: pd.Series) -> pd.Series:
    """``15-1252.01`` -> ``15-1252`` (the first 7 characters)."""
    return onet_soc.str.slice(0, 7)


@functools.lru_cache(maxsize=8)
def _element_scores_cached(domain: str, base: str) -> pd.DataFrame:
    name = DOMAINS[domain].removesuffix(".txt.gz")
    raw = read_table(name, Path(base))
    _require(
        raw,
        [
            "O*NET-SOC Code",
            "Element ID",
            "Element Name",
            "Scale ID",
            "Data Value",
            "Recommend Suppress",
            "Not Relevant",
        ],
        name,
    )
    df = raw[raw["Recommend Suppress"].fillna("N") != "Y"].copy()
    df["value"] = pd.to_numeric(df["Data Value"], errors="coerce")
    bad = df.index[df["value"].isna() & df["Data Value"].notna()]
    if len(bad):
        raise OnetError(
            f"{raw.attrs.get('path', name)}: line {bad[0] + 2}: column Data Value: "
            f"not a number: {df.at[bad[0], 'Data Value']!r}"
        )
    not_relevant = (df["Scale ID"] == "LV") & (df["Not Relevant"].fillna("N") == "Y")
    df.loc[not_relevant, "value"] = 0.0
    df["soc_code"] = soc6(df["O*NET-SOC Code"])
    df = df[df["Scale ID"].isin(["IM", "LV"])]
    agg = (
        df.groupby(["soc_code", "Element ID", "Element Name", "Scale ID"], as_index=False)["value"]
        .mean()
        .pivot_table(index=["soc_code", "Element ID", "Element Name"], columns="Scale ID", values="value")
        .reset_index()
    )
    agg.columns.name = None
    for scale in ("IM", "LV"):  # a table without one scale (every row suppressed, or absent) has it as NaN
        if scale not in agg.columns:
            agg[scale] = float("nan")
    agg = agg.rename(
        columns={
            "Element ID": "element_id",
            "Element Name": "element_name",
            "IM": "importance",
            "LV": "level",
        }
    )
    agg.insert(1, "domain", domain)
    return agg[["soc_code", "domain", "element_id", "element_name", "importance", "level"]]


def element_scores(domain: str = "skills", base: Path | None = None) -> pd.DataFrame:
    """Importance (1-5) and level (0-7) per 6-digit SOC and element, after the suppression/relevance rules.

    Columns: soc_code, domain, element_id, element_name, importance, level (either may be NaN when O*NET
    suppressed that scale for every detail code of the SOC).
    """
    if domain not in DOMAINS:
        raise OnetError(f"unknown O*NET domain {domain!r}; known: {', '.join(DOMAINS)}")
    return _element_scores_cached(domain, str(onet_dir(base))).copy()


def standardize(values: pd.Series, scale: tuple[float, float]) -> pd.Series:
    """O*NET's standardized score ``(O - L) / (H - L) * 100`` (onetcenter.org/questions/20.html)."""
    low, high = scale
    return (values - low) / (high - low) * 100.0


def occupation_titles(base: Path | None = None) -> pd.DataFrame:
    """soc_code -> title, taking the ``.00`` O*NET-SOC title (or the first detail code's title)."""
    df = read_table("Occupation Data", base)
    _require(df, ["O*NET-SOC Code", "Title"], "Occupation Data")
    df = df.sort_values("O*NET-SOC Code")
    df["soc_code"] = soc6(df["O*NET-SOC Code"])
    return df.groupby("soc_code", as_index=False)["Title"].first().rename(columns={"Title": "title"})


def _prefer_base_code(df: pd.DataFrame) -> pd.DataFrame:
    """Keep each SOC's ``.00`` O*NET-SOC rows where they exist (the SOC occupation itself), else every detail code.

    For single-valued facts (job zone, education) the ``.00`` code describes the SOC as a whole, while the detail
    codes (``.01`` ...) are specialties that can pull a mean away from it (e.g. nurse anesthetists in 29-1141).
    """
    df = df.copy()
    df["soc_code"] = soc6(df["O*NET-SOC Code"])
    base = df["O*NET-SOC Code"].str.endswith(".00")
    has_base = set(df.loc[base, "soc_code"])
    return df[base | ~df["soc_code"].isin(has_base)]


def job_zones(base: Path | None = None) -> pd.DataFrame:
    """soc_code -> job_zone (1-5): the ``.00`` code's zone, else the mean of the detail codes rounded half up."""
    df = read_table("Job Zones", base)
    _require(df, ["O*NET-SOC Code", "Job Zone"], "Job Zones")
    df = _prefer_base_code(df)
    df["job_zone"] = df["Job Zone"].astype(float)
    out = df.groupby("soc_code", as_index=False)["job_zone"].mean()
    out["job_zone"] = (out["job_zone"] + 0.5).astype(int)
    return out


def education_categories(base: Path | None = None) -> dict[int, str]:
    """Required Level of Education category number (1-12) -> its label up to the first ' - '."""
    df = read_table("Education, Training, and Experience Categories", base)
    df = df[(df["Element ID"] == EDUCATION_ELEMENT) & (df["Scale ID"] == "RL")]
    return {
        int(c): d.split(" - ")[0].strip()
        for c, d in zip(df["Category"], df["Category Description"], strict=True)
    }


def typical_education(base: Path | None = None) -> pd.DataFrame:
    """soc_code -> typical_education: the modal Required Level of Education category.

    Uses the ``.00`` O*NET-SOC code's distribution of respondents over the 12 categories (scale RL), or the mean
    distribution of the detail codes when there is no ``.00`` code; the category with the highest share wins (ties
    to the lower category). Recommend Suppress is not applied here: it marks single category percentages as
    imprecise, and dropping some categories of a distribution would change which one is modal.
    Columns: soc_code, education_category, typical_education, education_share (percent of respondents).
    """
    df = read_table("Education, Training, and Experience", base)
    _require(df, ["O*NET-SOC Code", "Element ID", "Scale ID", "Category", "Data Value"], "ETE")
    df = df[(df["Element ID"] == EDUCATION_ELEMENT) & (df["Scale ID"] == "RL")]
    df = _prefer_base_code(df)
    df["category"] = df["Category"].astype(int)
    df["share"] = df["Data Value"].astype(float)
    mean = df.groupby(["soc_code", "category"], as_index=False)["share"].mean()
    mean = mean.sort_values(["soc_code", "share", "category"], ascending=[True, False, True])
    top = mean.groupby("soc_code", as_index=False).first()
    labels = education_categories(base)
    top["typical_education"] = top["category"].map(labels)
    return top.rename(columns={"category": "education_category", "share": "education_share"})[
        ["soc_code", "education_category", "typical_education", "education_share"]
    ]
