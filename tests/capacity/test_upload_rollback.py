"""A resource or attachment whose save fails, or whose enclosing transaction rolls back, leaves no file behind."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, transaction
from django.utils.functional import empty

from sectorhub.capacity import services
from sectorhub.capacity.models import Resource
from sectorhub.funding import services as funding
from sectorhub.funding.models import Attachment
from sectorhub.funding.models.grants import private_storage as funding_storage
from tests.funding.factories import SolicitationFactory
from tests.partnerships.factories import PartnershipFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def home(settings, tmp_path):
    """A fresh SECTORHUB_HOME; funding's lazy storage is rebuilt for it."""
    settings.SECTORHUB_HOME = tmp_path
    funding_storage._wrapped = empty
    yield tmp_path / "private"
    funding_storage._wrapped = empty


def _files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def _resource(world, title="Employer toolkit"):
    upload = SimpleUploadedFile("toolkit.pdf", PDF, "application/pdf")
    return services.create_resource(user=world.staff, upload=upload, title=title, kind="toolkit")


def test_a_resource_rolled_back_with_its_transaction_leaves_no_file(world, home):
    with pytest.raises(RuntimeError), transaction.atomic():
        resource = _resource(world)
        assert resource.file.storage.exists(resource.file.name)
        raise RuntimeError("a later step of the same request fails")
    assert not Resource.objects.exists()
    assert _files(home) == []


def test_a_resource_whose_row_update_fails_leaves_no_file(world, home, monkeypatch):
    """The file is written just before the row's last save; that save fails (the database is gone)."""
    real_save = Resource.save

    def failing_save(self, *args, **kwargs):
        if self.file:
            raise DatabaseError("the database went away")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Resource, "save", failing_save)
    with pytest.raises(DatabaseError):
        _resource(world)
    assert _files(home) == []


def test_a_resource_that_is_saved_keeps_its_file(world, home):
    resource = _resource(world)
    assert _files(home) == [f"resources/{resource.file.name}"]


def test_an_attachment_whose_save_fails_or_whose_view_transaction_rolls_back_leaves_no_file(
    world, home, monkeypatch
):
    """funding.views.grants.application_attach adds the attachment and names a partner in one transaction: when
    the second step fails, the attachment row is rolled back and so is its file."""
    p = PartnershipFactory()
    app = funding.create_application(
        user=world.staff,
        solicitation=SolicitationFactory(),
        organization=p.convener,
        partnership=p,
        title="X",
    )

    def upload():
        return SimpleUploadedFile("letter.pdf", PDF, "application/pdf")

    with pytest.raises(RuntimeError), transaction.atomic():
        funding.add_attachment(user=world.staff, application=app, upload=upload(), title="Letter")
        assert len(_files(home)) == 1
        raise RuntimeError("naming the partner failed")
    assert _files(home) == []

    monkeypatch.setattr(
        Attachment, "save", lambda self, *a, **k: (_ for _ in ()).throw(DatabaseError("full"))
    )
    with pytest.raises(DatabaseError):
        funding.add_attachment(user=world.staff, application=app, upload=upload(), title="Letter")
    assert _files(home) == [] and not Attachment.objects.exists()
