"""Input no visitor types: control characters, bytes that are not UTF-8, huge values.

Each public page is asked with them in every parameter it reads, and in one it does not
read. The answer is a 400 page in the visitor's language, or the page itself, never a
500: on PostgreSQL a NUL byte that reaches a query is an error of the database.
"""

import pytest
from django.test import Client

from tests.factories import make_portal_content

pytestmark = pytest.mark.django_db

# path -> the query parameters the page reads (plus one it ignores)
PUBLIC_PAGES = {
    "/en/": ["utm_source"],
    "/en/news/": ["project", "partner", "year", "page", "utm_source"],
    "/en/meetings/": ["page", "utm_source"],
    "/en/partners/": ["page", "utm_source"],
    "/en/projects/": ["page", "utm_source"],
    "/en/documents/": ["project", "kind", "language", "page", "utm_source"],
    "/en/search/": ["q", "page", "utm_source"],
    "/en/accessibility/": ["sent", "utm_source"],
    "/en/privacy/": ["utm_source"],
    "/bg/novini/": ["project", "year"],
    "/bg/tarsene/": ["q"],
}
CASES = [(path, param) for path, params in PUBLIC_PAGES.items() for param in params]

# Encoded as they arrive in a query string.
UNREADABLE = {
    "nul": "%00",
    "nul-inside-a-word": "smol%00yan",
    "escape": "%1B%5B2J",
    "delete": "%7F",
    "c1-control": "%C2%85",
    "lone-surrogate": "%ED%A0%80",
    "not-utf-8": "%FF%FE",
    "windows-1251": "%F1%EC%EE%EB%FF%ED",
}

BAD_REQUEST = {
    "en": "<h1>Bad request</h1>",
    "bg": "<h1>Неправилна заявка</h1>",
}


@pytest.fixture
def content():
    make_portal_content()


def bad_request_text(path):
    return BAD_REQUEST["bg" if path.startswith("/bg/") else "en"]


@pytest.mark.parametrize(("path", "param"), CASES)
@pytest.mark.parametrize("value", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_unreadable_parameters_get_a_400_page_in_the_visitors_language(content, path, param, value):
    response = Client(raise_request_exception=False).get(f"{path}?{param}={value}")
    assert response.status_code == 400
    assert bad_request_text(path) in response.content.decode()
    assert response["Content-Language"] == ("bg" if path.startswith("/bg/") else "en")


def test_the_400_page_has_the_security_headers_of_every_page(client, content):
    page = client.get("/en/search/")
    refused = client.get("/en/search/?q=%00")
    assert refused.status_code == 400
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
    ):
        assert refused[header] == page[header]


@pytest.mark.parametrize("path", ["/en/search/", "/bg/novini/", "/en/"])
def test_an_unreadable_parameter_name_is_refused_too(content, path):
    response = Client(raise_request_exception=False).get(f"{path}?q%00=1&page=1")
    assert response.status_code == 400
    assert bad_request_text(path) in response.content.decode()


@pytest.mark.parametrize(("path", "param"), CASES)
def test_an_overlong_value_is_answered_without_an_error(content, path, param):
    # Search cuts a long query, a filter that matches nothing is a page that does not
    # exist, and a page number out of range is the nearest page.
    response = Client(raise_request_exception=False).get(path, {param: "9" * 5000})
    assert response.status_code in {200, 404}


def test_white_space_in_a_search_is_still_a_search(client, content):
    response = client.get("/en/search/?q=smolyan%09energy%0D%0A")
    assert response.status_code == 200
    # The tab and the line break part words as a space would.
    assert 'name="q" value="smolyan energy"' in response.content.decode()


def test_a_query_in_plain_words_still_works(client, content):
    response = client.get("/bg/tarsene/?q=%D1%81%D0%BC%D0%BE%D0%BB%D1%8F%D0%BD")
    assert response.status_code == 200
    assert "смолян" in response.content.decode()


def test_the_admin_refuses_a_nul_in_its_search_too(admin_client):
    response = admin_client.get("/admin/news/article/?q=%00")
    assert response.status_code == 400


# Forms that post


FEEDBACK_FIELDS = ["message", "name", "email", "page_url"]


@pytest.mark.parametrize("field", FEEDBACK_FIELDS)
def test_a_nul_in_the_feedback_form_is_a_form_error_in_the_pages_language(field):
    client = Client(raise_request_exception=False)
    data = {"message": "The map has no text alternative.", field: "broken\x00text"}
    response = client.post("/bg/dostapnost/", data)
    assert response.status_code == 200
    assert "Празни знаци не са разрешени." in response.content.decode()


def test_bytes_that_are_not_utf_8_in_the_feedback_form_do_not_break_it():
    from smolyan_portal.models import Feedback

    client = Client(raise_request_exception=False)
    body = "message=Map%ED%A0%80broken&name=%FF%FE"
    response = client.post(
        "/en/accessibility/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302
    assert Feedback.objects.get().message.startswith("Map")


@pytest.mark.parametrize("username", ["editor\x00", "%ED%A0%80", "x" * 5000])
def test_the_sign_in_form_takes_any_username_without_an_error(username):
    client = Client(raise_request_exception=False)
    response = client.post("/admin/login/", {"username": username, "password": "wrong"})
    assert response.status_code == 200
