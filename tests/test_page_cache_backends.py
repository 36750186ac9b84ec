"""The page cache behaves the same in the files of one machine and in a shared Redis.

Files are the default (no REDIS_URL); Redis is tested against a real server when
REDIS_TEST_URL names one (CI sets it).
"""

import datetime
import os
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation

from publishing.models import Status
from smolyan_portal.caching import caches
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

# The headers every answer carries, whether it was made now or found in the cache.
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
)


@pytest.fixture(params=["files", "redis"])
def backend(request, settings, tmp_path, monkeypatch):
    """The cache settings.py configures for each environment, and the page cache on."""
    monkeypatch.delenv("REDIS_URL", raising=False)
    if request.param == "files":
        monkeypatch.setenv("DJANGO_CACHE_DIR", str(tmp_path / "cache"))
    else:
        url = os.environ.get("REDIS_TEST_URL")
        if not url:
            if os.environ.get("CI"):
                pytest.fail("CI runs the page cache against a real Redis: set REDIS_TEST_URL")
            pytest.skip("needs a real Redis: set REDIS_TEST_URL, e.g. redis://127.0.0.1:6379/3")
        monkeypatch.setenv("REDIS_URL", url)
    settings.CACHES = caches(settings.BASE_DIR)
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield request.param
    cache.clear()


def url_of(article):
    with translation.override("en"):
        return article.get_absolute_url()


def test_an_edit_shows_on_the_next_request(backend, django_assert_num_queries):
    article = make_article(title_en="Old title")
    visitor = Client()
    for url in ("/en/news/", url_of(article), "/en/"):
        assert "Old title" in visitor.get(url).text
        with django_assert_num_queries(0):
            assert "Old title" in visitor.get(url).text
    article.title_en = "New title"
    article.save()
    for url in ("/en/news/", url_of(article), "/en/"):
        html = visitor.get(url).text
        assert "New title" in html and "Old title" not in html


def test_a_scheduled_item_appears_on_time(backend):
    due = timezone.now() + datetime.timedelta(seconds=2)
    make_article(title_en="Coming soon", published_at=due)
    visitor = Client()
    for _ in range(2):
        assert "Coming soon" not in visitor.get("/en/news/").text
    # Nothing is saved meanwhile: only the clock moves on.
    time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 0.1)
    assert "Coming soon" in visitor.get("/en/news/").text


def test_a_draft_never_leaks(backend):
    draft = make_article(title_en="Secret plan", status=Status.DRAFT)
    editor = Client()
    editor.force_login(make_user(staff=True, permissions=["news.change_article"]))
    # The editor's preview is made first, and must not be kept for others.
    assert "Secret plan" in editor.get(url_of(draft)).text
    visitor = Client()
    for _ in range(2):
        assert visitor.get(url_of(draft)).status_code == 404
        assert "Secret plan" not in visitor.get("/en/news/").text
        assert "Secret plan" not in visitor.get("/en/").text
    draft.status = Status.PUBLISHED
    draft.save()
    assert "Secret plan" in visitor.get("/en/news/").text


@pytest.mark.parametrize("path", ["/en/", "/bg/novini/", "/sitemap.xml"])
def test_a_cached_answer_has_exactly_the_headers_of_a_fresh_one(backend, path, settings):
    make_article(title_en="Smolyan hosts its partners")
    fresh = Client().get(path)
    cached = Client().get(path)
    assert fresh.status_code == cached.status_code == 200
    # The cached answer did not go through the session, locale, CSRF or auth middleware.
    assert not hasattr(cached.wsgi_request, "session")
    assert not hasattr(cached.wsgi_request, "user")
    assert hasattr(fresh.wsgi_request, "session")
    # Each answer has a request id of its own, the cached one too; the rest is the same.
    assert cached["X-Request-ID"] != fresh["X-Request-ID"]
    assert headers_but_the_request_id(cached) == headers_but_the_request_id(fresh)
    assert cached.content == fresh.content
    for header in SECURITY_HEADERS:
        assert cached[header], header
    # And what a visitor gets with the page cache off carries the same headers.
    settings.PAGE_CACHE_SECONDS = 0
    uncached = Client().get(path)
    assert headers_but_the_request_id(uncached) == headers_but_the_request_id(fresh)


def test_a_kept_search_has_the_headers_of_a_fresh_one_and_shows_edits(
    backend, django_assert_num_queries
):
    article = make_article(title_en="Smolyan hosts its partners")
    search = ("/en/search/", {"q": "Smolyan"})
    # One client: the page cache learns which parameters a view reads as it answers.
    visitor = Client()
    visitor.get(*search)
    fresh = visitor.get(*search)  # asked again: kept
    with django_assert_num_queries(0):
        cached = visitor.get(*search)
    assert cached.content == fresh.content
    assert headers_but_the_request_id(cached) == headers_but_the_request_id(fresh)
    article.title_en = "Smolyan welcomes its partners"
    article.save()
    html = visitor.get(*search).text
    assert "Smolyan welcomes its partners" in html
    assert "Smolyan hosts its partners" not in html


def headers_but_the_request_id(response):
    return {name: value for name, value in response.items() if name != "X-Request-ID"}


def test_a_revisit_of_a_cached_page_is_answered_not_modified(backend):
    make_article(title_en="Smolyan hosts its partners")
    first = Client().get("/en/news/")
    again = Client().get("/en/news/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_a_cache_folder_that_cannot_be_written_leaves_the_site_working(
    settings, tmp_path, monkeypatch, caplog
):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("DJANGO_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.delenv("REDIS_URL", raising=False)
    settings.CACHES = caches(settings.BASE_DIR)
    settings.PAGE_CACHE_SECONDS = 600
    make_article(title_en="Smolyan hosts its partners")
    for _ in range(3):
        response = Client().get("/en/news/")
        assert response.status_code == 200
        assert "Smolyan hosts its partners" in response.text
    warnings = [r for r in caplog.records if "cannot be used" in r.getMessage()]
    assert len(warnings) == 1
