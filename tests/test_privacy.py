"""The privacy notice: what the portal keeps about visitors, in both languages."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "lang", "heading", "facts"),
    [
        (
            "/bg/poveritelnost/",
            "bg",
            "Поверителност",
            [
                "Разглеждането на портала не записва бисквитки",
                "ги изтриваме след 30 дни",
                "и го изтриваме 12 месеца след това",
                "<code>csrftoken</code>",
                "OpenStreetMap",
                "Комисията за защита на личните данни",
            ],
        ),
        (
            "/en/privacy/",
            "en",
            "Privacy notice",
            [
                "Reading the portal sets no cookie in your browser.",
                "delete them after 30 days",
                "delete it 12 months after that",
                "<code>csrftoken</code>",
                "OpenStreetMap",
                "Commission for Personal Data Protection",
            ],
        ),
    ],
)
def test_privacy_notice_in_each_language(client, path, lang, heading, facts):
    response = client.get(path)
    assert response.status_code == 200
    assert response.cookies == {}
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert html.count("<h1") == 1
    for fact in facts:
        assert fact in html


def test_privacy_notice_links_the_other_language(client):
    html = client.get("/bg/poveritelnost/").content.decode()
    assert '<a href="/en/privacy/" hreflang="en" lang="en">English</a>' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/privacy/">' in html


def test_log_retention_follows_the_setting(client, settings):
    settings.PORTAL_SERVER_LOG_DAYS = 14
    assert "delete them after 14 days" in client.get("/en/privacy/").content.decode()
    settings.PORTAL_SERVER_LOG_DAYS = 1
    assert "delete them after 1 day." in client.get("/en/privacy/").content.decode()


def test_privacy_notice_links_the_accessibility_statement(client):
    html = client.get("/en/privacy/").content.decode()
    assert '<a href="/en/accessibility/">accessibility statement</a>' in html


def test_privacy_notice_runs_no_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/en/privacy/").status_code == 200


def test_the_privacy_notice_is_linked_from_every_footer(client):
    for path, target in [
        ("/bg/", "/bg/poveritelnost/"),
        ("/en/search/", "/en/privacy/"),
        ("/en/no-such-page/", "/en/privacy/"),
    ]:
        assert f'<a href="{target}">' in client.get(path).content.decode()


def test_the_notice_says_how_long_repeated_searches_are_kept(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    english = client.get("/en/privacy/").content.decode()
    assert "words searched for more than once are kept" in english
    assert "in the site's cache for up to 10 minutes" in english
    bulgarian = client.get("/bg/poveritelnost/").content.decode()
    assert "думи, търсени повече от веднъж, се пазят" in bulgarian
    assert "в кеша на сайта до 10 минути" in bulgarian
    settings.PAGE_CACHE_SECONDS = 30
    cache.clear()  # the page itself was kept
    assert "for up to 1 minute," in client.get("/en/privacy/").content.decode()


def test_with_the_page_cache_off_no_search_is_kept_and_the_notice_says_none(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert "more than once" not in client.get("/en/privacy/").content.decode()
