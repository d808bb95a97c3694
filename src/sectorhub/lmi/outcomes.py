"""Outcomes from participant and UI wage records: a documented subset of the WIOA indicators (TAC-17-01).

The rules (docs/methods-outcomes.md) are one Ibis expression, so they run unchanged where the records live:
DuckDB (the embedded default), PostgreSQL or Spark (`sectorhub.lmi.backends.connect`). Only the small table of
cells (a few rows per group) leaves the backend; suppression is then applied to it in Python.

Example::

    >>> con = ibis.duckdb.connect()                                              # doctest: +SKIP
    >>> cells = compute_outcomes(con.table("participants"), con.table("wages"),
    ...                          exits_from=date(2023, 7, 1), exits_to=date(2024, 6, 30))
    >>> cells[0]
    Cell(indicator='employment_q2', group_by='all', group='', numerator=812, denominator=1040, ...)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

import ibis
import ibis.expr.types as ir

INDICATORS = (
    "employment_q2",
    "employment_q4",
    "median_earnings_q2",
    "retention_same_employer",
    "credential_attainment",
)
GROUPINGS = ("all", "program", "partnership")
# Rate indicators add up across groups (so a suppressed part could be recovered by subtraction);
# a median does not.
ADDITIVE = ("employment_q2", "employment_q4", "retention_same_employer", "credential_attainment")
# Indicators whose denominator is (or is bounded by) the Q2 employment numerator: where that numerator is hidden,
# these cells are hidden too, denominator included, or the denominator would give the hidden count away.
FROM_Q2_EMPLOYED = ("median_earnings_q2", "retention_same_employer")
OUTPUT_COLUMNS = ("indicator", "group_by", "group", "numerator", "denominator", "value", "suppressed")
DEFAULT_MIN_CELL = 10


class OutcomesError(ValueError):
    """A request that cannot be answered (bad window, bad --wages-through, empty wage file)."""


@dataclass(frozen=True)
class Cell:
    """One published cell: an indicator for one group, after suppression (numerator/value None when hidden)."""

    indicator: str
    group_by: str
    group: str
    numerator: int | None
    denominator: int | None
    value: float | None
    suppressed: bool

    def as_dict(self) -> dict:
        """The cell as a plain dict in OUTPUT_COLUMNS order."""
        return asdict(self)


def program_year_window(year: int) -> tuple[dt.date, dt.date]:
    """The exit window of WIOA program year Y: July 1 of Y to June 30 of Y+1.

    >>> program_year_window(2023)
    (datetime.date(2023, 7, 1), datetime.date(2024, 6, 30))
    """
    return dt.date(year, 7, 1), dt.date(year + 1, 6, 30)


def parse_quarter(text: str) -> int:
    """``2024Q3`` -> a quarter index (year * 4 + quarter - 1), the unit every rule counts in.

    >>> parse_quarter("2024Q1") - parse_quarter("2023Q4")
    1
    """
    s = text.strip().upper()
    if len(s) != 6 or not s[:4].isdigit() or s[4] != "Q" or s[5] not in "1234":
        raise OutcomesError(f"--wages-through must look like 2024Q3; got {text!r}")
    return int(s[:4]) * 4 + int(s[5]) - 1


def format_quarter(index: int) -> str:
    """A quarter index back to ``YYYYQn``."""
    return f"{index // 4}Q{index % 4 + 1}"


def _blank_to_null(col: ir.StringValue) -> ir.StringValue:
    return col.nullif("")


def _quarter_index(d: ir.DateValue) -> ir.IntegerValue:
    return d.year().cast("int64") * 4 + d.quarter().cast("int64") - 1


def latest_wage_quarter(wages: ir.Table) -> int:
    """The latest quarter present in the wage records (the default for --wages-through)."""
    value = (wages.year.cast("int64") * 4 + wages.quarter.cast("int64") - 1).max().to_pyarrow().as_py()
    if value is None:
        raise OutcomesError("the wage records are empty: give --wages-through or a wage file with rows")
    return int(value)


def _date_quarter(d: dt.date) -> int:
    return d.year * 4 + (d.month - 1) // 3


def period_flags(
    participants: ir.Table,
    wages: ir.Table,
    *,
    exits_from: dt.date,
    exits_to: dt.date,
    wages_through: int,
) -> ir.Table:
    """One row per period of participation in the cohort, with 0/1 flags for every numerator and denominator.

    Columns: program, partnership, q2_available, employed_q2, q2_cents, q4_available, employed_q4,
    retention_denominator, retained, credential_denominator, credential.

    The plan, for wage files of tens of millions of rows: the wage rows are read once, cut to the quarters any
    cohort period can need (the quarter after the first exit quarter .. four after the last, and not after
    ``wages_through``), joined to the cohort on the person with the quarter 1..4 after that period's exit
    quarter, and summed per period and employer, then per period; every indicator comes from that one table
    per period. No self-join and no pass over all the wage rows by person.
    """
    p = participants
    cohort = p.filter(
        p.exit_date.notnull(),
        p.exit_date >= exits_from,
        p.exit_date <= exits_to,
        _blank_to_null(p.exclusion.cast("string")).isnull(),
    ).select(
        participant_id=p.participant_id.cast("string"),
        program=p.program.cast("string"),
        partnership=_blank_to_null(p.partnership.cast("string")),
        entry_date=p.entry_date,
        exit_date=p.exit_date,
        training=_blank_to_null(p.training.cast("string")),
        credential_date=p.credential_date,
        credential_type=_blank_to_null(p.credential_type.cast("string")),
        exit_q=_quarter_index(p.exit_date),
        followup_q=_quarter_index(p.exit_date + ibis.interval(days=365)),
    )
    key = ["participant_id", "program", "entry_date"]

    # Only quarters 1..4 after an exit quarter in the window are ever read, and none after wages_through.
    first_q = _date_quarter(exits_from) + 1
    last_q = min(_date_quarter(exits_to) + 4, wages_through)
    wq = wages.year.cast("int64") * 4 + wages.quarter.cast("int64") - 1
    w = wages.filter(
        wages.year.cast("int64") >= first_q // 4,
        wages.year.cast("int64") <= last_q // 4,
        wq >= first_q,
        wq <= last_q,
    ).select(
        pid=wages.participant_id.cast("string"),
        employer=wages.employer_id.cast("string"),
        q=wq,
        wages=wages.wages,
    )

    c = cohort.select(*key, "exit_q")
    near = c.join(w, [c.participant_id == w.pid, w.q >= c.exit_q + 1, w.q <= c.exit_q + 4])
    near = near.select(
        *key,
        "employer",
        after=near.q - near.exit_q,  # 1..4: the quarter after the exit quarter
        # Whole cents, so sums and medians are exact and identical on every backend.
        cents=(near.wages.cast("float64") * 100).round().cast("int64"),
    )
    after = near.after

    def in_quarter(k: int) -> ir.IntegerValue:
        return near.cents.sum(where=after == k)

    def paid_in(k: int) -> ir.BooleanValue:
        return ((after == k) & (near.cents > 0) & near.employer.notnull()).any()

    # Per period and employer: the cents of each quarter 1..4, and whether that employer paid in Q2 and Q4.
    per_employer = near.group_by([*key, "employer"]).aggregate(
        c1=in_quarter(1),
        c2=in_quarter(2),
        c3=in_quarter(3),
        c4=in_quarter(4),
        paid2=paid_in(2),
        paid4=paid_in(4),
    )
    e = per_employer
    # Per period (sums skip the employers with no row in that quarter). Employed in any of quarters 1..4 after
    # the exit quarter (the diploma rule): wages summed over employers above zero in one of them.
    summary = e.group_by(key).aggregate(
        q2_cents=e.c2.sum(),
        q4_cents=e.c4.sum(),
        employed_q1_q4=(e.c1.sum().fill_null(0) > 0)
        | (e.c2.sum().fill_null(0) > 0)
        | (e.c3.sum().fill_null(0) > 0)
        | (e.c4.sum().fill_null(0) > 0),
        same_employer=(e.paid2 & e.paid4).any(),
    )

    j = cohort.left_join(summary, key)
    q2_cents = j.q2_cents.fill_null(0)
    q4_cents = j.q4_cents.fill_null(0)
    q2_available = j.exit_q + 2 <= wages_through
    q4_available = j.exit_q + 4 <= wages_through
    employed_q2 = q2_available & (q2_cents > 0)
    employed_q4 = q4_available & (q4_cents > 0)
    retention_den = employed_q2 & q4_available
    cred_den = j.training.isin(["occupational", "other"]) & (j.followup_q <= wages_through)
    in_window = (j.credential_date >= j.entry_date) & (
        j.credential_date <= j.exit_date + ibis.interval(days=365)
    )
    diploma_ok = (j.credential_type != "diploma") | j.employed_q1_q4.fill_null(False)
    credential = cred_den & j.credential_type.notnull() & j.credential_date.notnull() & in_window & diploma_ok

    def flag(expr: ir.BooleanValue) -> ir.IntegerValue:
        return ibis.ifelse(expr.fill_null(False), 1, 0)

    return j.select(
        program=j.program,
        partnership=j.partnership,
        q2_available=flag(q2_available),
        employed_q2=flag(employed_q2),
        q2_cents=ibis.ifelse(employed_q2, q2_cents, ibis.null("int64")),
        q4_available=flag(q4_available),
        employed_q4=flag(employed_q4),
        retention_denominator=flag(retention_den),
        retained=flag(retention_den & j.same_employer.fill_null(False)),
        credential_denominator=flag(cred_den),
        credential=flag(credential),
    )


COUNTS = (
    "periods",
    "q2_available",
    "employed_q2",
    "q4_available",
    "employed_q4",
    "retention_denominator",
    "retained",
    "credential_denominator",
    "credential",
)


def outcome_counts(flags: ir.Table) -> ir.Table:
    """Sum the flags per group (all, by program, by partnership), with the median Q2 wages in cents.

    One row per (grouping, grp): every count in COUNTS, plus ``median_cents``, the median of the Q2 wages (whole
    cents) of the periods employed in Q2 (null when none is). Every backend computes it exactly, as the mean of
    the two middle values when the count is even (DuckDB and PostgreSQL ``percentile_cont(0.5)``, Spark
    ``percentile(x, 0.5)``): the two middle values are whole cents, so their mean is exact in a double.
    """
    parts = [
        flags.mutate(grouping=ibis.literal("all"), grp=ibis.literal("")),
        flags.mutate(grouping=ibis.literal("program"), grp=flags.program),
        flags.filter(flags.partnership.notnull()).mutate(
            grouping=ibis.literal("partnership"), grp=flags.partnership
        ),
    ]
    long = ibis.union(*parts, distinct=False)
    out = long.group_by(["grouping", "grp"]).aggregate(
        periods=long.count(),
        **{name: long[name].sum() for name in COUNTS[1:]},
        # q2_cents is null unless the period is employed in Q2, and a median skips nulls.
        median_cents=long.q2_cents.median(),
    )
    return out.select(*["grouping", "grp", *COUNTS, "median_cents"])


_RULES = {
    # indicator: (numerator column, denominator column)
    "employment_q2": ("employed_q2", "q2_available"),
    "employment_q4": ("employed_q4", "q4_available"),
    "median_earnings_q2": (None, "employed_q2"),
    "retention_same_employer": ("retained", "retention_denominator"),
    "credential_attainment": ("credential", "credential_denominator"),
}


def count_outcomes(
    participants: ir.Table,
    wages: ir.Table,
    *,
    exits_from: dt.date,
    exits_to: dt.date,
    wages_through: int | str | None = None,
) -> list[dict]:
    """Run the rules on the backend and return the per-group counts (one dict per group, before suppression)."""
    if exits_from > exits_to:
        raise OutcomesError(f"the exit window is empty: {exits_from} is after {exits_to}")
    if isinstance(wages_through, str):
        wages_through = parse_quarter(wages_through)
    if wages_through is None:
        wages_through = latest_wage_quarter(wages)
    flags = period_flags(
        participants, wages, exits_from=exits_from, exits_to=exits_to, wages_through=wages_through
    )
    return [
        {**r, "group_by": r.pop("grouping"), "group": r.pop("grp")}
        for r in outcome_counts(flags).to_pyarrow().to_pylist()
    ]


def compute_outcomes(
    participants: ir.Table,
    wages: ir.Table,
    *,
    exits_from: dt.date,
    exits_to: dt.date,
    wages_through: int | str | None = None,
    min_cell: int = DEFAULT_MIN_CELL,
) -> list[Cell]:
    """Every indicator for all, by program and by partnership, suppressed below ``min_cell`` (with complements)."""
    if min_cell < 1:
        raise OutcomesError(f"--min-cell must be at least 1; got {min_cell}")
    rows = count_outcomes(
        participants, wages, exits_from=exits_from, exits_to=exits_to, wages_through=wages_through
    )
    return cells_from_counts(rows, min_cell=min_cell)


def _sort_key(row: dict) -> tuple:
    return (GROUPINGS.index(row["group_by"]), row["group"] or "")


def cells_from_counts(rows: list[dict], *, min_cell: int = DEFAULT_MIN_CELL) -> list[Cell]:
    """Turn the per-group counts into cells, then suppress small cells and their complements."""
    rows = sorted(rows, key=_sort_key)
    cells: list[dict] = []
    for indicator in INDICATORS:
        num_col, den_col = _RULES[indicator]
        for r in rows:
            den = int(r[den_col] or 0)
            if num_col is None:
                num = None
                median = r.get("median_cents")
                value = round(float(median) / 100, 2) if median is not None and den else None
            else:
                num = int(r[num_col] or 0)
                value = num / den if den else None
            cells.append(
                {
                    "indicator": indicator,
                    "group_by": r["group_by"],
                    "group": r["group"] or "",
                    "numerator": num,
                    "denominator": den,
                    "value": value,
                    "suppressed": den < min_cell,
                }
            )
    # Q2 employment first: the cells built on its numerator follow it before their own margins are checked.
    for group_by in GROUPINGS[1:]:
        _complement(cells, "employment_q2", group_by, min_cell)
    hidden_q2 = {
        (c["group_by"], c["group"]) for c in cells if c["indicator"] == "employment_q2" and c["suppressed"]
    }
    withheld = set()
    for k, c in enumerate(cells):
        if c["indicator"] in FROM_Q2_EMPLOYED and (c["group_by"], c["group"]) in hidden_q2:
            c["suppressed"] = True
            withheld.add(k)
    for indicator in (i for i in ADDITIVE if i != "employment_q2"):
        for group_by in GROUPINGS[1:]:
            _complement(cells, indicator, group_by, min_cell)
    out = []
    for k, c in enumerate(cells):
        if c["suppressed"]:
            c["numerator"] = None
            c["value"] = None
        if k in withheld:
            c["denominator"] = None
        out.append(Cell(**c))
    return out


def _complement(cells: list[dict], indicator: str, group_by: str, min_cell: int) -> None:
    """Suppress more parts of one margin until no small hidden cell equals the total minus what is shown.

    The hidden cells of a margin are its suppressed parts plus the remainder the parts do not cover (periods
    with no partnership); when exactly one is hidden and it is small, it could be recovered by subtraction, so
    the shown part with the smallest denominator (then the first by name) is suppressed too.
    """
    total = next((c for c in cells if c["indicator"] == indicator and c["group_by"] == "all"), None)
    parts = [c for c in cells if c["indicator"] == indicator and c["group_by"] == group_by]
    if total is None or total["suppressed"] or not parts:
        return
    remainder = total["denominator"] - sum(c["denominator"] for c in parts)
    while True:
        # A part with no denominator hides nothing (its numerator is 0 by definition).
        hidden = [c["denominator"] for c in parts if c["suppressed"] and c["denominator"] > 0]
        if remainder > 0:
            hidden.append(remainder)
        shown = [c for c in parts if not c["suppressed"]]
        if len(hidden) != 1 or hidden[0] >= min_cell or not shown:
            return
        min(shown, key=lambda c: (c["denominator"], c["group"]))["suppressed"] = True
