"""Alphabetical order as the reader of the page expects it."""

import pytest

from publishing.collation import sort_key
from tests.factories import make_partner

NAMES = [
    "Трондхайм",
    "„Арексим“",
    "OV Group",
    "Йоан",
    "Иван",
    "Алба Юлия",
    "Písek",
    "Scalable Cities",
    "Въру",
    "„Плеядес България“ ООД",
    "Pz",
]


def test_bulgarian_order_ignores_quotes_and_puts_cyrillic_first():
    assert sorted(NAMES, key=lambda name: sort_key(name, "bg")) == [
        "Алба Юлия",
        "„Арексим“",
        "Въру",
        "Иван",
        "Йоан",  # й is a letter of its own, after и
        "„Плеядес България“ ООД",
        "Трондхайм",
        "OV Group",
        "Písek",  # with the P's: a mark does not move a letter
        "Pz",
        "Scalable Cities",
    ]


def test_english_order_puts_latin_first():
    ordered = sorted(NAMES, key=lambda name: sort_key(name, "en"))
    assert ordered[:4] == ["OV Group", "Písek", "Pz", "Scalable Cities"]
    assert ordered[4:6] == ["Алба Юлия", "„Арексим“"]


def test_case_does_not_matter_but_order_is_stable():
    assert sorted(["b", "A", "a", "B"], key=lambda name: sort_key(name, "en")) == [
        "A",
        "a",
        "B",
        "b",
    ]


@pytest.mark.django_db
def test_the_partners_page_lists_a_quoted_name_under_its_first_letter(client):
    for name in ("Въру", "„Арексим“", "Бургас"):
        make_partner(name_bg=name, name_en=name)
    page = client.get("/bg/partnyori/").text
    positions = [page.index(f">{name}</a>") for name in ("„Арексим“", "Бургас", "Въру")]
    assert positions == sorted(positions)
