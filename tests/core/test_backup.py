"""`sectorhub backup DIR` / `sectorhub restore DIR`: a round trip gives back every table of the web database and
of the engine store exactly; a damaged backup is refused by name and changes nothing."""

from __future__ import annotations

import json

import duckdb
import pytest
from django.apps import apps
from django.conf import settings

from sectorhub.core.backup import backup, restore
from sectorhub.core.roles import Role
from sectorhub.lmi.api import BackupError
from sectorhub.partnerships import services
from sectorhub.partnerships.models import Partnership, Phase
from tests.partnerships.factories import IndustryFactory, OrganizationFactory
from tests.regions.factories import RegionFactory

# Restore flushes the database, so these tests run with real transactions (and after the others).
pytestmark = pytest.mark.django_db(transaction=True)

SMALL_QCEW = "qcew/2020.open_data_slices/morpc-qcew-2020-a-39041.csv.gz"


def every_table() -> dict[str, list[tuple]]:
    """Every row of every model's table (history and many-to-many tables too), sorted; content types and
    permissions by their natural keys, since migrations rebuild them; many-to-many rows by their pair (the
    serializer writes the pairs, and a restore numbers the rows anew)."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label
        if label in {"sessions.Session"}:
            continue
        if label == "contenttypes.ContentType":
            tables[label] = sorted(model.objects.values_list("app_label", "model"))
        elif label == "auth.Permission":
            tables[label] = sorted(model.objects.values_list("content_type__app_label", "codename"))
        elif model._meta.auto_created:  # a many-to-many table: its row ids are not data, its pairs are
            pairs = [f.attname for f in model._meta.fields if f.attname != "id"]
            tables[label] = sorted(tuple(map(str, row)) for row in model._default_manager.values_list(*pairs))
        else:
            tables[label] = sorted(tuple(map(str, row)) for row in model._default_manager.values_list())
    return tables


def store_tables(path) -> dict[str, list[tuple]]:
    """Every row of every table in a DuckDB store, plus the qcew rows read through its parts."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [n for (n,) in con.execute("SELECT table_name FROM information_schema.tables "
                                           "WHERE table_type = 'BASE TABLE'").fetchall()]  # fmt: skip
        tables = {n: sorted(map(str, con.execute(f'SELECT * FROM "{n}"').fetchall())) for n in names}
    finally:
        con.close()
    from sectorhub.lmi.store import Store

    store = Store.open(path, read_only=True)
    try:
        tables["qcew (view over parts)"] = store.con.execute(
            "SELECT count(*), sum(emp_m1), sum(emp_m3) FROM qcew"
        ).fetchall()
    finally:
        store.close()
    return tables


@pytest.fixture
def registry(make_user):
    """Two partnerships with members' history, a user per role used."""
    staff = make_user(Role.STATE_STAFF, username="backup-staff")
    for name in ("Kept A", "Kept B"):
        p = services.create_partnership(
            user=staff,
            name=name,
            region=RegionFactory(),
            industries=[IndustryFactory()],
            convener=OrganizationFactory(),
            # An earlier transactional test may have flushed the migrations' seeded phases.
            phase=Phase.objects.get_or_create(
                slug="exploring", defaults={"name": "Exploring", "order": 10, "is_active": False}
            )[0],
        )
        services.update_partnership(user=staff, partnership=p, description=f"{name} described")
    return staff


@pytest.fixture
def store_path(tmp_path):
    """A small engine store: one real QCEW file (Delaware County, 2020 annual) loaded."""
    from sectorhub.lmi.store import Store

    source = settings.SECTORHUB_DATA / SMALL_QCEW
    if not source.exists():
        pytest.skip("shared data folder (SECTORHUB_DATA) not present")
    path = tmp_path / "home" / "lmi.duckdb"
    path.parent.mkdir()
    store = Store.open(path)
    try:
        store.load([source])
    finally:
        store.close()
    return path


def test_a_round_trip_gives_back_every_table(registry, store_path, tmp_path, make_user):
    """Back up, change both stores (delete a partnership, add a user, drop the engine's parts), restore:
    every table of both equals the state at backup time."""
    db_before, store_before = every_table(), store_tables(store_path)
    manifest = backup(tmp_path / "bk", store=store_path)
    assert manifest["database"]["tables"]["partnerships_partnership"] == 2
    assert manifest["engine"]["present"] and len(manifest["engine"]["files"]) >= 2

    Partnership.objects.get(name="Kept A").delete()
    make_user(Role.ANALYST, username="after-backup")
    store_path.unlink()
    for part in store_path.with_name("lmi.duckdb.parts").iterdir():
        part.unlink()

    restore(tmp_path / "bk", store=store_path)
    assert every_table() == db_before
    assert store_tables(store_path) == store_before
    assert Partnership.objects.get(name="Kept A").history.count() >= 2  # history came back too


def test_a_damaged_backup_is_refused_by_name_and_nothing_changes(registry, store_path, tmp_path):
    """One byte of the dump changed: restore names the file and the database keeps what it had."""
    backup(tmp_path / "bk", store=store_path)
    Partnership.objects.filter(name="Kept B").delete()
    before = every_table()
    dump = tmp_path / "bk" / "database.xml"
    dump.write_text(dump.read_text().replace("Kept A", "Kept Z", 1))
    with pytest.raises(BackupError, match=r"database\.xml: SHA-256 differs from the manifest"):
        restore(tmp_path / "bk", store=store_path)
    assert every_table() == before


def test_a_backup_refuses_a_folder_that_is_not_empty(registry, store_path, tmp_path):
    (tmp_path / "bk").mkdir()
    (tmp_path / "bk" / "old.txt").write_text("an earlier backup")
    with pytest.raises(BackupError, match="not empty"):
        backup(tmp_path / "bk", store=store_path)


def test_the_manifest_lists_files_with_hashes_and_rows(registry, store_path, tmp_path):
    backup(tmp_path / "bk", store=store_path)
    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text())
    assert manifest["format"] == 1
    assert len(manifest["database"]["sha256"]) == 64
    assert manifest["engine"]["tables"]["qcew_parts"] >= 1
    assert all(len(h) == 64 for h in manifest["engine"]["files"].values())
