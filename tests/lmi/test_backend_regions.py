"""The region query gives the same rows on DuckDB (the store's own query), PySpark and PostgreSQL."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from sectorhub.cli import app
from sectorhub.lmi.backend_regions import region_industries_on
from sectorhub.lmi.custom_regions import region_industries
from tests.lmi.conftest import COLUMBUS_MSA_COUNTIES, county_file, postgres_url

FRANKLIN_DELAWARE = ["39049", "39041"]


def test_a_region_quarter_on_postgres_gives_the_same_rows_as_duckdb(loaded_store):
    """Franklin + Delaware 2016Q1 by sector: every column and row equal to the DuckDB answer, suppressed cells
    (lower bounds) included."""
    expected = region_industries(loaded_store, counties=FRANKLIN_DELAWARE, year=2016, period="1", level="2")
    got = region_industries_on(
        postgres_url(), loaded_store, counties=FRANKLIN_DELAWARE, year=2016, period="1"
    )
    assert len(expected) > 10 and expected["lower_bound"].any()
    pd.testing.assert_frame_equal(got, expected)


def test_derived_annual_averages_on_pyspark_match_duckdb_to_the_rounded_digit(loaded_store, spark_session):
    """The Columbus MSA's 2016 annual averages, derived from four quarters, by NAICS 3-digit. Employment is a
    sum of twelfths rounded to 0.1 and the LQ a ratio of them rounded to 0.01; summed in another order, a value
    at a rounding tie (921.75) can round either way, so these two may differ by one rounded digit (seen in 1 and
    2 of 88 rows); establishments, wages and the lower-bound flags are equal."""
    args = dict(counties=COLUMBUS_MSA_COUNTIES, year=2016, period="A", level="3")
    expected = region_industries(loaded_store, **args)
    got = region_industries_on("pyspark", loaded_store, **args)
    assert len(expected) > 50 and expected["lower_bound"].any()
    loose = ["employment", "lq", "lq_low", "lq_high"]
    pd.testing.assert_frame_equal(got.drop(columns=loose), expected.drop(columns=loose))
    assert (got["employment"] - expected["employment"]).abs().max() <= 0.1 + 1e-9
    assert (got["lq"] - expected["lq"]).abs().max() <= 0.01 + 1e-9
    # An LQ whose interval's ends sit at a rounding tie can be pinned on one backend and shown as its
    # interval on the other (seen in 1 of 88 rows): the same few rows as the rounded digit.
    differ = ((got["lq"] - expected["lq"]).abs() > 1e-9) | (got["lq"].isna() != expected["lq"].isna())
    assert differ.sum() <= 3
    for end in ("lq_low", "lq_high"):
        both = got[end].notna() & expected[end].notna()
        assert (got.loc[both, end] - expected.loc[both, end]).abs().max() <= 0.01 + 1e-9


def test_lmi_region_backend_pyspark_prints_the_duckdb_csv(shared_data, spark_session, tmp_path):
    """The CLI on its own store of Franklin and Delaware 2016: `--backend pyspark` writes exactly the bytes
    `--backend duckdb` writes."""
    store = tmp_path / "lmi.duckdb"
    files = [str(county_file(shared_data, fips)) for fips in FRANKLIN_DELAWARE]
    assert CliRunner().invoke(app, ["lmi", "load", "--store", str(store), *files]).exit_code == 0
    args = [
        "lmi",
        "region",
        "--counties",
        "39049,39041",
        "--year",
        "2016",
        "--period",
        "2",
        "--store",
        str(store),
    ]
    duck = CliRunner().invoke(app, args)
    spark = CliRunner().invoke(app, [*args, "--backend", "pyspark"])
    assert duck.exit_code == 0 and spark.exit_code == 0, spark.output
    assert duck.stdout.count("\n") > 10
    assert spark.stdout == duck.stdout
    assert CliRunner().invoke(app, [*args, "--backend", "oracle"]).exit_code == 1
