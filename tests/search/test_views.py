"""The results page: count, facets, snippets, pages, odd input, its query budget."""

import datetime
import re

import pytest
from django.utils import timezone

from search import tracking
from tests.factories import make_article, make_document, make_meeting, make_partner, make_project
from tests.search.conftest import result_titles, result_urls, search_page

pytestmark = pytest.mark.django_db

MAX_QUERIES = 5


def at(year, month=6, day=1):
    return datetime.datetime(year, month, day, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def mixed():
    """Items of several types, projects and years that all mention heat pumps."""
    pumps = make_project(title_en="Heat Pumps", acronym="HP")
    grid = make_project(title_en="Smart Grid", acronym="SG")
    make_project(title_en="Hidden", acronym="HID", status="draft")
    for year, projects in ((2021, [pumps]), (2022, [pumps, grid]), (2023, [grid])):
        article = make_article(
            title_en=f"Heat pumps in {year}",
            body_en="<p>We installed a <b>heat pump</b> & measured it.</p>",
            published_at=at(year),
        )
        article.projects.set(projects)
    make_meeting(
        title_en="Heat pump workshop",
        start_date=datetime.date(2022, 5, 3),
        end_date=datetime.date(2022, 5, 3),
        project=pumps,
    )
    make_document(title_en="Heat pump report", published_at=at(2023), project=grid)
    make_partner(name_en="Heat Pump Association")
    tracking.flush()  # saved as an editor's transaction commits: indexed before any search
    return {"pumps": pumps, "grid": grid}


def html_of(response):
    return response.content.decode()


def test_the_page_shows_count_types_dates_projects_and_marked_snippets(client, mixed):
    response = search_page(client, "en", q="heat pump")
    html = html_of(response)
    assert response.status_code == 200
    assert "7 results for “heat pump”" in html
    assert '<meta name="robots" content="noindex">' in html
    # Titles that are nothing but the words come first.
    assert result_titles(response)[:2] == ["Heat Pumps", "Heat Pump Association"]
    first_article = html[html.index(">Heat pumps in 2022<") :]
    meta = first_article[: first_article.index("</li>")]
    assert '<span class="search-result__type">Article</span>' in meta
    assert '<time datetime="2022-06-01">1\xa0June\xa02022</time>' in meta
    assert "HP, SG" in meta
    # Marked words, and the rest of the text escaped as it was written.
    assert "We installed a <mark>heat</mark> <mark>pump</mark> &amp; measured it." in meta


def test_facets_count_by_type_project_and_year_and_combine(client, mixed):
    html = html_of(search_page(client, "en", q="heat pump"))
    assert re.search(r'href="\?q=heat\+pump&amp;type=news.article">Article \(3\)</a>', html)
    assert re.search(r'href="\?q=heat\+pump&amp;type=events.meeting">Meeting \(1\)</a>', html)
    pumps, grid = mixed["pumps"].pk, mixed["grid"].pk
    assert f'href="?q=heat+pump&amp;project={pumps}">HP (4)</a>' in html
    assert f'href="?q=heat+pump&amp;project={grid}">SG (3)</a>' in html
    assert "HID" not in html  # a draft project is no facet
    assert 'year=2022">2022 (2)</a>' in html

    narrowed = search_page(client, "en", q="heat pump", type="news.article", project=grid)
    assert result_titles(narrowed) == ["Heat pumps in 2023", "Heat pumps in 2022"]
    html = html_of(narrowed)
    assert "2 results for “heat pump”" in html
    assert 'aria-current="true">SG (2)</a>' in html
    # Other values of a chosen facet are counted as if it were not chosen.
    assert f'project={pumps}">HP (2)</a>' in html
    assert f'href="?q=heat+pump&amp;project={grid}">All</a>' in html
    both = search_page(client, "en", q="heat pump", type="news.article", year="2021")
    assert result_titles(both) == ["Heat pumps in 2021"]


@pytest.mark.parametrize(
    "params",
    [{"type": "nonsense"}, {"project": "abc"}, {"year": "-1"}, {"year": "99999999999999999999"}],
)
def test_a_filter_that_makes_no_sense_is_left_out_with_a_message(client, mixed, params):
    response = search_page(client, "en", q="heat pump", **params)
    assert response.status_code == 200
    assert "A filter in the address was not understood and is left out." in html_of(response)
    assert len(result_titles(response)) == 7


def test_results_come_in_pages_of_twenty(client):
    for n in range(25):
        make_article(
            title_en=f"Solar roof {n}", published_at=timezone.now() - datetime.timedelta(days=n + 1)
        )
    first = search_page(client, "en", q="solar")
    assert len(result_titles(first)) == 20
    assert "25 results" in html_of(first)
    assert "Page 1 of 2" in html_of(first)
    second = search_page(client, "en", q="solar", page="2")
    assert result_titles(second) == [f"Solar roof {n}" for n in range(20, 25)]
    assert 'start="21"' in html_of(second)
    for page in ("999", "99999999999999999999999", "-1", "abc", "0"):
        response = search_page(client, "en", q="solar", page=page)
        assert response.status_code == 200
    assert result_titles(search_page(client, "en", q="solar", page="999")) == result_titles(second)
    assert result_titles(search_page(client, "en", q="solar", page="abc")) == result_titles(first)


def test_a_search_runs_at_most_five_queries(client, mixed, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = search_page(client, "en", q="heat pumps", project=mixed["pumps"].pk)
    assert len(result_titles(response)) == 4
    with django_assert_max_num_queries(MAX_QUERIES):
        html = html_of(search_page(client, "en", q="heatpumpz"))
    assert "0 results" in html
    with django_assert_max_num_queries(MAX_QUERIES):
        search_page(client, "bg", q="„топлинна помпа“ trondhiem smolyan")


def test_results_link_to_the_page_in_the_language_of_the_entry(client):
    article = make_article(title_bg="Термопомпа", title_en="Heat pump")
    assert result_urls(search_page(client, "en", q="pump")) == ["/en/news/heat-pump/"]
    assert result_urls(search_page(client, "bg", q="термопомпа")) == [
        f"/bg/novini/{article.slug_bg}/"
    ]


def test_the_page_speaks_bulgarian(client, mixed):
    html = html_of(search_page(client, "bg", q="heat pump"))
    assert "7 резултата за „heat pump“" in html
    assert "Стеснете резултатите" in html
    # The items are shown in Bulgarian; the passage that matched is in English, and says so.
    assert '<p class="search-result__snippet" lang="en">' in html


def test_an_empty_search_shows_the_form_only(client):
    response = search_page(client, "en", q="   ")
    assert response.status_code == 200
    assert result_titles(response) == []
    assert "results for" not in html_of(response)


ODD_QUERIES = [
    "%",
    "_",
    "%_%",
    "'",
    '"',
    "''",
    '"unbalanced',
    "' OR 1=1 --",
    "'; DROP TABLE search_indexentry; --",
    "SELECT * FROM search_indexentry",
    "<script>alert(1)</script>",
    "<b>bold</b> & more",
    "NEAR(a b)",
    "AND OR NOT",
    "title_terms:pump",
    "{title_terms}: x",
    "pump*",
    "^pump",
    "a:*",
    "'pump' <-> 'heat'",
    "\\",
    "😀 🚀",
    "x" * 3000,
    "pump " * 40,
]


@pytest.mark.parametrize("typed", ODD_QUERIES, ids=range(len(ODD_QUERIES)))
@pytest.mark.parametrize("language", ["bg", "en"])
def test_odd_input_gets_a_page_with_a_message(client, mixed, typed, language):
    response = search_page(client, language, q=typed)
    assert response.status_code == 200
    html = html_of(response)
    assert 'role="status"' in html
    assert "<script>alert" not in html and "<b>bold" not in html
    assert "\x00" not in html


def test_what_was_typed_is_escaped(client):
    html = html_of(search_page(client, "en", q="<b>bold</b> & more"))
    assert "0 results for “&lt;b&gt;bold&lt;/b&gt; &amp; more”" in html
    assert 'value="&lt;b&gt;bold&lt;/b&gt; &amp; more"' in html


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("bg", "Адресът или данните от формуляра не могат да бъдат разчетени"),
        ("en", "The address or the form data could not be understood"),
    ],
)
def test_nul_broken_utf8_and_lone_surrogates_get_the_bad_request_page(client, language, message):
    # No person types these: the site answers them before any view, in the visitor's language.
    for raw in ("q=a%00b", "q=%00", "q=%ED%A0%80", "q=%FF%FE", "q=%C0"):
        response = client.get(f"/{language}/search/", QUERY_STRING=raw)
        assert response.status_code == 400
        html = html_of(response)
        assert message in html and "\x00" not in html


def test_an_overlong_search_is_refused_with_a_message(client):
    html = html_of(search_page(client, "en", q="x" * 3000))
    assert "The search is longer than 200 characters" in html
    main = html[html.index("<main") : html.index("</main>")]
    assert "x" * 201 not in main


def test_only_the_first_ten_words_are_looked_for(client):
    make_article(title_en="One two three four five six seven eight nine ten")
    html = html_of(
        search_page(client, "en", q="one two three four five six seven eight nine ten eleven")
    )
    assert "Only the first 10 words were looked for." in html
    assert "1 result for" in html
