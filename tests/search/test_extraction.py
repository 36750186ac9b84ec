"""The text inside documents: read on upload, kept, and never a reason to refuse a file."""

import io
import logging
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import Document, DocumentKind
from search import tracking
from search.extraction import extract_text
from search.models import IndexEntry
from smolyan_portal.demo import files
from tests.admin_support import admin_url, form_data
from tests.factories import make_document
from tests.search.conftest import result_titles, search_page

pytestmark = pytest.mark.django_db

ODT = "application/vnd.oasis.opendocument.text"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def pdf_file(*lines, name="report.pdf"):
    content = files.make_pdf("Report", [("text", line) for line in lines])
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def odt_file(*lines, name="notes.odt"):
    content = files.make_odt("Бележки", [("text", line) for line in lines])
    return SimpleUploadedFile(name, content, content_type=ODT)


def docx_file(*lines, name="letter.docx"):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = "Cell text"
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=DOCX)


def file_text(document):
    tracking.flush()
    return IndexEntry.objects.get(
        source="documents.document", object_id=str(document.pk), language="bg"
    ).text.file_text


@pytest.mark.parametrize(
    ("make_file", "expected"),
    [
        (lambda: pdf_file("The heat pump of the pool", "Second line"), "heat pump of the pool"),
        (lambda: odt_file("Топлинната помпа на басейна"), "Топлинната помпа на басейна"),
        (lambda: docx_file("A letter about the heat pump"), "A letter about the heat pump"),
    ],
    ids=["pdf", "odt", "docx"],
)
def test_the_text_of_each_kind_of_file_is_read(make_file, expected):
    document = make_document(file=make_file())
    assert expected in file_text(document)


def test_a_table_in_a_docx_file_is_read():
    assert "Cell text" in file_text(make_document(file=docx_file("Text")))


def test_a_word_only_in_the_file_finds_the_document(client):
    make_document(title_bg="Доклад", title_en="Report", file=odt_file("Хидрогенераторът работи."))
    assert result_titles(search_page(client, "bg", q="хидрогенератор")) == ["Доклад"]
    html = search_page(client, "bg", q="хидрогенератор").content.decode()
    assert "<mark>Хидрогенераторът</mark>" in html


def test_a_file_that_cannot_be_read_is_indexed_by_its_metadata(client, caplog):
    broken = SimpleUploadedFile("broken.pdf", b"%PDF-1.4\nnot really a PDF", "application/pdf")
    with caplog.at_level(logging.WARNING, logger="search.extraction"):
        document = make_document(title_en="Broken but listed", file=broken)
    assert file_text(document) == ""
    assert "Could not read the text of documents/" in caplog.text
    assert result_titles(search_page(client, "en", q="broken listed")) == ["Broken but listed"]


def test_a_zip_that_is_no_opendocument_gives_no_text(settings, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODT)
    document = make_document(file=SimpleUploadedFile("empty.odt", buffer.getvalue(), ODT))
    assert extract_text(document.file) == ""


def test_the_admin_accepts_a_file_it_cannot_read(staff_client):
    data = form_data(staff_client.get(admin_url(Document, "add"), HTTP_ACCEPT_LANGUAGE="en"))
    data |= {
        "title_bg": "Повреден файл",
        "title_en": "Damaged file",
        "kind": DocumentKind.REPORT,
        "status": "published",
        "file": SimpleUploadedFile("damaged.pdf", b"%PDF-1.7\n\x00\x01garbage", "application/pdf"),
    }
    response = staff_client.post(admin_url(Document, "add"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302, response.context and response.context["errors"]
    document = Document.objects.get()
    assert file_text(document) == ""
    tracking.flush()
    assert IndexEntry.objects.filter(source="documents.document", title="Damaged file").exists()


def test_the_text_is_read_once_per_upload():
    document = make_document(file=pdf_file("First version of the text"))
    tracking.flush()  # the upload's transaction commits, and its text is read
    # The stored file goes: a later save must not need it, the text is kept.
    document.file.storage.delete(document.file.name)
    document.title_en = "Renamed"
    document.save()
    assert "First version of the text" in file_text(document)
    document.file = pdf_file("Second version", name="new.pdf")
    document.save()
    assert "Second version" in file_text(document)
    assert "First version" not in file_text(document)
