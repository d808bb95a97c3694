"""Solicitation documents as uploads: checked by content and size, internal ones for state staff and grant
reviewers only, public ones downloadable from the solicitation's page only once it is published."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.functional import empty

from sectorhub.core.roles import Role
from sectorhub.funding import services
from sectorhub.funding.models import SolicitationDocument
from sectorhub.funding.models.grants import private_storage
from tests.funding.factories import SolicitationFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def home(settings, tmp_path):
    """Uploads under a fresh SECTORHUB_HOME (funding's lazy storage is rebuilt for it)."""
    settings.SECTORHUB_HOME = tmp_path
    private_storage._wrapped = empty
    yield tmp_path / "private" / "funding"
    private_storage._wrapped = empty


@pytest.fixture
def docs(home, make_user):
    """A published round with a public budget template (PDF), an internal scoring guide (DOCX) and a public link;
    a draft round with a public PDF."""
    staff = make_user(Role.STATE_STAFF, username="staff")
    published = SolicitationFactory(title="Round one")
    draft = SolicitationFactory(title="Round two", is_published=False)

    def add(solicitation, title, upload=None, url="", public=False):
        return services.add_solicitation_document(
            user=staff, solicitation=solicitation, title=title, upload=upload, url=url, is_public=public
        )

    return dict(
        staff=staff,
        published=published,
        draft=draft,
        template=add(published, "Budget template", SimpleUploadedFile("budget.pdf", PDF), public=True),
        guide=add(published, "Scoring guide", SimpleUploadedFile("guide.docx", _docx())),
        link=add(published, "Program rules", url="https://example.gov/rules", public=True),
        draft_pdf=add(draft, "Draft notice", SimpleUploadedFile("notice.pdf", PDF), public=True),
        users={r: make_user(r, username=r) for r in (Role.CONVENER, Role.GRANT_REVIEWER, Role.ANALYST)},
    )


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_an_upload_is_stored_with_the_type_its_bytes_say(docs):
    t = docs["template"]
    assert (t.original_name, t.content_type, t.size, t.url) == ("budget.pdf", "application/pdf", len(PDF), "")
    assert t.sha256 == hashlib.sha256(PDF).hexdigest()
    g = docs["guide"]
    assert g.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert t.file.storage.exists(t.file.name) and g.file.storage.exists(g.file.name)


def test_the_public_page_offers_public_documents_only_and_the_file_downloads(docs):
    anonymous = _client()
    page = anonymous.get(f"/funding/solicitations/{docs['published'].pk}/").content.decode()
    assert "Budget template" in page and "Program rules" in page and "https://example.gov/rules" in page
    assert "Scoring guide" not in page
    answer = anonymous.get(f"/funding/solicitation-documents/{docs['template'].pk}/")
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content) == PDF
    assert answer["Content-Type"] == "application/pdf"
    assert answer["Content-Disposition"] == 'attachment; filename="budget.pdf"'
    assert answer["X-Content-Type-Options"] == "nosniff"


def test_internal_documents_are_for_state_staff_and_grant_reviewers(docs):
    url = f"/funding/solicitation-documents/{docs['guide'].pk}/"
    users = docs["users"]
    assert _client().get(url).status_code == 404
    assert _client(users[Role.CONVENER]).get(url).status_code == 404
    assert _client(users[Role.ANALYST]).get(url).status_code == 404
    for user in (users[Role.GRANT_REVIEWER], docs["staff"]):
        answer = _client(user).get(url)
        assert answer.status_code == 200 and answer["Cache-Control"] == "private, no-store"
    page = _client(users[Role.GRANT_REVIEWER]).get(f"/funding/solicitations/{docs['published'].pk}/")
    assert "Scoring guide" in page.content.decode() and "Internal" in page.content.decode()


def test_a_public_document_of_an_unpublished_solicitation_is_not_downloadable_until_it_is_published(docs):
    url = f"/funding/solicitation-documents/{docs['draft_pdf'].pk}/"
    assert _client().get(url).status_code == 404
    assert _client(docs["users"][Role.GRANT_REVIEWER]).get(url).status_code == 404
    assert _client(docs["staff"]).get(url).status_code == 200
    services.publish_solicitation(user=docs["staff"], solicitation=docs["draft"])
    assert _client().get(url).status_code == 200
    # A link has no file to download.
    assert _client().get(f"/funding/solicitation-documents/{docs['link'].pk}/").status_code == 404


def test_bad_uploads_are_refused_and_leave_no_row_and_no_file(docs, home):
    before = sorted(home.rglob("*"))
    s = docs["published"]
    bad = [
        (
            SimpleUploadedFile("fake.pdf", b"<html><script>alert(1)</script></html>"),
            "",
            "is not really a PDF",
        ),
        (SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024)), "", "the limit is 10 MB"),
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "", "only PDF"),
        (SimpleUploadedFile("ok.pdf", PDF), "https://example.gov/x", "one of the two"),
        (None, "", "one of the two"),
    ]
    for upload, url, message in bad:
        with pytest.raises(ValidationError, match=message):
            services.add_solicitation_document(
                user=docs["staff"], solicitation=s, title="X", upload=upload, url=url
            )
    with pytest.raises(PermissionDenied):
        services.add_solicitation_document(
            user=docs["users"][Role.CONVENER],
            solicitation=s,
            title="X",
            upload=SimpleUploadedFile("a.pdf", PDF),
        )
    assert SolicitationDocument.objects.count() == 4
    assert sorted(home.rglob("*")) == before


def test_state_staff_add_a_document_through_the_form(docs):
    s = docs["published"]
    staff = _client(docs["staff"])
    answer = staff.post(
        f"/funding/solicitations/{s.pk}/documents/new/",
        {"title": "", "file": SimpleUploadedFile("faq.pdf", PDF), "is_public": "on"},
    )
    assert answer.status_code == 302
    faq = SolicitationDocument.objects.get(original_name="faq.pdf")
    assert (faq.title, faq.is_public) == ("faq.pdf", True)  # an empty title takes the file's name
    refused = staff.post(
        f"/funding/solicitations/{s.pk}/documents/new/",
        {"title": "Fake", "file": SimpleUploadedFile("f.pdf", b"GIF89a")},
    )
    assert refused.status_code == 200 and "is not really a PDF" in refused.content.decode()
    convener = _client(docs["users"][Role.CONVENER])
    assert convener.get(f"/funding/solicitations/{s.pk}/documents/new/").status_code == 403
