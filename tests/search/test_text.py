"""How text is prepared for the index: folding, stemming, transliteration, spelling."""

import pytest
from django.db import connection

from search import bulgarian, text


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Písek", "pisek"),
        ("СМОЛЯН", "смолян"),
        ("Võru", "voru"),
        ("Straße", "strasse"),
        ("Ørsted", "orsted"),
        # "й" is a letter of its own, not an "и" with an accent.
        ("Йордан Родопски", "йордан родопски"),
    ],
)
def test_case_and_accents_are_folded(typed, folded):
    assert text.fold(typed) == folded


@pytest.mark.parametrize(
    "forms",
    [
        ["среща", "срещата", "срещи", "срещите"],
        ["басейн", "басейна", "басейнът", "басейни"],
        ["енергия", "енергията", "енергиен", "енергийна", "енергийни", "енергийните"],
        ["град", "града", "градът", "градове", "градовете"],
        ["позитивен", "позитивна", "позитивни", "позитивния", "позитивният"],
        ["район", "района", "райони", "районите"],
        ["село", "селото"],
        ["опит", "опита", "опитът"],
    ],
)
def test_bulgarian_word_forms_share_a_stem(forms):
    assert len({bulgarian.stem(form) for form in forms}) == 1, [bulgarian.stem(f) for f in forms]


@pytest.mark.parametrize(
    ("first", "second"),
    [("карта", "кратко"), ("път", "пътека"), ("град", "градина"), ("опит", "опитва")],
)
def test_different_words_keep_different_stems(first, second):
    assert bulgarian.stem(first) != bulgarian.stem(second)


def test_short_words_are_left_alone():
    assert [bulgarian.stem(word) for word in ("по", "на", "път", "ден")] == [
        "по",
        "на",
        "път",
        "ден",
    ]


def test_english_word_forms_share_a_stem():
    assert text.terms("meeting meetings") == ["meet", "meet"]
    assert text.terms("districts district") == ["district", "district"]


def test_cyrillic_is_also_indexed_in_latin_letters_in_order():
    assert text.terms("Марин Захариев, Широка лъка") == [
        "марин",
        "захариев",
        "широк",
        "лък",
        "marin",
        "zahariev",
        "shiroka",
        "laka",
    ]
    # The official table, with its rule for "-ия" at the end of a word.
    assert text.vocabulary("България Смолян")["bulgaria"] == "bulgaria"


def test_overlong_runs_are_not_words():
    assert text.words("a" * 41 + " word") == ["word"]


def test_html_becomes_readable_text():
    markup = "<p>One&nbsp;<b>two</b></p><ul><li>three &amp; four</li></ul><form>skip</form>"
    assert text.html_to_text(markup) == "One two\nthree & four"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("first", "second"),
    [("trondhiem", "trondheim"), ("smolian", "smolyan"), ("басеин", "басейн"), ("ab", "xyz")],
)
def test_spelling_similarity_is_the_databases_own(first, second):
    """On PostgreSQL pg_trgm answers; SQLite has ours: they must agree to the last digit."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT similarity(%s, %s)", [first, second])
        (answer,) = cursor.fetchone()
    assert answer == pytest.approx(text.similarity(first, second), abs=1e-6)


def test_edit_distance_counts_a_swap_as_one_typo():
    assert text.edit_distance("trondhiem", "trondheim") == 1
    assert text.edit_distance("limrik", "limerick") == 2
    assert text.edit_distance("", "abc") == 3
