"""Countries by their official short names, in Bulgarian and in English."""

import re

import pytest
from django.utils import translation
from django_countries import countries
from django_countries.fields import Country

from partners.countries import COUNTRY_NAMES
from tests.factories import make_partner

EU_MEMBER_STATES = (
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)


@pytest.mark.parametrize(
    ("code", "bulgarian", "english"),
    [
        ("NL", "Нидерландия", "Netherlands"),
        ("CZ", "Чехия", "Czechia"),
        ("DK", "Дания", "Denmark"),
        ("LV", "Латвия", "Latvia"),
        ("ME", "Черна гора", "Montenegro"),
        ("GE", "Грузия", "Georgia"),
        ("GB", "Обединеното кралство", "United Kingdom"),
        ("US", "Съединените щати", "United States"),
    ],
)
def test_a_country_has_its_official_short_name(code, bulgarian, english):
    with translation.override("bg"):
        assert Country(code).name == bulgarian
    with translation.override("en"):
        assert Country(code).name == english


def test_the_list_covers_the_eu_and_its_neighbours():
    assert set(EU_MEMBER_STATES) <= set(COUNTRY_NAMES)
    assert {"NO", "IS", "CH", "GB", "UA", "MD", "RS", "MK", "AL", "BA", "ME", "TR"} <= set(
        COUNTRY_NAMES
    )


def test_every_listed_name_is_translated_and_spelled_as_a_name():
    word = re.compile(r"^[А-Я][а-я]*$")
    with translation.override("bg"):
        for code in COUNTRY_NAMES:
            name = str(countries.name(code))
            # Cyrillic, and a capital only where a word of a name starts ("ЛАтвия" is not).
            words = [part for part in name.split() if part not in {"и"}]
            assert all(word.match(part) or part.islower() for part in words), name
            assert word.match(words[0]), name


@pytest.mark.django_db
def test_pages_name_the_country_officially(client):
    make_partner(name_bg="Институт ISOCARP", country="NL")
    assert "Нидерландия" in client.get("/bg/partnyori/").text
    assert "Холандия" not in client.get("/bg/partnyori/").text
