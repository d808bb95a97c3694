"""Back up and restore the engine store (``lmi.duckdb`` and the Parquet parts its catalog lists), consistently.

A backup holds a read-only DuckDB connection while it copies: DuckDB lets no writer in while a reader holds the
file, so the copy is one committed state, and only the parts that state's catalog (``qcew_parts``) lists are
copied (parts of a load still in progress, or orphaned, are not). Parts are immutable once written. Restore checks
every file against the SHA-256 in the manifest first, then moves the files into place (the database file last,
with an atomic rename), so a failed restore leaves the current store as it was.

>>> section = backup_store(Path("home/lmi.duckdb"), Path("backup/engine"))   # doctest: +SKIP
>>> restore_store(Path("backup/engine"), section, Path("home/lmi.duckdb"))   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import duckdb

PARTS_SUFFIX = ".parts"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message names the file and what to do."""


def sha256(path: Path) -> str:
    """The file's SHA-256, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def table_rows(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of every base table in the store (for the manifest and the round-trip check)."""
    names = [
        n
        for (n,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1"
        ).fetchall()
    ]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def backup_store(store: Path, dest: Path) -> dict:
    """Copy the store at `store` into `dest`; returns the manifest section (files with hashes, table rows)."""
    if not store.exists():
        return {"present": False}
    dest.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(store), read_only=True)
    except duckdb.Error as exc:
        raise BackupError(
            f"{store}: cannot open the engine store read-only ({exc}); a load is probably writing it: "
            "run the backup again when it has finished"
        ) from exc
    try:
        parts = [p for (p,) in con.execute("SELECT part FROM qcew_parts ORDER BY part").fetchall()]
        rows = table_rows(con)
        shutil.copy2(store, dest / store.name)
        parts_dir = dest / f"{store.name}{PARTS_SUFFIX}"
        parts_dir.mkdir(exist_ok=True)
        source_parts = Path(f"{store}{PARTS_SUFFIX}")
        for part in parts:
            shutil.copy2(source_parts / part, parts_dir / part)
    finally:
        con.close()
    files = {store.name: sha256(dest / store.name)}
    files |= {f"{store.name}{PARTS_SUFFIX}/{p}": sha256(parts_dir / p) for p in parts}
    return {"present": True, "file": store.name, "files": files, "tables": rows}


def restore_store(source: Path, section: dict, store: Path) -> None:
    """Put the backed-up store in `source` (described by its manifest `section`) at `store`."""
    if not section.get("present"):
        return
    for name, expected in section["files"].items():
        path = source / name
        if not path.is_file():
            raise BackupError(f"{path}: missing from the backup (the manifest lists it)")
        if sha256(path) != expected:
            raise BackupError(f"{path}: SHA-256 differs from the manifest: the backup is damaged")
    store.parent.mkdir(parents=True, exist_ok=True)
    parts_dir = Path(f"{store}{PARTS_SUFFIX}")
    parts_dir.mkdir(exist_ok=True)
    for name in section["files"]:
        if "/" in name:
            # Part names are unique per load, so copying never overwrites a part the current store uses.
            shutil.copy2(source / name, parts_dir / name.split("/", 1)[1])
    temporary = store.with_name(f".{store.name}.restoring")
    shutil.copy2(source / section["file"], temporary)
    Path(f"{store}.wal").unlink(missing_ok=True)
    os.replace(temporary, store)  # atomic: readers see the old store or the restored one
