"""Site-wide behaviour: language selection, error pages, headers."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("bg-BG,bg;q=0.9,en;q=0.5", "/bg/"),
        ("de-DE,de;q=0.9", "/bg/"),
        ("", "/bg/"),
    ],
)
def test_root_redirects_to_the_visitors_language(client, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response.get("Vary", "")


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/bg/nyama-takava-stranitsa/", "bg", "Страницата не е намерена"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_404_page_is_in_the_language_of_the_url(client, path, lang, text):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{text}</h1>" in html
    assert html.count("<h1") == 1


def test_500_page_is_static_and_bilingual(client):
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "Грешка в сървъра" in html
    assert 'lang="en"' in html
    assert "{%" not in html


def test_security_headers_on_a_public_page(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


SECURITY_HEADERS = [
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Content-Security-Policy",
    "Permissions-Policy",
]


def test_permissions_policy_turns_off_what_the_site_does_not_use(client):
    policy = client.get("/en/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


@pytest.mark.parametrize("path", ["/healthz", "/livez"])
def test_probes_get_the_security_headers_of_every_page(client, path):
    page = client.get("/en/")
    probe = client.get(path, HTTP_HOST="10.1.2.3:8000")
    assert probe.status_code == 200
    for header in SECURITY_HEADERS:
        assert probe[header] == page[header]


def test_hsts_is_on_every_answer_even_when_the_proxy_does_not_say_https(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = settings.SECURE_HSTS_PRELOAD = True
    client = Client()
    for path in ("/en/", "/healthz", "/livez", "/en/no-such-page/"):
        response = client.get(path, HTTP_HOST="testserver")
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )


def test_probes_are_not_redirected_to_https(settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client(raise_request_exception=False)
    for path in ("/healthz", "/livez"):
        assert client.get(path, HTTP_HOST="10.1.2.3:8000").status_code == 200
    assert client.get("/en/").status_code == 301


def test_anonymous_visitor_gets_no_cookie(client):
    response = client.get("/bg/")
    assert response.cookies == {}


def test_language_switcher_and_hreflang_on_a_plain_page(client):
    html = client.get("/bg/").content.decode()
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in html
    assert '<link rel="alternate" hreflang="bg" href="http://testserver/bg/">' in html


def test_translated_url_segments_lead_to_the_same_page(client):
    html = client.get("/bg/dostapnost/").content.decode()
    assert '<a href="/en/accessibility/" hreflang="en" lang="en">English</a>' in html


@pytest.mark.parametrize(
    ("raw_path", "path_info"),
    [
        ("/%2Fevil.example/bg/", "//evil.example/bg/"),
        ("/%2F%2Fevil.example/en/news/", "///evil.example/en/news/"),
        # Browsers read a backslash in a link as a slash.
        ("/%5Cevil.example/bg/", "/\\evil.example/bg/"),
        ("/bg/%2F%2Fevil.example/bg/", "/bg///evil.example/bg/"),
    ],
)
def test_a_404_never_links_the_other_language_off_site(client, raw_path, path_info):
    response = client.get(raw_path, HTTP_ACCEPT_LANGUAGE="bg")
    assert response.wsgi_request.path_info == path_info
    assert response.status_code == 404
    html = response.content.decode()
    assert "evil.example" not in html
    # With no page at the address, each language offers its home page.
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in html
    assert '<link rel="alternate" hreflang="bg" href="http://testserver/bg/">' in html


def test_a_404_under_a_known_route_offers_that_route_in_the_other_language(client):
    response = client.get("/bg/novini/no-such-article/?page=2")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<a href="/en/news/no-such-article/?page=2" hreflang="en" lang="en">' in html


def test_bad_host_gets_a_400_page_not_a_500():
    client = Client(raise_request_exception=False)
    response = client.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400


def test_an_unchanged_page_is_answered_with_304(client):
    first = client.get("/en/")
    assert first.has_header("ETag")
    again = client.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/bg/dostapnost/", "Формулярът не можа да бъде изпратен"),
        ("/en/accessibility/", "The form could not be sent"),
    ],
)
def test_a_form_sent_without_its_token_gets_a_403_in_the_visitors_language(path, heading):
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, {"message": "Контрастът <b>е нисък</b>."})
    assert response.status_code == 403
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    # What the visitor typed is shown back, escaped, so nothing is lost.
    assert "Контрастът &lt;b&gt;е нисък&lt;/b&gt;." in html
