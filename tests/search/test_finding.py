"""What a search finds and in what order, on items made for each rule."""

import datetime

import pytest
from django.utils import timezone

from knowledge.models import Topic
from tests.factories import make_article, make_meeting, make_partner, make_session
from tests.search.conftest import result_titles, search_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_the_items_of_each_rule():
    """The topics the migrations seed ("Positive energy blocks and districts") leave the index."""
    Topic.objects.all().delete()


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Разговор след срещата", "среща"),
        ("Разговор след срещата", "срещи"),
        ("Три срещи за година", "срещата"),
        ("Обиколка на басейна", "басейн"),
        ("Цената на енергията", "енергия"),
        ("Енергийна ефективност", "енергия"),
        ("Гости от Кърджали", "КЪРДЖАЛИ"),
        ("ГОСТИ ОТ КЪРДЖАЛИ", "кърджали"),
    ],
)
def test_bulgarian_forms_and_case_find_each_other(client, stored, typed):
    make_article(title_bg=stored, title_en="")
    assert result_titles(search_page(client, "bg", q=typed)) == [stored]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Three meetings a year", "meeting"),
        ("A meeting in Písek", "pisek"),
        ("A meeting in Pisek", "Písek"),
        ("Districts that make energy", "district"),
    ],
)
def test_english_forms_and_accents_find_each_other(client, stored, typed):
    make_article(title_bg="Статия", title_en=stored)
    assert result_titles(search_page(client, "en", q=typed)) == [stored]


@pytest.mark.parametrize("typed", ["Zahariev", "Shiroka Laka", "shiroka laka", "Kardzhali"])
def test_latin_letters_find_cyrillic_names(client, typed):
    make_article(
        title_bg="Гости в Кърджали",
        title_en="",
        body_bg="<p>Марин Захариев откри срещата в Широка лъка.</p>",
    )
    assert result_titles(search_page(client, "en", q=typed)) == ["Гости в Кърджали"]


def test_an_item_in_the_other_language_only_is_found_and_marked(client):
    make_article(title_bg="Само на български", title_en="", body_en="", summary_en="")
    html = search_page(client, "en", q="български").content.decode()
    assert 'lang="bg"' in html
    assert "in Bulgarian" in html
    assert "Само на български" in html


def test_a_typo_is_forgiven_and_said(client):
    make_partner(name_bg="Трондхайм", name_en="Trondheim", city_en="Trondheim")
    response = search_page(client, "en", q="trondhiem")
    assert result_titles(response) == ["Trondheim"]
    assert "“trondhiem” → trondheim" in response.content.decode()


def test_did_you_mean_offers_a_close_word_that_finds_something(client):
    make_partner(name_bg="Трондхайм", name_en="Trondheim", city_en="Trondheim")
    response = search_page(client, "en", q="trondheimska")
    html = response.content.decode()
    assert result_titles(response) == []
    assert 'Did you mean: <a href="?q=trondheim">trondheim</a>?' in html


def test_did_you_mean_is_not_offered_from_a_draft(client):
    make_article(title_en="Trondheim", status="draft")
    html = search_page(client, "en", q="trondheimska").content.decode()
    assert "Did you mean" not in html


def test_the_title_ranks_above_the_body(client):
    make_article(title_en="About pools", published_at=days_ago(30))
    make_article(
        title_en="Newer", body_en="<p>Something about pools.</p>", published_at=days_ago(1)
    )
    assert result_titles(search_page(client, "en", q="pool")) == ["About pools", "Newer"]


def test_recent_ranks_above_old_at_equal_relevance(client):
    make_article(title_en="Pools, old", published_at=days_ago(30))
    make_article(title_en="Pools, new", published_at=days_ago(1))
    make_article(title_en="Pools, middle", published_at=days_ago(10))
    assert result_titles(search_page(client, "en", q="pools")) == [
        "Pools, new",
        "Pools, middle",
        "Pools, old",
    ]


def test_a_phrase_in_quotes_ranks_above_scattered_words(client):
    make_article(
        title_en="Together", body_en="<p>Positive energy blocks.</p>", published_at=days_ago(9)
    )
    make_article(
        title_en="Scattered",
        body_en="<p>Energy that is positive for all.</p>",
        published_at=days_ago(1),
    )
    assert result_titles(search_page(client, "en", q="positive energy")) == [
        "Scattered",
        "Together",
    ]
    assert result_titles(search_page(client, "en", q='"positive energy"')) == [
        "Together",
        "Scattered",
    ]


def test_every_word_must_be_found(client):
    make_article(title_en="Positive energy districts")
    make_article(title_en="Energy efficiency")
    assert result_titles(search_page(client, "en", q="ENERGY districts")) == [
        "Positive energy districts"
    ]


def test_sessions_and_their_leaders_make_the_meeting_findable(client):
    partner = make_partner(name_bg="Институт Пример", name_en="Example Institute")
    meeting = make_meeting(title_en="Spring meeting")
    session = make_session(meeting, speakers_en="Ada Lovelace, engineer")
    session.led_by.add(partner)
    assert result_titles(search_page(client, "en", q="Lovelace")) == ["Spring meeting"]
    assert "Spring meeting" in result_titles(search_page(client, "en", q="Example Institute"))
