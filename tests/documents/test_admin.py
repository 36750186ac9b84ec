import pytest

from documents.models import Document, DocumentKind
from tests.admin_support import admin_pages, admin_url, form_data
from tests.factories import make_document, make_meeting, make_pdf_file, make_session

pytestmark = pytest.mark.django_db


def test_every_admin_page_renders(staff_client):
    document = make_document()
    for url in admin_pages(document):
        for language in ("bg", "en"):
            response = staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, (url, language)


@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_document_is_uploaded_through_the_admin(staff_client, language):
    session = make_session()
    data = form_data(staff_client.get(admin_url(Document, "add"), HTTP_ACCEPT_LANGUAGE=language))
    data |= {
        "title_bg": "Презентация на общината",
        "title_en": "The municipality's slides",
        "kind": DocumentKind.SLIDES,
        "file": make_pdf_file("slaidove.pdf"),
        "session": str(session.pk),
    }
    response = staff_client.post(admin_url(Document, "add"), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, response.context and response.context["errors"]
    document = Document.objects.get()
    assert (document.title_bg, document.file_type) == ("Презентация на общината", "pdf")
    assert document.meeting == session.meeting
    response = staff_client.get(admin_url(document, "change"))
    assert "PDF, " in response.content.decode()


def test_a_session_of_another_meeting_is_refused(staff_client):
    session = make_session()
    other = make_meeting()
    document = make_document()
    data = form_data(staff_client.get(admin_url(document, "change"), HTTP_ACCEPT_LANGUAGE="en"))
    data |= {"meeting": str(other.pk), "session": str(session.pk)}
    response = staff_client.post(admin_url(document, "change"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.context["adminform"].form.errors["session"] == [
        "The session belongs to another meeting than the one chosen."
    ]


def test_a_document_in_use_cannot_be_deleted_through_the_admin(staff_client):
    meeting = make_meeting(title_en="Smolyan meeting")
    document = make_document(meeting=meeting)
    url = admin_url(document, "delete")
    page = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    html = page.content.decode()
    assert "would require deleting the following protected related objects" in html
    assert "Smolyan meeting" in html
    response = staff_client.post(url, {"post": "yes"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert Document.objects.filter(pk=document.pk).exists()


def test_a_document_no_longer_in_use_can_be_deleted(staff_client):
    document = make_document()
    response = staff_client.post(
        admin_url(document, "delete"), {"post": "yes"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()
