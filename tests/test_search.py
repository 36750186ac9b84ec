"""Search the portal in either language, whatever the case of the words."""

import pytest

from publishing.models import Status
from tests.factories import make_article, make_partner

pytestmark = pytest.mark.django_db


def test_a_lower_case_cyrillic_word_finds_a_capitalised_title(client):
    make_article(title_bg="Смолян посрещна партньорите си", title_en="Smolyan hosts")
    html = client.get("/bg/tarsene/", {"q": "смолян"}).content.decode()
    assert "Смолян посрещна партньорите си" in html


def test_words_in_either_language_and_every_word_must_match(client):
    make_article(title_bg="Позитивни енергийни райони", title_en="Positive energy districts")
    make_article(title_bg="Енергийна ефективност", title_en="Energy efficiency")
    html = client.get("/en/search/", {"q": "ENERGY districts"}).content.decode()
    assert "Positive energy districts" in html
    assert "Energy efficiency" not in html
    html = client.get("/en/search/", {"q": "енергийни"}).content.decode()
    assert "Positive energy districts" in html


def test_drafts_are_not_found(client):
    make_article(title_en="Secret plans", status=Status.DRAFT)
    html = client.get("/en/search/", {"q": "secret"}).content.decode()
    assert "Secret plans" not in html
    assert "Nothing matches “secret”." in html


def test_partners_are_found_by_city(client):
    make_partner(name_bg="Община", name_en="Municipality", city_en="Võru", city_bg="Въру")
    html = client.get("/bg/tarsene/", {"q": "въру"}).content.decode()
    assert "<a href=" in html and ">Община</a>" in html


def test_an_overlong_query_is_cut_not_refused(client):
    response = client.get("/en/search/", {"q": "x" * 5000})
    assert response.status_code == 200
    assert 'maxlength="100"' in response.content.decode()
