"""Where the engine runs: DuckDB (embedded, the default), PostgreSQL or a local PySpark session.

The engine's rules are Ibis expressions, so the same code runs on each; this module only opens the connection,
puts small inputs (a CSV the user gave) into it, and reads the store's Parquet parts with Spark.

Example::

    >>> con = connect("pyspark")                                   # doctest: +SKIP
    >>> t = put_table(con, "wages", arrow_table)
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import ibis
import pyarrow as pa

BACKEND_HELP = "duckdb (default, embedded), pyspark (a local Spark session) or a postgres://user@host/db URL."
_SPARK = None


class BackendError(ValueError):
    """A backend that cannot be reached or is not known."""


def spark_session():
    """One small local Spark session per process (UI off, few shuffle partitions): Spark 4 needs Java 17."""
    global _SPARK
    if _SPARK is not None:
        return _SPARK
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - pyspark is a dependency
        raise BackendError("--backend pyspark needs the pyspark package") from exc
    os.environ.setdefault("PYSPARK_PYTHON", os.environ.get("PYSPARK_PYTHON", "python3"))
    builder = (
        SparkSession.builder.master(os.environ.get("SECTORHUB_SPARK_MASTER", "local[2]"))
        .appName("sectorhub")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", os.environ.get("SECTORHUB_SPARK_MEMORY", "2g"))
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.log.level", "ERROR")
    )
    try:
        _SPARK = builder.getOrCreate()
    except Exception as exc:  # Java missing or too old: say what to install
        raise BackendError(
            f"could not start Spark ({str(exc).splitlines()[0][:200]}); Spark 4 needs Java 17 "
            "(Debian: openjdk-17-jre-headless, installed by scripts/system-deps.sh)"
        ) from None
    _SPARK.sparkContext.setLogLevel("ERROR")
    return _SPARK


def connect(backend: str = "duckdb"):
    """An Ibis connection for a backend name or URL (see BACKEND_HELP)."""
    if backend in ("", "duckdb"):
        con = ibis.duckdb.connect()
        if os.environ.get("SECTORHUB_DUCKDB_MEMORY"):  # e.g. 5GB; DuckDB's default is 80 % of RAM
            con.raw_sql(f"SET memory_limit = '{os.environ['SECTORHUB_DUCKDB_MEMORY']}'")
        return con
    if backend == "pyspark":
        return ibis.pyspark.connect(spark_session())
    if backend.startswith(("postgres://", "postgresql://")):
        try:
            return ibis.connect(backend.replace("postgresql://", "postgres://", 1))
        except Exception as exc:  # connection refused, bad password, unknown database
            raise BackendError(f"cannot connect to {_redact(backend)}: {str(exc).splitlines()[0]}") from None
    raise BackendError(f"unknown backend {backend!r}; expected {BACKEND_HELP}")


def backend_name(con) -> str:
    """duckdb, postgres or pyspark."""
    return con.name


def _redact(url: str) -> str:
    if "@" in url and ":" in url.split("@")[0].split("//", 1)[-1]:
        scheme, rest = url.split("//", 1)
        user = rest.split("@")[0].split(":")[0]
        return f"{scheme}//{user}:***@{rest.split('@', 1)[1]}"
    return url


def put_table(con, name: str, table: pa.Table):
    """Put an Arrow table into the backend as a temporary table (a fresh name) and return it as an Ibis table."""
    unique = f"sh_{name}_{uuid.uuid4().hex[:8]}"
    if con.name == "pyspark":
        session = con._session
        frame = session.createDataFrame(table)  # Spark 4 takes Arrow directly, types kept
        frame.createOrReplaceTempView(unique)
        return con.table(unique)
    return con.create_table(unique, table, temp=True)


def read_parquet_parts(con, paths: list[Path], name: str = "qcew"):
    """The store's Parquet parts as one Ibis table on the backend (Spark reads them itself; nothing is copied)."""
    files = [str(p) for p in paths]
    if not files:
        raise BackendError("the store has no Parquet parts: load QCEW files first (sectorhub lmi load)")
    if con.name == "pyspark":
        frame = con._session.read.parquet(*files)
        view = f"sh_{name}_{uuid.uuid4().hex[:8]}"
        frame.createOrReplaceTempView(view)
        return con.table(view)
    if con.name == "duckdb":
        return con.read_parquet(files, table_name=f"sh_{name}_{uuid.uuid4().hex[:8]}")
    raise BackendError(f"reading the store's Parquet parts needs duckdb or pyspark, not {con.name}")
