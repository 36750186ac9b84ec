"""Anonymous visitors' pages come from the cache until content changes."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from news.models import Article
from smolyan_portal.page_cache import NEXT_PUBLICATION_KEY
from tests.factories import make_article, make_project, make_user

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
    assert cache.get(NEXT_PUBLICATION_KEY) == article.published_at
    past = timezone.now() - datetime.timedelta(seconds=1)
    Article.objects.filter(pk=article.pk).update(published_at=past)
    cache.set(NEXT_PUBLICATION_KEY, past, None)
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


def test_search_results_and_forms_are_not_kept(client, django_assert_max_num_queries):
    client.get("/en/search/", {"q": "Smolyan"})
    with django_assert_max_num_queries(20) as captured:
        client.get("/en/search/", {"q": "Smolyan"})
    assert len(captured) > 0
    # The statement page carries its form's CSRF token, so each visitor gets a fresh page.
    Client().get("/en/accessibility/")
    with django_assert_max_num_queries(20) as captured:
        Client().get("/en/accessibility/")
    assert len(captured) > 0


def test_off_by_default_without_a_shared_cache(client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/news/")
    with django_assert_max_num_queries(20) as captured:
        client.get("/en/news/")
    assert len(captured) > 0


def article_url(article):
    from django.utils import translation

    with translation.override("en"):
        return article.get_absolute_url()
