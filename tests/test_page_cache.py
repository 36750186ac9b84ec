"""Anonymous visitors' pages come from the cache until content changes."""

import datetime
import threading

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connections, transaction
from django.test import Client
from django.test.signals import template_rendered
from django.utils import timezone, translation

from news.models import Article
from smolyan_portal import page_cache
from smolyan_portal.page_cache import STATE_KEY, content_state, content_version, is_content
from tests.factories import make_article, make_project, make_solution, make_topic, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_a_page_seen_once_is_served_without_the_database(client, django_assert_num_queries):
    make_article(title_en="Smolyan hosts its partners")
    first = client.get("/en/news/")
    with django_assert_num_queries(0):
        again = client.get("/en/news/")
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert again["Content-Language"] == "en"


def test_saving_content_shows_at_once(client):
    article = make_article(title_en="Old title")
    assert "Old title" in client.get("/en/news/").content.decode()
    article.title_en = "New title"
    article.save()
    html = client.get("/en/news/").content.decode()
    assert "New title" in html and "Old title" not in html


def test_saving_what_the_projects_learned_shows_at_once(client):
    solution = make_solution(title_en="Heat from the sewers")
    topic = make_topic(name_en="Warm streets")
    solution.topics.add(topic)
    with translation.override("en"):
        pages = [solution.get_absolute_url(), topic.get_absolute_url(), "/en/solutions/"]
    for path in pages:
        assert "Heat from the sewers" in client.get(path).content.decode()
    solution.title_en = "Heat from the river"
    solution.save()
    topic.name_en = "Warm squares"
    topic.save()
    for path in pages:
        html = client.get(path).content.decode()
        assert "Heat from the river" in html and "Heat from the sewers" not in html, path
    assert "Warm squares" in client.get(pages[1]).content.decode()


def test_every_model_with_a_public_page_renews_the_cached_pages():
    """A new app's content is cached only once the cache knows to renew it (CONTENT_APPS)."""
    missing = [
        model._meta.label
        for model in apps.get_models()
        if hasattr(model, "get_absolute_url") and not is_content(model)
    ]
    assert missing == []


def test_linking_content_shows_at_once(client):
    article = make_article()
    project = make_project(acronym="+CityxChange")
    assert "+CityxChange" not in client.get(article_url(article)).content.decode()
    article.projects.add(project)
    assert "+CityxChange" in client.get(article_url(article)).content.decode()


def test_a_scheduled_article_appears_when_its_time_comes(client):
    article = make_article(
        title_en="Coming soon", published_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert "Coming soon" not in client.get("/en/news/").content.decode()
    # An hour passes: the article's time comes, as the cache noted at the save.
    version, upcoming = content_state()
    assert upcoming == article.published_at
    past = timezone.now() - datetime.timedelta(seconds=1)
    Article.objects.filter(pk=article.pk).update(published_at=past)
    cache.set(STATE_KEY, (version, past), None)
    assert "Coming soon" in client.get("/en/news/").content.decode()


def test_signed_in_editors_never_get_cached_pages(client, django_assert_max_num_queries):
    make_article(title_en="Smolyan hosts its partners")
    client.get("/en/news/")
    client.force_login(make_user(staff=True))
    response = client.get("/en/news/")
    assert response.status_code == 200
    with django_assert_max_num_queries(20) as captured:
        client.get("/en/news/")
    assert len(captured) > 0


def test_a_search_is_kept_only_once_its_words_are_asked_again(
    client, django_assert_max_num_queries, django_assert_num_queries
):
    make_article(title_en="Smolyan hosts its partners")
    first = client.get("/en/search/", {"q": "Smolyan"})
    # Words asked once are not kept: a visitor typing anything fills no cache.
    with django_assert_max_num_queries(20) as captured:
        second = client.get("/en/search/", {"q": "Smolyan"})
    assert len(captured) > 0
    with django_assert_num_queries(0):
        third = client.get("/en/search/", {"q": "Smolyan"})
    assert first.content == second.content == third.content
    assert "Smolyan hosts its partners" in third.text
    # Other words, or the same words on another page of results, are other pages.
    with django_assert_max_num_queries(20) as captured:
        client.get("/en/search/", {"q": "partners"})
    assert len(captured) > 0


def test_a_worker_remembers_only_the_last_searches_it_answered(
    client, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(page_cache, "ASKED_REMEMBERED", 2)
    for words in ("Smolyan", "partners", "energy", "Smolyan"):
        client.get("/en/search/", {"q": words})
    # "Smolyan" was forgotten before it came again: its second answer was not kept.
    with django_assert_max_num_queries(20) as captured:
        client.get("/en/search/", {"q": "Smolyan"})
    assert len(captured) > 0


def test_a_kept_search_shows_an_edit_at_once(client):
    article = make_article(title_en="Smolyan hosts its partners")
    for _ in range(3):
        assert "Smolyan hosts its partners" in client.get("/en/search/", {"q": "Smolyan"}).text
    article.title_en = "Smolyan welcomes its partners"
    article.save()
    html = client.get("/en/search/", {"q": "Smolyan"}).text
    assert "Smolyan welcomes its partners" in html
    assert "Smolyan hosts its partners" not in html


def test_writing_the_search_index_starts_a_new_version_when_it_commits(
    django_capture_on_commit_callbacks,
):
    """The index is written when the content's transaction commits, after the content's
    own new version: a search answered in between must not outlive it."""
    from search import indexing, registry

    article = make_article(title_en="Smolyan hosts its partners")
    before = content_version()
    with django_capture_on_commit_callbacks() as callbacks:
        indexing.index_pk(registry.get("news.article"), article.pk)
    # Until the index's transaction commits, others still read the old index.
    assert content_version() == before
    for callback in callbacks:
        callback()
    assert content_version() != before


def test_forms_are_not_kept(django_assert_max_num_queries):
    # The statement page carries its form's CSRF token, so each visitor gets a fresh page.
    Client().get("/en/accessibility/")
    with django_assert_max_num_queries(20) as captured:
        Client().get("/en/accessibility/")
    assert len(captured) > 0


def test_off_when_its_seconds_are_zero(client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/news/")
    with django_assert_max_num_queries(20) as captured:
        client.get("/en/news/")
    assert len(captured) > 0


@pytest.mark.django_db(transaction=True)
def test_an_edit_saved_while_a_page_is_rendered_shows_on_the_next_visit():
    article = make_article(title_en="Old title")
    url = article_url(article)
    rendering, saved = threading.Event(), threading.Event()

    def hold_the_visitor(sender, **kwargs):
        # The view has read the article; its template waits until the editor has saved.
        if threading.current_thread() is visitor and not rendering.is_set():
            rendering.set()
            saved.wait(10)

    pages = []
    visitor = threading.Thread(target=visit, args=(url, pages))
    template_rendered.connect(hold_the_visitor)
    try:
        visitor.start()
        assert rendering.wait(10)
        article.title_en = "New title"
        article.save()
        saved.set()
        visitor.join(10)
    finally:
        template_rendered.disconnect(hold_the_visitor)
    assert "Old title" in pages[0]
    html = Client().get(url).content.decode()
    assert "New title" in html and "Old title" not in html


@pytest.mark.django_db(transaction=True)
def test_a_page_read_before_an_edit_commits_is_not_kept():
    if connections["default"].vendor == "sqlite":
        pytest.skip("SQLite locks the table being written: no one reads it before the commit")
    article = make_article(title_en="Old title")
    url = article_url(article)
    with transaction.atomic():
        article.title_en = "New title"
        article.save()
        # Another visitor, before the commit, still reads the article as it was.
        pages = []
        visitor = threading.Thread(target=visit, args=(url, pages))
        visitor.start()
        visitor.join(10)
        assert "Old title" in pages[0]
    html = Client().get(url).content.decode()
    assert "New title" in html and "Old title" not in html


def visit(url, pages):
    """An anonymous visit in a thread of its own, as another app server would make it."""
    try:
        pages.append(Client().get(url).content.decode())
    finally:
        connections.close_all()


def test_parameters_a_page_does_not_read_share_its_entry(client, django_assert_num_queries):
    make_article(title_en="Smolyan hosts its partners")
    first = client.get("/en/news/?utm_source=newsletter")
    assert "Smolyan hosts its partners" in first.content.decode()
    with django_assert_num_queries(0):
        again = client.get("/en/news/?fbclid=abc&utm_source=x1")
        plain = Client().get("/en/news/")
    assert again.content == first.content == plain.content
    # Nothing a visitor adds to the address reaches the page that others get.
    assert "utm_source" not in first.content.decode()


def test_parameters_a_page_reads_make_pages_of_their_own(client, django_assert_num_queries):
    for number in range(13):
        make_article(title_en=f"Article {number:02}")
    # A new server that has not yet seen the list read its page number.
    second = Client().get("/en/news/?page=2&utm_source=x").content.decode()
    assert "Article 00" in second and "Article 12" not in second
    first = client.get("/en/news/").content.decode()
    assert "Article 12" in first and "Article 00" not in first
    with django_assert_num_queries(0):
        again = client.get("/en/news/?utm_source=y&page=2").content.decode()
    assert again == second
    year = timezone.now().year
    by_year = client.get(f"/en/news/?year={year}&page=2").content.decode()
    with django_assert_num_queries(0):
        assert client.get(f"/en/news/?page=2&year={year}").content.decode() == by_year


def test_a_page_kept_by_another_server_is_not_served_for_a_parameter_it_reads(client):
    for number in range(13):
        make_article(title_en=f"Article {number:02}")
    assert "Article 12" in client.get("/en/news/").content.decode()
    # This server has not seen the list read `page`, but the kept page says it reads it.
    second = Client().get("/en/news/?page=2").content.decode()
    assert "Article 00" in second and "Article 12" not in second


def article_url(article):
    from django.utils import translation

    with translation.override("en"):
        return article.get_absolute_url()
