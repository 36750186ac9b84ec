"""Which items count as translated: one rule for pages, hreflang links, the sitemap and feeds."""

import pytest

from news.models import Article
from publishing.languages import has_translation, translated_filter
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_the_query_and_the_object_agree_on_what_is_translated():
    both = make_article(title_en="In English")
    empty = make_article(title_en="")
    missing = make_article(title_en=None)
    for language in ("bg", "en"):
        found = set(Article.objects.filter(translated_filter(language)))
        expected = {
            article
            for article in (both, empty, missing)
            if language == "bg" or has_translation(article, language)
        }
        assert found == expected, language
    assert set(Article.objects.filter(translated_filter("en"))) == {both}
