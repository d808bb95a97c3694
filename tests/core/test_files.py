"""core.files.save_file: a file written inside a transaction lives only as long as the transaction commits."""

from __future__ import annotations

import gc

import pytest
from django.core.files.base import ContentFile
from django.db import transaction

from sectorhub.capacity.models import Resource
from sectorhub.core.files import save_file


@pytest.fixture
def home(settings, tmp_path):
    """Capacity's private storage reads SECTORHUB_HOME on every use: a fresh folder per test."""
    settings.SECTORHUB_HOME = tmp_path
    return tmp_path / "private" / "resources"


def _files(folder):
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_a_file_written_in_a_transaction_that_rolls_back_is_deleted(db, home):
    with pytest.raises(RuntimeError), transaction.atomic():
        resource = Resource(title="Guide", kind="toolkit")
        name = save_file(resource.file, "guide", ContentFile(b"A guide.\n"), save=True)
        assert _files(home) == [name]  # readable for the rest of the transaction
        raise RuntimeError("a later step fails")
    assert _files(home) == []
    assert not Resource.objects.filter(title="Guide").exists()


def test_a_file_in_a_savepoint_that_rolls_back_is_deleted_and_one_outside_it_stays(db, home):
    with transaction.atomic():
        kept = save_file(
            Resource(title="Kept", kind="toolkit").file, "kept", ContentFile(b"kept\n"), save=True
        )
        try:
            with transaction.atomic():
                save_file(
                    Resource(title="Lost", kind="toolkit").file, "lost", ContentFile(b"lost\n"), save=True
                )
                raise RuntimeError
        except RuntimeError:
            pass
    assert _files(home) == [kept]


def test_a_file_whose_transaction_commits_stays(db, home, django_capture_on_commit_callbacks):
    """Committing runs the hook, which keeps the file, also once the hook itself is dropped."""
    with django_capture_on_commit_callbacks(execute=True) as hooks, transaction.atomic():
        name = save_file(
            Resource(title="Plain", kind="toolkit").file, "plain", ContentFile(b"plain\n"), save=True
        )
    assert len(hooks) == 1 and _files(home) == [name]
    del hooks
    gc.collect()
    assert _files(home) == [name]


def test_a_dropped_hook_keeps_a_file_that_a_row_still_names(db, home):
    """Django also drops unrun hooks after a commit when an earlier hook raises: the committed row still names
    its file, so the file stays; one whose row is gone is deleted."""
    from django.db import connection

    named = save_file(
        Resource(title="Named", kind="toolkit").file, "named", ContentFile(b"named\n"), save=True
    )
    unnamed = Resource(title="Unnamed", kind="toolkit")
    save_file(unnamed.file, "unnamed", ContentFile(b"unnamed\n"))  # written, but no row names it
    connection.run_on_commit = []  # what run_and_clear_commit_hooks leaves when an earlier hook raised
    gc.collect()
    assert _files(home) == [named]
