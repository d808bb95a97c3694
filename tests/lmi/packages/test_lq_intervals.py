"""A package shows an LQ the estimated national shares cannot pin as its interval, in every output (issue 11)."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import load_workbook

from sectorhub.lmi.packages import render
from sectorhub.lmi.packages.building.classify import classify
from sectorhub.lmi.packages.building.settings import resolve


def withheld(package) -> list[dict]:
    return [r for r in package.industries if r["lq_nation"] is None and r["lq_nation_low"] is not None]


def test_a_withheld_lq_has_an_interval_too_wide_to_round_and_no_number(package):
    rows = withheld(package)
    assert rows, "Delaware + Union, 2016 Q1: some sector LQs cannot be pinned from the statewide files"
    for r in rows:
        assert r["lq_nation_low"] < r["lq_nation_high"]
    # Where the LQ is a number there is no interval.
    assert all(r["lq_nation_low"] is None for r in package.industries if r["lq_nation"] is not None)


def test_every_output_writes_the_interval_never_one_number(package):
    rows = withheld(package)
    html = render(package, "html").decode()
    texts = [f"≈ {r['lq_nation_low']:.2f}–{r['lq_nation_high']:.2f}" for r in rows]
    assert all(t in html for t in texts)
    wb = load_workbook(io.BytesIO(render(package, "xlsx")))
    cells = {c.value for row in wb["Industries"].iter_rows() for c in row}
    assert all(t in cells for t in texts)
    table = {r["industry_code"]: r for r in csv.DictReader(io.StringIO(render(package, "csv").decode()))}
    for r in rows:
        out = table[r["industry_code"]]
        assert out["lq_nation"] == ""
        assert (float(out["lq_nation_low"]), float(out["lq_nation_high"])) == (
            r["lq_nation_low"],
            r["lq_nation_high"],
        )
    data = {r["industry_code"]: r for r in json.loads(render(package, "json"))["industries"]}
    assert all(data[r["industry_code"]]["lq_nation"] is None for r in rows)


def test_classification_uses_a_withheld_lq_only_when_its_whole_interval_is_on_one_side():
    cfg = resolve()
    t = cfg["target_lq_threshold"]
    common = dict(growth=5.0, national_growth=1.0, employment=10_000, status="published", settings=cfg)
    assert classify(lq=None, lq_interval=(t - 0.2, t + 0.2), **common)[0] is None
    assert "either side" in classify(lq=None, lq_interval=(t - 0.2, t + 0.2), **common)[1]
    assert classify(lq=None, lq_interval=(t + 0.01, t + 2), **common)[0] == "strong"
    assert classify(lq=None, lq_interval=(t - 0.5, t - 0.01), **common)[0] == "emerging"
    assert classify(lq=None, **common) == (None, "no LQ")
