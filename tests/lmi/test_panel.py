"""Shift-share for many regions at once (``sectorhub.lmi.panel.shift_share_by``), checked against hand-worked values."""

from __future__ import annotations

import math

import ibis
import pandas as pd
import pytest

from sectorhub.lmi.panel import shift_share_by


def _table(rows):
    return ibis.memtable(
        pd.DataFrame(rows, columns=["area_fips", "own_code", "industry_code", "year", "emp"])
    )


NATION = [
    # industry A grows 20 %, B shrinks 10 %, the national total grows 5 %.
    ("US000", "5", "A", 0, 100.0),
    ("US000", "5", "A", 1, 120.0),
    ("US000", "5", "B", 0, 50.0),
    ("US000", "5", "B", 1, 45.0),
    ("US000", "5", "10", 0, 200.0),
    ("US000", "5", "10", 1, 210.0),
]
REGIONS = [
    ("R1", "5", "A", 0, 10.0),
    ("R1", "5", "A", 1, 15.0),
    ("R1", "5", "B", 0, 20.0),
    ("R1", "5", "B", 1, 16.0),
    # R2: industry A enters (no row in year 0); B is suppressed in year 1 (employment NULL).
    ("R2", "5", "A", 1, 4.0),
    ("R2", "5", "B", 0, 8.0),
    ("R2", "5", "B", 1, None),
]


def _run(rows, keys=("industry_code",)):
    t = _table(rows)
    reg = t.filter(t.area_fips != "US000")
    us = t.filter(t.area_fips == "US000")
    expr = shift_share_by(
        reg.filter(reg.year == 0),
        reg.filter(reg.year == 1),
        us.filter(us.year == 0),
        us.filter(us.year == 1),
        by=("area_fips",),
        keys=keys,
    )
    return expr.to_pandas().set_index(["area_fips", *keys]).sort_index()


def test_every_region_gets_the_classic_components_worked_by_hand():
    """G = 210/200 − 1 = 0.05; G_A = 0.2; G_B = −0.1.

    R1, A (10 → 15): NS = 10·0.05 = 0.5; IM = 10·(0.2 − 0.05) = 1.5; CS = 15 − 10·1.2 = 3.0; sum 5 = 15 − 10.
    R1, B (20 → 16): NS = 20·0.05 = 1.0; IM = 20·(−0.1 − 0.05) = −3.0; CS = 16 − 20·0.9 = −2.0; sum −4.
    """
    out = _run(NATION + REGIONS)
    a, b = out.loc[("R1", "A")], out.loc[("R1", "B")]
    assert (a.national_share, a.industry_mix, a.competitive_effect) == pytest.approx((0.5, 1.5, 3.0))
    assert (b.national_share, b.industry_mix, b.competitive_effect) == pytest.approx((1.0, -3.0, -2.0))
    assert a.national_growth == pytest.approx(0.05) and b.industry_growth == pytest.approx(-0.1)


def test_an_industry_entering_a_region_is_all_competitive_effect():
    """R2, A has no row in year 0, so e0 = 0: NS = IM = 0 and CS = e1 − 0·(1 + G_A) = 4."""
    row = _run(NATION + REGIONS).loc[("R2", "A")]
    assert (row.e0, row.e1) == (0.0, 4.0)
    assert (row.national_share, row.industry_mix, row.competitive_effect) == pytest.approx((0.0, 0.0, 4.0))


def test_a_suppressed_cell_is_never_taken_as_zero():
    """R2, B is suppressed in year 1: its competitive effect is unknown (NULL), not 0 − 8·0.9 = −7.2."""
    row = _run(NATION + REGIONS).loc[("R2", "B")]
    assert math.isnan(row.e1)
    assert math.isnan(row.competitive_effect)
    assert row.national_share == pytest.approx(8 * 0.05)


def test_national_totals_are_matched_on_the_other_keys():
    """With keys (own_code, industry_code), each ownership uses its own national total.

    Private total 200 → 210 (G = 0.05); federal (own 1) total 40 → 36 (G = −0.1), federal A 20 → 22 (G_A = 0.1).
    R1 federal A, 5 → 6: NS = 5·(−0.1) = −0.5; IM = 5·(0.1 + 0.1) = 1.0; CS = 6 − 5·1.1 = 0.5; sum 1 = 6 − 5.
    """
    federal = [
        ("US000", "1", "A", 0, 20.0),
        ("US000", "1", "A", 1, 22.0),
        ("US000", "1", "10", 0, 40.0),
        ("US000", "1", "10", 1, 36.0),
        ("R1", "1", "A", 0, 5.0),
        ("R1", "1", "A", 1, 6.0),
    ]
    out = _run(NATION + REGIONS + federal, keys=("own_code", "industry_code"))
    fed = out.loc[("R1", "1", "A")]
    assert (fed.national_share, fed.industry_mix, fed.competitive_effect) == pytest.approx((-0.5, 1.0, 0.5))
    private = out.loc[("R1", "5", "A")]
    assert private.national_growth == pytest.approx(0.05)
    assert (
        len(out) == 2 + 2 + 1
    )  # R1 A, B (private) + R2 A, B + R1 federal A: no row duplicated by the totals


def test_dense_location_quotients_follow_the_bls_definition_worked_by_hand():
    """LQ = (x / area total) / national share, with the area's all-industry total as denominator.

    Area totals: 01001 → 100, 01003 → 50 (not the sums of the cells below). National shares: A 0.25, B 0.5.
    01001 A: (10/100)/0.25 = 0.4;  01001 B: (30/100)/0.5 = 0.6;  01003 A: (20/50)/0.25 = 1.6;
    01003 B has no cell: NaN. The federal (own 1) cell is another ownership and stays out of the cube.
    """
    from sectorhub.lmi.panel import location_quotients_panel

    cells = ibis.memtable(
        pd.DataFrame(
            {
                "area_fips": ["01001", "01001", "01003", "01003"],
                "own_code": ["5", "5", "5", "1"],
                "industry_code": ["A", "B", "A", "B"],
                "year": [2023] * 4,
                "emplvl": [10.0, 30.0, 20.0, 7.0],
            }
        )
    )
    totals = ibis.memtable(
        pd.DataFrame({"area_fips": ["01001", "01003"], "year": [2023, 2023], "tot_emplvl": [100.0, 50.0]})
    )
    reference = ibis.memtable(
        pd.DataFrame(
            {
                "year": [2023, 2023, 2023],
                "own_code": ["5", "5", "1"],
                "industry_code": ["A", "B", "B"],
                "share_emplvl": [0.25, 0.5, 0.1],
            }
        )
    )
    cube = location_quotients_panel(cells, totals, reference, "emplvl", ownership="5")
    assert list(cube.periods) == [2023]
    assert list(cube.areas) == ["01001", "01003"]
    assert list(cube.industries) == ["A", "B"]
    assert cube.values[0, 0, 0] == pytest.approx(0.4)
    assert cube.values[0, 0, 1] == pytest.approx(0.6)
    assert cube.values[0, 1, 0] == pytest.approx(1.6)
    assert math.isnan(cube.values[0, 1, 1])


def test_a_zero_or_unknown_denominator_gives_no_lq():
    """An area total of 0 or a national share of 0 leaves the LQ undefined (NaN), never 0 or infinity."""
    import numpy as np

    from sectorhub.lmi.panel import DensePanel, location_quotients_dense

    cube = DensePanel(
        np.array([1]), np.array(["x", "y"]), np.array(["A", "B"]), np.array([[[1.0, 2.0], [3.0, 4.0]]])
    )
    lq = location_quotients_dense(cube, np.array([[10.0, 0.0]]), np.array([[0.5, 0.0]]))
    assert lq[0, 0, 0] == pytest.approx((1 / 10) / 0.5)
    assert np.isnan(lq[0, 0, 1]) and np.isnan(lq[0, 1, 0]) and np.isnan(lq[0, 1, 1])


@pytest.mark.parametrize("threads", [1, 2])
def test_the_blocked_kernel_gives_the_definition_on_every_block(monkeypatch, threads):
    """Cells x[p,a,i] = (p+1)(a+1)(i+1), area totals 10(a+1), national shares (i+1)/100.

    By hand: LQ = ((p+1)(a+1)(i+1) / (10(a+1))) / ((i+1)/100) = 10(p+1) for every cell, so every cell of
    period 0 is 10 and of period 2 is 30. Area 4's total is 0 and industry 6's share is 0: NaN there, and the
    NaN cell (period 1, area 2, industry 3) stays NaN. Blocks of 16 cells (two area rows of 7 industries) and
    a thread threshold of 1 cell make the kernel cut this 3 × 9 × 7 panel into 15 blocks over the threads.
    """
    import numpy as np

    from sectorhub.lmi import panel as P

    monkeypatch.setattr(P, "BLOCK_CELLS", 16)
    monkeypatch.setattr(P, "PARALLEL_CELLS", 1)
    p, a, i = np.meshgrid(np.arange(3), np.arange(9), np.arange(7), indexing="ij")
    values = (p + 1.0) * (a + 1) * (i + 1)
    values[1, 2, 3] = np.nan
    tot = np.tile(10.0 * (np.arange(9) + 1), (3, 1))
    tot[:, 4] = 0.0
    share = np.tile((np.arange(7) + 1) / 100.0, (3, 1))
    share[:, 6] = 0.0
    cube = P.DensePanel(np.arange(3), np.arange(9), np.arange(7), values)
    lq = P.location_quotients_dense(cube, tot, share, threads=threads)
    expected = np.broadcast_to((10.0 * (np.arange(3) + 1))[:, None, None], values.shape).copy()
    expected[:, 4, :] = np.nan
    expected[:, :, 6] = np.nan
    expected[1, 2, 3] = np.nan
    assert lq.shape == (3, 9, 7)
    assert np.array_equal(np.isnan(lq), np.isnan(expected))
    ok = ~np.isnan(expected)
    assert np.allclose(lq[ok], expected[ok], rtol=1e-14, atol=0)
    assert lq[0, 0, 0] == pytest.approx(10.0) and lq[2, 8, 5] == pytest.approx(30.0)


def test_a_subnormal_denominator_is_divided_not_inverted():
    """1/5e-324 overflows to infinity, but 1e-310 / 5e-324 is a finite number: the kernel must divide there.

    Area total 5e-324 (the smallest subnormal), share 0.5: LQ = (1e-310 / 5e-324) / 0.5, about 4.0e13.
    """
    import numpy as np

    from sectorhub.lmi.panel import DensePanel, location_quotients_dense

    cube = DensePanel(np.array([1]), np.array(["x"]), np.array(["A"]), np.array([[[1e-310]]]))
    lq = location_quotients_dense(cube, np.array([[5e-324]]), np.array([[0.5]]))
    assert np.isfinite(lq[0, 0, 0])
    assert lq[0, 0, 0] == pytest.approx((1e-310 / 5e-324) / 0.5)
