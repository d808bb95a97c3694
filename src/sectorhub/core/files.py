"""Files written to storage inside a database transaction are deleted again when that transaction rolls back.

A service writes an upload's bytes and then saves the row that names them; if the save fails, or any enclosing
transaction rolls back later (a view that attaches a file and names a partner in one transaction), the row is gone
but the file would stay on disk, unreachable. `save_file` writes the file now (so the rest of the transaction can
read it) and registers an on-commit hook for it. Django runs the hooks of a transaction that commits and discards,
unrun, the hooks of one (or of a savepoint) that rolls back (`BaseDatabaseWrapper.rollback` and
`savepoint_rollback`); a hook discarded without having run deletes its file (`weakref.finalize`, which CPython
calls as soon as the discarded hook is dropped). Outside any transaction the hook runs at once and the file stays.
"""

from __future__ import annotations

import logging
import weakref

from django.db import DEFAULT_DB_ALIAS, transaction

log = logging.getLogger(__name__)


def _delete_unless_kept(storage, name: str, state: dict) -> None:
    if state["kept"]:
        return
    try:
        storage.delete(name)
    except OSError:
        log.exception("could not delete %s after its transaction rolled back", name)
    else:
        log.info("deleted %s: its transaction rolled back", name)


class _KeepOnCommit:
    """The on-commit hook of one written file: running it keeps the file; dropping it unrun deletes the file."""

    def __init__(self, storage, name: str):
        self.state = {"kept": False}
        weakref.finalize(self, _delete_unless_kept, storage, name, self.state)

    def __call__(self) -> None:
        self.state["kept"] = True


def save_file(field_file, name: str, content, *, save: bool = False, using: str = DEFAULT_DB_ALIAS) -> str:
    """Write `content` through a model's FieldFile (as `field_file.save` does) and make the file live only as long
    as the current transaction: deleted if it rolls back. Returns the stored name."""
    field_file.save(name, content, save=False)
    stored = field_file.name
    transaction.on_commit(_KeepOnCommit(field_file.storage, stored), using=using)
    if save:
        field_file.instance.save()
    return stored
