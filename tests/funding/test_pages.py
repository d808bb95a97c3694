"""Funding pages and API: the conflicted reviewer refused on every path, attachments checked by content,
public pages through the public selector, the receipt and the award letter."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sectorhub.core.roles import Role
from sectorhub.funding import services
from sectorhub.funding.models import Attachment
from tests.funding.factories import FundingStreamFactory, SolicitationFactory, reviewer
from tests.partnerships.factories import PartnershipFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def private_home(settings, tmp_path):
    """Uploads go under a fresh SECTORHUB_HOME (the private storage is rebuilt for it)."""
    from django.utils.functional import empty

    from sectorhub.funding.models.grants import private_storage

    settings.SECTORHUB_HOME = tmp_path
    private_storage._wrapped = empty
    yield tmp_path
    private_storage._wrapped = empty


@pytest.fixture
def setup(private_home, staff, make_user):
    """A submitted application with a PDF letter; reviewer `clean` declared no conflict, `conflicted` did."""
    convener = make_user(Role.CONVENER, username="conv")
    p = PartnershipFactory()
    p.conveners.add(convener)
    s = SolicitationFactory(streams=[FundingStreamFactory()])
    s.criteria.create(name="Industry leadership", weight=1)
    app = services.create_application(
        user=convener, solicitation=s, organization=p.convener, partnership=p, title="Welding"
    )
    services.set_budget_request(
        user=convener, application=app, stream=s.streams.get(), category="training", amount="5000"
    )
    letter = services.add_attachment(
        user=convener,
        application=app,
        upload=SimpleUploadedFile("letter.pdf", PDF, "application/pdf"),
        title="Letter",
    )
    app = services.submit_application(user=convener, application=app)
    clean, conflicted = reviewer("clean"), reviewer("conflicted")
    a1 = services.assign_reviewer(user=staff, application=app, reviewer=clean)
    a2 = services.assign_reviewer(user=staff, application=app, reviewer=conflicted)
    services.declare_conflict(user=clean, assignment=a1, has_conflict=False)
    services.declare_conflict(user=conflicted, assignment=a2, has_conflict=True, note="I sit on its board.")
    return {
        "app": app,
        "letter": letter,
        "clean": clean,
        "conflicted": conflicted,
        "a1": a1,
        "a2": a2,
        "s": s,
        "convener": convener,
    }


def test_a_conflicted_reviewer_is_refused_on_every_path(client, setup):
    """Page, review page, attachment download and API read give 404; API scoring gives 403 JSON. The reviewer
    without a conflict gets each of them."""
    app, letter = setup["app"], setup["letter"]
    paths = [
        reverse("funding:application_detail", args=[app.pk]),
        reverse("funding:review", args=[setup["a2"].pk]),
        reverse("funding:attachment_download", args=[letter.pk]),
        f"/api/funding/applications/{app.pk}",
        reverse("funding:award_letter", args=[app.pk]),
    ]
    client.force_login(setup["conflicted"])
    assert [client.get(p).status_code for p in paths] == [404, 404, 404, 404, 404]
    criterion = setup["s"].criteria.get()
    response = client.post(
        f"/api/funding/applications/{app.pk}/scores",
        data=[{"criterion_id": criterion.pk, "score": 5}],
        content_type="application/json",
        HTTP_X_CSRFTOKEN=_csrf(client),
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "You may not score this application."
    assert not setup["a2"].scores.exists()
    client.force_login(setup["clean"])
    assert client.get(paths[0]).status_code == 200
    assert client.get(reverse("funding:review", args=[setup["a1"].pk])).status_code == 200
    download = client.get(paths[2])
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert client.get(paths[3]).json()["title"] == "Welding"


def _csrf(client):
    client.get(reverse("funding:reviews"))
    return client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""


def test_the_conflicted_reviewer_does_not_see_the_application_in_their_lists(client, setup):
    """The solicitation page lists no application for them; the reviews page shows it without a link."""
    client.force_login(setup["conflicted"])
    body = client.get(reverse("funding:solicitation_detail", args=[setup["s"].pk])).content.decode()
    assert "Welding" not in body
    reviews = client.get(reverse("funding:reviews")).content.decode()
    assert "Conflict declared" in reviews and reverse("funding:review", args=[setup["a2"].pk]) not in reviews


def test_an_attachment_whose_content_is_not_its_type_is_refused(private_home, staff):
    """A .pdf holding HTML, a .docx that is not a zip, and 11 MB are refused; nothing is stored."""
    p = PartnershipFactory()
    s = SolicitationFactory()
    app = services.create_application(
        user=staff, solicitation=s, organization=p.convener, partnership=p, title="X"
    )
    from django.core.exceptions import ValidationError

    bad = [
        ("fake.pdf", b"<html><script>alert(1)</script></html>", "is not really a PDF"),
        ("fake.docx", b"PK\x03\x04 not a zip", "is not really a DOCX"),
        ("big.pdf", PDF + b"0" * (11 * 1024 * 1024), "the limit is 10 MB"),
        ("run.exe", b"MZ\x90\x00", "only PDF"),
    ]
    for name, data, message in bad:
        with pytest.raises(ValidationError, match=message):
            services.add_attachment(
                user=staff, application=app, upload=SimpleUploadedFile(name, data), title=name
            )
    assert Attachment.objects.count() == 0


def test_a_real_docx_is_accepted(private_home, staff):
    """A zip holding word/document.xml is a Word file."""
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    p = PartnershipFactory()
    app = services.create_application(
        user=staff, solicitation=SolicitationFactory(), organization=p.convener, partnership=p, title="D"
    )
    att = services.add_attachment(
        user=staff, application=app, upload=SimpleUploadedFile("plan.docx", buf.getvalue()), title="Plan"
    )
    assert att.content_type.endswith("wordprocessingml.document")


def test_public_pages_show_open_solicitations_and_funded_awards_only(client, setup, staff):
    """Anonymous: the open solicitation is listed; a draft is not (404 on its page); awards appear once funded;
    no reviewer names, scores or history on public pages."""
    draft = SolicitationFactory(title="Secret draft", is_published=False)
    listing = client.get(reverse("funding:solicitation_list")).content.decode()
    assert setup["s"].title in listing and "Secret draft" not in listing
    assert client.get(reverse("funding:solicitation_detail", args=[draft.pk])).status_code == 404
    assert "Welding" not in client.get(reverse("funding:awards")).content.decode()
    services.decide(
        user=staff, application=setup["app"], outcome="funded", amount="5000", reasons="Strong plan."
    )
    awards = client.get(reverse("funding:awards")).content.decode()
    assert setup["app"].organization.name in awards and "5,000.00" in awards
    assert "clean" not in awards and "Change history" not in awards
    api = client.get("/api/funding/awards").json()
    assert [(a["application"], a["amount"]) for a in api["items"]] == [("Welding", "5000.00")]
    assert client.get(f"/api/funding/applications/{setup['app'].pk}").status_code == 401


def test_the_receipt_and_the_award_letter(client, setup, staff):
    """The applicant's receipt page shows the number; the award letter is a PDF naming the amount."""
    client.force_login(setup["convener"])
    receipt = client.get(reverse("funding:application_receipt", args=[setup["app"].pk])).content.decode()
    assert setup["app"].receipt_number in receipt
    services.decide(
        user=staff, application=setup["app"], outcome="funded", amount="4500", reasons="Strong plan."
    )
    letter = client.get(reverse("funding:award_letter", args=[setup["app"].pk]))
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF-")


def test_a_submission_after_the_deadline_is_refused_on_the_page(client, staff):
    """The window closed a minute ago: the page says so and the application stays a draft."""
    p = PartnershipFactory()
    s = SolicitationFactory()
    app = services.create_application(
        user=staff, solicitation=s, organization=p.convener, partnership=p, title="Late"
    )
    s.closes_at = timezone.now() - dt.timedelta(minutes=1)
    s.save()
    client.force_login(staff)
    response = client.post(reverse("funding:application_submit", args=[app.pk]), follow=True)
    assert "The deadline passed" in response.content.decode()
    app.refresh_from_db()
    assert app.status == "draft"


def test_staff_pages_answer_for_each_role(client, setup, make_user, staff):
    """The funding home: staff and analysts 200; anonymous sent to sign in."""
    assert client.get(reverse("funding:home")).status_code == 302
    client.force_login(staff)
    assert client.get(reverse("funding:home")).status_code == 200
    assert client.get(reverse("funding:ranking", args=[setup["s"].pk])).status_code == 200
    client.force_login(make_user(Role.ANALYST, username="an"))
    assert client.get(reverse("funding:home")).status_code == 200
    assert client.get(reverse("funding:application_detail", args=[setup["app"].pk])).status_code == 404


def test_actions_answer_only_to_post(client, staff):
    """Publishing, releasing, submitting and verifying change data: a DELETE (allowed as a write by the URL map)
    gets 405 and changes nothing."""
    s = SolicitationFactory(is_published=False)
    client.force_login(staff)
    response = client.delete(reverse("funding:solicitation_publish", args=[s.pk]))
    assert response.status_code == 405
    s.refresh_from_db()
    assert not s.is_published
    for name in ("funding:solicitation_release", "funding:application_submit", "funding:leveraged_verify"):
        assert client.delete(reverse(name, args=[s.pk])).status_code == 405
