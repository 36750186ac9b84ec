"""Addresses remembered per language are the addresses reverse() gives."""

import pytest
from django.urls import get_script_prefix, reverse, set_script_prefix
from django.utils import translation

from publishing.addresses import address
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def script_prefix():
    before = get_script_prefix()
    yield
    set_script_prefix(before)


def test_an_item_has_the_address_of_its_language(client):
    article = make_article(slug_bg="novina", slug_en="news-item")
    with translation.override("bg"):
        assert article.get_absolute_url() == "/bg/novini/novina/"
    with translation.override("en"):
        assert article.get_absolute_url() == "/en/news/news-item/"
    # And again, now remembered, in the other order.
    with translation.override("bg"):
        assert article.get_absolute_url() == "/bg/novini/novina/"
    assert client.get("/en/news/").text.count('href="/en/news/news-item/"') >= 1


def test_a_changed_slug_has_its_new_address():
    article = make_article(slug_en="before")
    with translation.override("en"):
        assert article.get_absolute_url() == "/en/news/before/"
        article.slug_en = "after"
        assert article.get_absolute_url() == "/en/news/after/"


def test_a_site_under_a_path_has_addresses_under_it(script_prefix):
    with translation.override("en"):
        assert address("news:article-detail", slug="x") == "/en/news/x/"
        set_script_prefix("/portal/")
        assert address("news:article-detail", slug="x") == "/portal/en/news/x/"
        assert address("news:article-detail", slug="x") == reverse(
            "news:article-detail", kwargs={"slug": "x"}
        )
