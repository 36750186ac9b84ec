"""RSS and Atom feeds of the news, read back with an independent parser (feedparser)."""

import datetime
import html

import feedparser
import pytest
from django.utils import timezone

from publishing.models import Status
from tests.factories import make_article, make_project, published

pytestmark = pytest.mark.django_db

FEEDS = ["rss.xml", "atom.xml"]
LISTS = {"bg": "/bg/novini/", "en": "/en/news/"}


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


def days_ago(days, **overrides):
    moment = timezone.now() - datetime.timedelta(days=days)
    return make_article(**published(published_at=moment, **overrides))


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_news_feed_is_in_the_language_of_its_address(client, language, name):
    days_ago(2, title_bg="Среща в Смолян", title_en="Meeting in Smolyan", author="Мария")
    days_ago(1, title_bg="Нов проект", title_en="A new project")

    response, feed = read(client, f"{LISTS[language]}{name}")

    expected_type = "application/atom+xml" if name == "atom.xml" else "application/rss+xml"
    assert response["Content-Type"].startswith(expected_type)
    assert feed.version == ("atom10" if name == "atom.xml" else "rss20")
    assert feed.feed.language == language
    titles = [entry.title for entry in feed.entries]
    if language == "bg":
        assert titles == ["Нов проект", "Среща в Смолян"]
        assert feed.feed.title == "Новини · Европейските проекти на Смолян"
    else:
        assert titles == ["A new project", "Meeting in Smolyan"]
        assert feed.feed.title == "News · EU projects of Smolyan"
    # RSS's description, Atom's subtitle.
    assert feed.feed.subtitle == (
        "Новините по европейските градски проекти на Община Смолян."
        if language == "bg"
        else "News of the Municipality of Smolyan's EU city projects."
    )
    assert feed.feed.link == f"http://testserver{LISTS[language]}"


@pytest.mark.parametrize("name", FEEDS)
def test_entries_carry_link_summary_dates_and_a_stable_id(client, name):
    moment = timezone.now().replace(microsecond=0) - datetime.timedelta(days=3)
    article = make_article(
        title_en="Tom & Jerry <b>visit</b>",
        summary_en='Less < more & "quotes"',
        author="Ivan Petrov",
        **published(published_at=moment),
    )
    project = make_project(acronym="PED")
    article.projects.add(project)

    _response, feed = read(client, f"/en/news/{name}")
    entry = feed.entries[0]

    assert entry.title == "Tom & Jerry <b>visit</b>"
    assert html.unescape(entry.summary) == 'Less < more & "quotes"'
    assert entry.link == f"http://testserver{article.get_absolute_url()}"
    assert entry.id == f"tag:euprojects.smolyan.bg,2023:article/{article.pk}/en"
    published_at = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert published_at == moment
    assert entry.author == "Ivan Petrov"
    assert [tag.term for tag in entry.tags] == ["PED"]

    # A new title and address keep the entry's id.
    article.title_en, article.slug_en = "Renamed", ""
    article.save()
    _response, feed = read(client, f"/en/news/{name}")
    assert feed.entries[0].id == entry.id
    assert feed.entries[0].link.endswith("/en/news/renamed/")


@pytest.mark.parametrize("name", FEEDS)
def test_the_feed_holds_neither_drafts_nor_scheduled_articles(client, name):
    days_ago(1, title_en="Published")
    make_article(title_en="Draft", status=Status.DRAFT)
    make_article(
        title_en="Scheduled",
        **published(published_at=timezone.now() + datetime.timedelta(days=1)),
    )
    _response, feed = read(client, f"/en/news/{name}")
    assert [entry.title for entry in feed.entries] == ["Published"]


@pytest.mark.parametrize("name", FEEDS)
def test_the_english_feed_leaves_out_articles_written_only_in_bulgarian(client, name):
    days_ago(1, title_bg="Само на български", title_en="", summary_en="")
    days_ago(2, title_bg="На два езика", title_en="In two languages")

    _response, english = read(client, f"/en/news/{name}")
    _response, bulgarian = read(client, f"/bg/novini/{name}")

    assert [entry.title for entry in english.entries] == ["In two languages"]
    assert [entry.title for entry in bulgarian.entries] == ["Само на български", "На два езика"]


def test_the_feed_holds_the_twenty_newest_articles(client):
    for n in range(25):
        days_ago(n, title_en=f"Item {n}")
    _response, feed = read(client, "/en/news/rss.xml")
    assert [entry.title for entry in feed.entries] == [f"Item {n}" for n in range(20)]


@pytest.mark.parametrize("name", FEEDS)
def test_a_projects_feed_holds_its_news_only(client, name):
    project = make_project(title_bg="Положителни градове", title_en="Positive cities", acronym="")
    ours = days_ago(1, title_en="Ours")
    ours.projects.add(project)
    days_ago(2, title_en="Another project's")

    _response, feed = read(client, f"/en/news/projects/positive-cities/{name}")

    assert [entry.title for entry in feed.entries] == ["Ours"]
    assert feed.feed.title == "News of Positive cities · EU projects of Smolyan"
    assert feed.feed.link == "http://testserver/en/projects/positive-cities/"
    assert feed.feed.subtitle == "News of the project Positive cities."
    _response, feed = read(client, f"/bg/novini/proekti/polozhitelni-gradove/{name}")
    assert feed.feed.language == "bg"
    assert feed.feed.title == "Новини по Положителни градове · Европейските проекти на Смолян"


def test_the_feed_of_an_unknown_or_draft_project_is_not_found(client):
    make_project(title_en="Hidden", status=Status.DRAFT)
    assert client.get("/en/news/projects/hidden/rss.xml").status_code == 404
    assert client.get("/en/news/projects/no-such-project/atom.xml").status_code == 404


def test_the_news_list_links_its_feeds_visibly_and_every_page_advertises_them(client):
    html_text = client.get("/en/news/").content.decode()
    assert '<a href="/en/news/rss.xml" type="application/rss+xml">News feed (RSS)</a>' in html_text
    assert '<a href="/en/news/atom.xml" type="application/atom+xml">' in html_text
    for url in ["/en/", "/bg/sreshti/", "/en/accessibility/"]:
        page = client.get(url).content.decode()
        language = url.split("/")[1]
        assert (
            f'<link rel="alternate" type="application/rss+xml" title="'
            f'{"Новини" if language == "bg" else "News"} (RSS)" href="{LISTS[language]}rss.xml">'
        ) in page, url
        assert 'type="application/atom+xml" title="' in page, url


# Query budgets: the same number of queries for one article and for twenty.

FEED_QUERIES = 2  # articles, their projects


@pytest.mark.parametrize("count", [1, 20])
@pytest.mark.parametrize("name", FEEDS)
def test_feed_query_budget(client, django_assert_num_queries, name, count):
    project = make_project()
    for n in range(count):
        article = days_ago(n)
        article.projects.add(project, make_project())
    with django_assert_num_queries(FEED_QUERIES):
        assert client.get(f"/en/news/{name}").status_code == 200


PROJECT_FEED_QUERIES = 3  # the project, its articles, their projects


@pytest.mark.parametrize("count", [1, 20])
def test_project_feed_query_budget(client, django_assert_num_queries, count):
    project = make_project(title_en="Busy")
    for n in range(count):
        days_ago(n).projects.add(project, make_project())
    with django_assert_num_queries(PROJECT_FEED_QUERIES):
        assert client.get("/en/news/projects/busy/atom.xml").status_code == 200


@pytest.mark.parametrize("name", FEEDS)
def test_a_feed_is_sent_in_one_piece(client, name):
    days_ago(2, title_bg="Среща в Смолян", title_en="Meeting in Smolyan")
    days_ago(1, title_bg="Нов проект", title_en="A new project")

    response = client.get(f"/en/news/{name}")

    # What the server writes to the socket, a write for each piece.
    assert len(list(response)) == 1
    assert feedparser.parse(b"".join(response)).entries
