"""`sectorhub backup DIR` and `sectorhub restore DIR`: the web database and the engine store, with a manifest.

The web database (SQLite or PostgreSQL) is dumped with Django's serializers inside one transaction (REPEATABLE
READ on PostgreSQL, a read transaction on SQLite), so the dump is one consistent state while the app runs; the
engine store is copied by `sectorhub.lmi.api.backup_store` (consistent the same way). `manifest.json` records
what was written: files with SHA-256, rows per table, the database vendor and when.

Restore checks the manifest and every file's hash first, then replaces the web database's contents in one
transaction (flush + load: a failure leaves the database as it was) and puts the engine store back. Restart the
app afterwards so no worker keeps the old store open.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings

from sectorhub.lmi.api import BackupError, backup_store, restore_store, sha256

FORMAT = 1
# XML, not JSON: Django's JSON encoder cuts datetimes to milliseconds, and history dates must come back exact.
DUMP = "database.xml"
ENGINE = "engine"
# Rebuilt by migrations (content types, permissions) or worthless after a restore (sessions).
EXCLUDE = ["contenttypes", "auth.permission", "sessions"]


def model_rows() -> dict[str, int]:
    """Rows per table of every model the dump covers."""
    skip = {"contenttypes", "sessions"}
    return {
        m._meta.db_table: m._default_manager.count()
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_label not in skip and m._meta.label != "auth.Permission" and m._meta.managed
    }


def backup(dest: Path, *, store: Path, progress=None) -> dict:
    """Write the web database and the engine store at `store` into `dest` with its manifest; return the manifest."""
    step = progress or (lambda message: None)
    dest.mkdir(parents=True, exist_ok=True)
    if any(dest.iterdir()):
        raise BackupError(f"{dest}: not empty; back up into a new folder so no earlier backup is overwritten")
    step("web database")
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        rows = model_rows()
        call_command(
            "dumpdata",
            natural_foreign=True,
            format="xml",
            exclude=EXCLUDE,
            output=str(dest / DUMP),
            verbosity=0,
        )
    step("engine store")
    engine = backup_store(store, dest / ENGINE)
    manifest = {
        "format": FORMAT,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": {
            "vendor": connection.vendor,
            "file": DUMP,
            "sha256": sha256(dest / DUMP),
            "tables": rows,
        },
        "engine": engine,
    }
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def read_manifest(source: Path) -> dict:
    """The backup's manifest, checked: format, the dump's presence and hash."""
    path = source / "manifest.json"
    if not path.is_file():
        raise BackupError(f"{path}: no manifest: not a SectorHub backup folder")
    try:
        manifest = json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise BackupError(
            f"{path}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"
        ) from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: backup format {manifest.get('format')!r}; this SectorHub reads {FORMAT}")
    dump = source / manifest["database"]["file"]
    if not dump.is_file():
        raise BackupError(f"{dump}: missing from the backup (the manifest lists it)")
    if sha256(dump) != manifest["database"]["sha256"]:
        raise BackupError(f"{dump}: SHA-256 differs from the manifest: the backup is damaged")
    return manifest


def restore(source: Path, *, store: Path, progress=None) -> dict:
    """Replace the web database's contents and the engine store with the backup in `source`."""
    step = progress or (lambda message: None)
    manifest = read_manifest(source)
    step("web database")
    with transaction.atomic():
        call_command("flush", interactive=False, verbosity=0)
        # The dump holds the history tables as they were; loading must not add history rows of its own (the
        # many-to-many fields of the models would, through simple-history's m2m_changed handler).
        with override_settings(SIMPLE_HISTORY_ENABLED=False):
            call_command("loaddata", str(source / manifest["database"]["file"]), verbosity=0)
        restored = model_rows()
        expected = manifest["database"]["tables"]
        differ = {t: (n, restored.get(t)) for t, n in expected.items() if restored.get(t) != n}
        if differ:
            raise BackupError(
                f"restored row counts differ from the manifest (table: (backup, now)): {differ}"
            )
    step("engine store")
    restore_store(source / ENGINE, manifest["engine"], store)
    return manifest
