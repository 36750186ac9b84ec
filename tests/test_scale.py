"""The pages people use most cost the same number of queries with 10,000 articles.

The generated set (`load_demo --bulk`) is loaded once for this module, inside a
transaction that is rolled back at its end, so no other test sees it. The search's query
count is checked at 1 and 30 items here too, since it had no budget of its own.
"""

import re
import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from documents.models import Document
from events.models import Meeting, Session, SiteVisit
from news.models import Article
from partners.models import Partner
from search import tracking
from smolyan_portal.demo.bulk import BulkLoader
from tests.events.test_views import DETAIL_QUERIES as MEETING_QUERIES
from tests.factories import make_article, make_project
from tests.news.test_views import DETAIL_QUERIES as ARTICLE_QUERIES
from tests.news.test_views import LIST_QUERIES

ARTICLES = 10_000
# The query's words, the ranked matches with their counts, their entries, the projects.
SEARCH_QUERIES = 4


@pytest.fixture(scope="module")
def large_site(django_db_setup, django_db_blocker):
    """10,000 generated articles and the rest in proportion, for this module only."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            started = time.monotonic()
            with translation.override("bg"):
                assert BulkLoader(ARTICLES, lambda *report: None).run()
            print(f"\n{ARTICLES} articles loaded in {time.monotonic() - started:.1f} s")
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def url_of(item):
    with translation.override("en"):
        return item.get_absolute_url()


@pytest.mark.slow
@pytest.mark.django_db
def test_the_generated_set_is_in_proportion_and_marked(large_site):
    generated = Article.objects.filter(slug_bg__startswith=f"bulk{ARTICLES}-")
    assert generated.count() == ARTICLES
    assert Meeting.objects.count() == ARTICLES // 20
    assert Session.objects.count() == ARTICLES // 20 * 6
    assert SiteVisit.objects.count() == ARTICLES // 20 * 2
    assert Partner.objects.count() == ARTICLES // 50
    assert Document.objects.count() == ARTICLES // 10
    assert generated.first().title_en.startswith("Generated news item")
    # A second run with the same N adds nothing.
    assert BulkLoader(ARTICLES, lambda *report: None).run() is False
    assert Article.objects.count() == ARTICLES


@pytest.mark.slow
@pytest.mark.django_db
def test_the_news_list_and_its_deep_pages_keep_their_budget(large_site, client):
    with CaptureQueriesContext(connection) as first:
        html = client.get("/en/news/").text
    assert len(first) == LIST_QUERIES
    assert "Page 1 of 834" in html
    # Page 50, reached as people reach it: by the links, 49 pages down.
    for _page in range(49):
        following = re.search(r'href="\?([^"]+)" rel="next"', html).group(1)
        with CaptureQueriesContext(connection) as deep:
            html = client.get("/en/news/?" + following.replace("&amp;", "&")).text
    assert "Page 50 of 834" in html
    assert len(deep) == LIST_QUERIES
    assert not [query for query in deep if "OFFSET" in query["sql"].upper()]


@pytest.mark.slow
@pytest.mark.django_db
def test_an_article_and_a_meeting_keep_their_budget(large_site, client):
    # A server that has answered a page of each kind: the generated rows went in without
    # the signals that would have read their content types, which a server reads once.
    client.get(url_of(Article.objects.order_by("pk")[1]))
    client.get(url_of(Meeting.objects.order_by("pk")[1]))
    article = Article.objects.order_by("pk")[ARTICLES // 2]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url_of(article)).status_code == 200
    assert len(queries) == ARTICLE_QUERIES
    meeting = Meeting.objects.order_by("pk")[10]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url_of(meeting)).status_code == 200
    assert len(queries) == MEETING_QUERIES


@pytest.mark.slow
@pytest.mark.django_db
def test_search_keeps_its_budget(large_site, client):
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/en/search/", {"q": "generated 4242"}).text
    assert len(queries) == SEARCH_QUERIES
    assert "Generated news item 4242" in html


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 30])
def test_search_query_budget(client, django_assert_num_queries, count):
    project = make_project()
    for n in range(count):
        make_article(title_en=f"Smolyan news {n}").projects.add(project)
    tracking.flush()  # the editors' saves have committed: the index holds them
    with django_assert_num_queries(SEARCH_QUERIES):
        html = client.get("/en/search/", {"q": "smolyan"}).text
    assert "Smolyan news" in html
