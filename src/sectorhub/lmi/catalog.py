"""What a store holds, for pickers and pages: loaded periods of a set of areas, titles of codes, a shared handle.

These are the reads the web apps need besides region profiles and packages; they reach them through
:mod:`sectorhub.lmi.api`, never with their own SQL on the engine's tables.

Example::

    >>> with Store.open(read_only=True) as store:                    # doctest: +SKIP
    ...     loaded_periods(store, ["39049", "39041"])[:2]
    [(2020, 'A'), (2016, 'A')]
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from sectorhub.paths import home_dir

TITLE_TABLES = {
    "area": ("area_titles", "area_fips", "area_title"),
    "industry": ("industry_titles", "industry_code", "industry_title"),
    "ownership": ("ownership_titles", "own_code", "own_title"),
    "agglvl": ("agglvl_titles", "agglvl_code", "agglvl_title"),
}


def loaded_periods(store, areas: Sequence[str], *, newest_first: bool = True) -> list[tuple[int, str]]:
    """Every (year, period) whose all-industry total is loaded for every one of ``areas``.

    Periods are ``"1"``..``"4"`` and ``"A"`` as loaded (annual averages derived from quarters are not listed).
    """
    areas = sorted(set(areas))
    if not areas:
        return []
    order = "DESC" if newest_first else "ASC"
    rows = store.sql(
        "SELECT year, qtr FROM qcew WHERE area_fips IN (SELECT unnest(?::VARCHAR[])) AND own_code = '0' "
        "AND industry_code = '10' AND size_code = '0' GROUP BY 1, 2 HAVING count(DISTINCT area_fips) = ? "
        f"ORDER BY 1 {order}, 2 {order}",
        [areas, len(areas)],
    ).fetchall()
    return [(int(y), str(q)) for y, q in rows]


def titles(store, kind: str, codes: Sequence[str] | None = None) -> dict[str, str]:
    """``{code: title}`` for ``kind`` ``area``, ``industry``, ``ownership`` or ``agglvl`` (all codes, or ``codes``)."""
    if kind not in TITLE_TABLES:
        raise ValueError(f"kind must be one of {', '.join(TITLE_TABLES)}; got {kind!r}")
    table, key, title = TITLE_TABLES[kind]
    if codes is None:
        return dict(store.sql(f"SELECT {key}, {title} FROM {table}").fetchall())
    return dict(
        store.sql(
            f"SELECT {key}, {title} FROM {table} WHERE {key} IN (SELECT unnest(?::VARCHAR[]))", [list(codes)]
        ).fetchall()
    )


class SharedStore:
    """One read-only store per process, reopened when a load replaces the file; ``with handle.lock():`` around
    each query, since the process's threads share one DuckDB connection."""

    def __init__(self, path: Path | None = None):
        self._path = path
        self._lock = threading.RLock()
        self._store = None
        self._stamp = None

    def store(self):
        """The open store (FileNotFoundError, or NotLoadedError, when nothing is loaded yet)."""
        from sectorhub.lmi.store import STORE_FILE, Store

        path = self._path or home_dir() / STORE_FILE
        stamp = (str(path), path.stat().st_mtime_ns if path.exists() else None)
        with self._lock:
            if self._stamp != stamp or self._store is None:
                if self._store is not None:
                    self._store.close()
                    self._store = None
                store = Store.open(path, read_only=True)
                try:
                    store.require_loaded()
                except BaseException:
                    store.close()
                    raise
                self._store = store
                self._stamp = stamp
            return self._store

    def lock(self) -> threading.RLock:
        """The lock that serialises queries on the shared connection."""
        return self._lock


shared_store = SharedStore()
