"""Document uploads, downloads, and what deleting a document does."""

import io
import re
import zipfile

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import ProtectedError
from django.test import RequestFactory
from django.utils import translation

from documents.models import Document
from documents.validators import DOCUMENT_TYPES
from publishing.models import Status
from publishing.usage import UsageProtectedAdminMixin
from tests.admin_support import admin_url, form_data
from tests.factories import make_article, make_document, make_meeting, make_pdf_file, make_user

pytestmark = pytest.mark.django_db


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title_bg", "title_en", "file", "file_language", "kind"]


def office_file(extension):
    """A minimal but well-formed OpenDocument or Office Open XML package."""
    mime_type = DOCUMENT_TYPES[extension][0]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if extension.startswith("od"):
            archive.writestr(zipfile.ZipInfo("mimetype"), mime_type)  # first, stored
            archive.writestr("content.xml", "<office:document-content/>")
            archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
        else:
            part = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}.get(
                extension, "ppt/presentation.xml"
            )
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("_rels/.rels", "<Relationships/>")
            archive.writestr(part, "<document/>")
    return buffer.getvalue()


def upload(name, content, language="bg"):
    with translation.override(language):
        form = DocumentForm(
            data={
                "title_bg": "Доклад",
                "title_en": "Report",
                "file_language": "bg",
                "kind": "report",
            },
            files={"file": SimpleUploadedFile(name, content)},
        )
        valid = form.is_valid()
        return form, valid, [str(message) for message in form.errors.get("file", [])]


@pytest.mark.parametrize("extension", ["pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx"])
def test_allowed_documents_are_accepted_with_a_generated_name_type_and_size(extension):
    content = make_pdf_file().read() if extension == "pdf" else office_file(extension)
    form, valid, errors = upload(f"Доклад на общината.{extension.upper()}", content)
    assert valid, errors
    document = form.save()
    assert re.fullmatch(
        rf"documents/\d{{4}}/\d{{2}}/[0-9a-f]{{32}}\.{extension}", document.file.name
    )
    assert document.file_type == extension
    assert document.file_size == len(content)
    assert document.mime_type == DOCUMENT_TYPES[extension][0]


REFUSED = {
    "html-named-pdf": (
        "report.pdf",
        b"<!doctype html><html><script>alert(1)</script></html>",
        "Съдържанието на файла не е документ .pdf. Проверете дали сте избрали правилния файл.",
        "The file's content is not a .pdf document. Check that you chose the right file.",
    ),
    "exe": (
        "setup.exe",
        b"MZ\x90\x00" + b"\x00" * 60,
        "Файлове от тип „.exe“ не се приемат. Качете файл PDF, ODT, ODS, ODP, DOCX, XLSX или PPTX.",
        "Files of type “.exe” are not accepted. Upload a PDF, ODT, ODS, ODP, DOCX, XLSX or PPTX "
        "file.",
    ),
    "zip-named-docx": (
        "slides.docx",
        office_file("odt"),
        "Съдържанието на файла не е документ .docx. Проверете дали сте избрали правилния файл.",
        "The file's content is not a .docx document. Check that you chose the right file.",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
@pytest.mark.parametrize("language", ["bg", "en"])
def test_documents_of_other_types_are_refused_in_the_editors_language(case, language):
    name, content, bulgarian, english = REFUSED[case]
    form, valid, errors = upload(name, content, language)
    assert not valid
    assert errors == [bulgarian if language == "bg" else english]
    assert Document.objects.count() == 0


def test_a_document_over_25_mb_is_refused():
    content = make_pdf_file().read() + b"\x00" * (26 * 1024 * 1024)
    form, valid, errors = upload("big.pdf", content, "en")
    assert not valid
    assert errors == ["The file is 26.0\xa0MB; the largest accepted is 25.0\xa0MB."]


def test_a_pdf_opens_inline_under_a_readable_name_and_is_never_sniffed(client):
    document = make_document(title_bg="Годишен доклад 2023", title_en="Annual report 2023")
    with translation.override("en"):
        url = document.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="godishen-doklad-2023.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("language", ["bg", "en"])
def test_office_documents_are_downloads(client, language):
    document = make_document(
        title_bg="Презентация", file=SimpleUploadedFile("deck.pptx", office_file("pptx"))
    )
    with translation.override(language):
        response = client.get(document.get_absolute_url())
    assert response["Content-Disposition"] == 'attachment; filename="prezentatsia.pptx"'
    assert response["Content-Type"] == DOCUMENT_TYPES["pptx"][0]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_draft_document_is_not_downloadable_by_visitors(client):
    document = make_document(status=Status.DRAFT)
    with translation.override("bg"):
        assert client.get(document.get_absolute_url()).status_code == 404


def test_the_file_of_a_deleted_document_is_removed_after_commit(django_capture_on_commit_callbacks):
    document = make_document()
    name = document.file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not default_storage.exists(name)


def test_a_replaced_file_is_removed_and_the_new_one_kept(django_capture_on_commit_callbacks):
    document = make_document()
    document = Document.objects.get(pk=document.pk)
    old = document.file.name
    document.file = SimpleUploadedFile("new.odt", office_file("odt"))
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert not default_storage.exists(old)
    assert default_storage.exists(document.file.name)
    assert (document.file_type, document.file_size) == ("odt", len(office_file("odt")))


def test_a_file_another_row_still_names_is_kept(django_capture_on_commit_callbacks):
    original = make_document()
    copy = make_document()
    Document.objects.filter(pk=copy.pk).update(file=original.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        Document.objects.get(pk=copy.pk).delete()
    assert default_storage.exists(original.file.name)


def test_a_document_on_a_published_meeting_cannot_be_deleted_until_unlinked():
    meeting = make_meeting()
    document = make_document(meeting=meeting)
    # Refused inside delete()'s transaction: a savepoint keeps the test's own usable.
    with pytest.raises(ProtectedError) as caught, transaction.atomic():
        document.delete()
    assert list(caught.value.protected_objects) == [meeting]
    Document.objects.filter(pk=document.pk).update(meeting=None)
    Document.objects.get(pk=document.pk).delete()
    assert not Document.objects.filter(pk=document.pk).exists()


def test_a_draft_meeting_does_not_hold_its_document():
    document = make_document(meeting=make_meeting(status=Status.DRAFT))
    document.delete()
    assert not Document.objects.exists()


def test_a_document_linked_from_an_article_cannot_be_deleted():
    document = make_document(status=Status.DRAFT)
    with translation.override("en"):
        url = document.get_absolute_url()
    article = make_article(body_en=f'<p><a href="https://example.org{url}">Report</a></p>')
    with pytest.raises(ProtectedError) as caught, transaction.atomic():
        Document.objects.filter(pk=document.pk).delete()
    assert article in caught.value.protected_objects


def test_the_admin_delete_confirmation_lists_what_uses_the_document():
    from django.contrib import admin

    meeting = make_meeting(title_en="Kick-off in Smolyan")
    document = make_document(meeting=meeting)
    model_admin = type("DocAdmin", (UsageProtectedAdminMixin, admin.ModelAdmin), {})(
        Document, admin.site
    )
    request = RequestFactory().get("/")
    request.user = make_user(superuser=True)
    with translation.override("en"):
        _deleted, _count, _perms, protected = model_admin.get_deleted_objects([document], request)
    assert len(protected) == 1
    assert "Kick-off in Smolyan" in protected[0]


class CountingStorage(FileSystemStorage):
    """The file system, noting each time a stored file is opened or measured."""

    calls = []

    def open(self, name, mode="rb"):
        self.calls.append(("open", name))
        return super().open(name, mode)

    def size(self, name):
        self.calls.append(("size", name))
        return super().size(name)


def test_changing_only_the_title_in_the_admin_reads_nothing_from_storage(settings, staff_client):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.CountingStorage"}}
    document = make_document(title_bg="Стар")
    data = form_data(staff_client.get(admin_url(document, "change")))
    CountingStorage.calls.clear()
    response = staff_client.post(admin_url(document, "change"), data | {"title_bg": "Нов"})
    assert response.status_code == 302
    assert CountingStorage.calls == []
    document.refresh_from_db()
    assert (document.title_bg, document.file_type, document.file_size) == (
        "Нов",
        "pdf",
        len(make_pdf_file().read()),
    )


def test_a_document_whose_stored_file_went_missing_can_still_be_renamed():
    document = Document.objects.get(pk=make_document().pk)
    size = document.file_size
    default_storage.delete(document.file.name)
    document.title_en = "Renamed"
    document.full_clean()
    document.save()
    document.refresh_from_db()
    assert (document.title_en, document.file_size) == ("Renamed", size)


def test_a_new_file_is_still_checked_on_a_stored_document():
    document = Document.objects.get(pk=make_document().pk)
    document.file = SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script>")
    with pytest.raises(ValidationError) as caught:
        document.full_clean()
    assert [error.code for error in caught.value.error_dict["file"]] == ["document_content"]
