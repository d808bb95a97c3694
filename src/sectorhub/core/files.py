"""Files written to storage inside a database transaction are deleted again when that transaction rolls back.

A service writes an upload's bytes and then saves the row that names them; if the save fails, or any enclosing
transaction rolls back later (a view that attaches a file and names a partner in one transaction), the row is gone
but the file would stay on disk, unreachable. `save_file` writes the file now (so the rest of the transaction can
read it) and registers an on-commit hook for it. Django runs the hooks of a transaction that commits and discards,
unrun, the hooks of one (or of a savepoint) that rolls back (`BaseDatabaseWrapper.rollback` and
`savepoint_rollback`); a hook discarded without having run deletes its file (`weakref.finalize`, which CPython
calls as soon as the discarded hook is dropped), unless a row still names it. Outside any transaction the hook
runs at once and the file stays.
"""

from __future__ import annotations

import logging
import weakref

from django.db import DEFAULT_DB_ALIAS, DatabaseError, transaction

log = logging.getLogger(__name__)


def _still_named(model, field: str, name: str, using: str) -> bool:
    """Whether a committed row names the file. Hooks are also dropped unrun after a commit when an earlier hook
    raises (autocommit is back on then); a row that still names the file means it was committed, so it stays.
    Inside an outermost rollback (no atomic block, autocommit still off) nothing was committed, and a query there
    would open a transaction Django is about to close; a database that cannot answer means the transaction failed.
    """
    connection = transaction.get_connection(using)
    if not (connection.in_atomic_block or connection.autocommit):
        return False
    try:
        return model._default_manager.using(using).filter(**{field: name}).exists()
    except DatabaseError:
        return False


def _delete_unless_kept(storage, name: str, state: dict, model, field: str, using: str) -> None:
    if state["kept"] or _still_named(model, field, name, using):
        return
    try:
        storage.delete(name)
    except OSError:
        log.exception("could not delete %s after its transaction rolled back", name)
    else:
        log.info("deleted %s: its transaction rolled back", name)


class _KeepOnCommit:
    """The on-commit hook of one written file: running it keeps the file; dropping it unrun deletes the file."""

    def __init__(self, storage, name: str, model, field: str, using: str):
        self.state = {"kept": False}
        weakref.finalize(self, _delete_unless_kept, storage, name, self.state, model, field, using)

    def __call__(self) -> None:
        self.state["kept"] = True


def save_file(field_file, name: str, content, *, save: bool = False, using: str = DEFAULT_DB_ALIAS) -> str:
    """Write `content` through a model's FieldFile (as `field_file.save` does) and make the file live only as long
    as the current transaction: deleted if it rolls back. Returns the stored name."""
    field_file.save(name, content, save=False)
    stored = field_file.name
    hook = _KeepOnCommit(field_file.storage, stored, type(field_file.instance), field_file.field.name, using)
    transaction.on_commit(hook, using=using)
    del hook  # only Django's hook list may hold it, so that dropping the list drops the hook
    if save:
        field_file.instance.save()
    return stored
