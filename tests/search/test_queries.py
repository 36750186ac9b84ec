"""The query table: what a visitor types, and what must come first, over the demo content.

The suite runs on SQLite and on PostgreSQL, so the same table holds on both databases.
Every query the issue quotes is here, with its English counterpart.
"""

import re

import pytest

from search.models import IndexEntry
from tests.search.conftest import result_titles, search_page

pytestmark = pytest.mark.django_db

MEETING_BG = "Работна среща по +CityxChange в Смолян"
MEETING_EN = "+CityxChange working meeting in Smolyan"
ARTICLE_BG = "Партньорите по +CityxChange се събраха в Смолян за двудневна работна среща"
ARTICLE_EN = "Smolyan hosts its +CityxChange partners for a two-day working meeting"
PROGRAMME_BG = "Програма на работната среща (на английски)"
PROGRAMME_EN = "Programme of the working meeting"
NOTES_EN = "Notes of the discussion at Sky Hub Smolyan"
BLOCK_BG = "Позитивно енергийният блок на Смолян: градският басейн и спортната зала"
BLOCK_EN = "Smolyan's positive energy block: the city swimming pool and sports hall"
COOKBOOK_EN = "The PED cookbook: a guide to positive energy districts"
CONCEPT_BG = "Инвестиционна концепция за втори позитивно енергиен квартал в Смолян"
CONCEPT_EN = "An investment concept for a second positive energy district in Smolyan"

# (language of the page, what is typed, the first result)
QUERY_TABLE = [
    # The pool the partners visited is a solution whose title names it.
    ("bg", "басейн", BLOCK_BG),
    ("bg", "басейна", BLOCK_BG),
    ("en", "pool", BLOCK_EN),
    ("en", "swimming pool", BLOCK_EN),
    # Who opened the meeting: a speaker of its first session.
    ("bg", "Захариев", MEETING_BG),
    ("en", "Zahariev", MEETING_EN),
    ("bg", "Zahariev", MEETING_BG),
    ("bg", "Широка лъка", MEETING_BG),
    ("en", "Shiroka Laka", MEETING_EN),
    ("bg", "Shiroka Laka", MEETING_BG),
    # Písek without its accent, and in Cyrillic.
    ("en", "Pisek", "Písek"),
    ("bg", "Pisek", "Писек"),
    ("bg", "Писек", "Писек"),
    # Typos.
    ("en", "trondhiem", "Trondheim"),
    ("bg", "trondhiem", "Трондхайм"),
    ("bg", "Трондхейм", "Трондхайм"),
    # Word forms: "енергия" meets "енергиен", "енергийни"; a title beats a body, and the
    # newest of the titles comes first: a solution card.
    ("bg", "енергия", BLOCK_BG),
    ("bg", "енергията", BLOCK_BG),
    ("en", "energy", BLOCK_EN),
    # Three titles say "meeting"; the two published last come first.
    ("bg", "среща", ARTICLE_BG),
    ("bg", "срещата", ARTICLE_BG),
    ("bg", "срещи", ARTICLE_BG),
    ("en", "meeting", ARTICLE_EN),
    ("en", "meetings", ARTICLE_EN),
    # Case, and a Latin name for a Cyrillic one; the title that is the query comes first.
    ("bg", "СМОЛЯН", "Смолян"),
    ("bg", "смолян", "Смолян"),
    ("en", "SMOLYAN", "Smolyan"),
    ("en", "Smolyan", "Smolyan"),
    ("bg", "Smolyan", "Смолян"),
    # A phrase in quotes: the solution card of the EUCF concept, then its project.
    ("en", '"positive energy district"', CONCEPT_EN),
    ("bg", '"позитивно енергиен квартал"', CONCEPT_BG),
    # The text inside the documents' files: only the files name the weekdays.
    ("en", "Tuesday", PROGRAMME_EN),
    ("bg", "вторник", "Обобщение на сесиите"),
    # The cookbook is a solution now; the notes, whose file names it, follow it.
    ("en", "cookbook", COOKBOOK_EN),
    # The portal's own pages.
    ("en", "privacy", "Privacy notice"),
    ("bg", "бисквитки", "Поверителност"),
    ("en", "cookies", "Privacy notice"),
    ("en", "accessibility", "Accessibility statement"),
    ("bg", "достъпност", "Декларация за достъпност"),
]


@pytest.mark.parametrize(("language", "typed", "first"), QUERY_TABLE)
def test_the_first_result(demo, client, language, typed, first):
    titles = result_titles(search_page(client, language, q=typed))
    assert titles[:1] == [first], titles


@pytest.mark.parametrize(
    ("language", "typed"), [("bg", "енергия"), ("bg", "енергийни"), ("en", "energy")]
)
def test_energy_finds_the_flagship_article(demo, client, language, typed):
    titles = result_titles(search_page(client, language, q=typed))
    assert (ARTICLE_BG if language == "bg" else ARTICLE_EN) in titles


@pytest.mark.parametrize("typed", ["среща", "срещата", "срещи"])
def test_each_form_of_meeting_finds_the_same_items(demo, client, typed):
    titles = result_titles(search_page(client, "bg", q=typed))
    # The article says "срещата", the meeting's report "Срещата", the programme "среща".
    assert {MEETING_BG, ARTICLE_BG, PROGRAMME_BG} <= set(titles)


def test_the_demo_loader_leaves_the_index_built(demo):
    indexed = set(IndexEntry.objects.values_list("source", flat=True))
    assert indexed == {
        "news.article",
        "events.meeting",
        "partners.partner",
        "projects.project",
        "documents.document",
        "knowledge.solution",
        "knowledge.topic",
        "smolyan_portal.accessibility",
        "smolyan_portal.privacy",
    }
    assert IndexEntry.objects.filter(source="partners.partner", language="en").count() == 16
    notes = IndexEntry.objects.get(source="documents.document", language="en", title=NOTES_EN)
    assert "Следващи стъпки" in notes.text.file_text


@pytest.mark.parametrize(("language", "typed"), [("bg", "Смолян"), ("en", "Smolyan")])
def test_the_sites_own_pages_are_two_type_filters_with_two_names(demo, client, language, typed):
    """Each page is a filter of its own: "Page (1)" twice would read as one filter twice."""
    html = search_page(client, language, q=typed).content.decode()
    labels = re.findall(r'type=smolyan_portal\.\w+">([^<]+) \(1\)</a>', html)
    assert len(labels) == 2
    assert len(set(labels)) == 2
