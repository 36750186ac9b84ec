"""A document's file is had only through its download view, which checks publication."""

import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from publishing.models import Status
from tests.admin_support import admin_url
from tests.factories import make_article, make_document, make_image_file, make_user
from tests.object_storage import S3_OPTIONS, OfflineBucket

pytestmark = pytest.mark.django_db


def download_url(document, language="en"):
    with translation.override(language):
        return document.get_absolute_url()


def media_url(document):
    return f"/media/{document.file.name}"


def sign_in_as_editor(client):
    client.force_login(make_user(staff=True, permissions=["documents.change_document"]))


def test_no_document_is_served_at_its_media_address(client):
    draft, published = make_document(status=Status.DRAFT), make_document()
    for signed_in in (False, True):
        if signed_in:
            sign_in_as_editor(client)
        for document in (draft, published):
            assert Path(settings.MEDIA_ROOT, document.file.name).is_file()
            assert client.get(media_url(document)).status_code == 404
            doubled = "/media/" + document.file.name.replace("/", "//")
            assert client.get(doubled).status_code == 404


def test_a_link_into_the_documents_folder_is_not_followed(client):
    document = make_document(status=Status.DRAFT)
    link = Path(settings.MEDIA_ROOT, "images", "report.pdf")
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(Path(settings.MEDIA_ROOT, document.file.name), link)
    assert client.get("/media/images/report.pdf").status_code == 404


@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_draft_is_not_found_by_visitors_nor_by_staff_who_cannot_change_it(client, language):
    draft = make_document(status=Status.DRAFT)
    assert client.get(download_url(draft, language)).status_code == 404
    client.force_login(make_user(staff=True, permissions=["documents.view_document"]))
    assert client.get(download_url(draft, language)).status_code == 404


def test_an_editor_downloads_a_draft_that_no_cache_keeps(client):
    draft = make_document(status=Status.DRAFT, title_bg="Чернова")
    sign_in_as_editor(client)
    response = client.get(download_url(draft))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'inline; filename="chernova.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_published_document_is_a_download_caches_may_keep_an_hour(client):
    document = make_document(
        title_bg="Отчет", file=SimpleUploadedFile("r.docx", b"PK\x03\x04", "text/html")
    )
    response = client.get(download_url(document, "bg"))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == 'attachment; filename="otchet.docx"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, max-age=3600"


def test_a_missing_file_is_not_found(client):
    document = make_document()
    Path(settings.MEDIA_ROOT, document.file.name).unlink()
    assert client.get(download_url(document)).status_code == 404


def test_the_admin_links_the_current_file_to_the_download_view(staff_client):
    document = make_document(status=Status.DRAFT)
    html = staff_client.get(admin_url(document, "change")).content.decode()
    assert f'<a href="{download_url(document, "en")}">{document.file.name}</a>' in html
    assert media_url(document) not in html


def test_a_rich_text_link_to_a_documents_stored_name_still_protects_it():
    document = make_document()
    article = make_article(
        body_en=f'<p><a href="https://cdn.example.org/{document.file.name}">x</a></p>'
    )
    assert article in document.usages()


# On S3: documents are private objects, handed out through links signed for minutes.


@pytest.fixture
def s3(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "media.storage.MediaS3Storage",
            "OPTIONS": {
                **S3_OPTIONS,
                "custom_domain": "media.example.org",
                "default_acl": "public-read",
            },
        },
    }
    return OfflineBucket(storages["default"])


def test_on_s3_a_document_is_a_private_object_and_an_image_a_public_one(s3):
    document = make_document(file=SimpleUploadedFile("report.pdf", b"%PDF-1.4"))
    article = make_article(cover_image=make_image_file(), cover_image_decorative=True)
    uploads = s3.puts()
    assert uploads[document.file.name]["x-amz-acl"] == "private"
    assert uploads[document.file.name]["cache-control"] == "private, no-store"
    assert uploads[article.cover_image.name]["x-amz-acl"] == "public-read"
    assert article.cover_image.url == f"https://media.example.org/{article.cover_image.name}"


def signed(response):
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    url = urlsplit(response["Location"])
    return url, {name: values[0] for name, values in parse_qs(url.query).items()}


def test_on_s3_a_published_document_is_a_redirect_to_a_link_signed_for_five_minutes(s3, client):
    document = make_document(title_bg="Годишен отчет", file="documents/2025/01/a.pdf")
    s3.requests.clear()  # Creating the row measured the file; the download must not ask.
    url, query = signed(client.get(download_url(document, "bg")))
    # From the bucket itself: the CDN in front of public media would keep a copy.
    assert (url.netloc, url.path) == ("s3.example.org", "/smolyan-media/documents/2025/01/a.pdf")
    assert query["X-Amz-Expires"] == "300" and query["X-Amz-Signature"]
    assert query["response-content-disposition"] == 'inline; filename="godishen-otchet.pdf"'
    assert query["response-content-type"] == "application/pdf"
    assert query["response-cache-control"] == "public, max-age=3600"
    assert s3.requests == []


def test_on_s3_a_draft_reaches_only_editors(s3, client):
    draft = make_document(status=Status.DRAFT, file="documents/2025/01/d.docx")
    assert client.get(download_url(draft)).status_code == 404
    sign_in_as_editor(client)
    _url, query = signed(client.get(download_url(draft)))
    assert query["response-cache-control"] == "private, no-store"
    assert query["response-content-disposition"].startswith("attachment; ")


@pytest.mark.parametrize(
    ("path", "sentence"),
    [
        ("/bg/poveritelnost/", "се пазят на дълги случайни адреси"),
        ("/en/privacy/", "are stored under long random addresses"),
    ],
)
def test_the_privacy_notice_says_that_a_drafts_pictures_are_not_secret(client, path, sentence):
    assert sentence in client.get(path).content.decode()
