"""The public notice of an out-of-date translation, both ways, and states after a revert."""

import pytest
import reversion
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from publishing.staleness import mark_reviewed
from publishing.translation_status import states_of_item
from tests.admin_support import form_data, make_editor
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def page(client, article, language):
    with translation.override(language):
        url = article.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), url


def test_an_english_page_says_the_bulgarian_changed_and_links_to_it(client):
    article = make_article(title_bg="Новина", title_en="News")
    article.body_bg = "<p>Текст.</p><p>Нов абзац.</p>"
    article.save()
    html, _url = page(client, article, "en")
    _bg_html, bg_url = page(client, article, "bg")
    assert "The Bulgarian version was updated on " in html
    assert "this English text may not include the change." in html
    assert f'<a href="{bg_url}" hreflang="bg">Read the Bulgarian version</a>' in html
    assert "Версията на английски" not in _bg_html


def test_a_bulgarian_page_says_the_english_changed_and_links_to_it(client):
    article = make_article(title_bg="Новина", title_en="News")
    article.summary_en = "A corrected summary."
    article.save()
    html, _url = page(client, article, "bg")
    _en_html, en_url = page(client, article, "en")
    assert "Версията на английски е обновена на " in html
    assert "текстът на български може да не включва промяната." in html
    assert f'<a href="{en_url}" hreflang="en">Прочетете версията на английски</a>' in html
    assert "The Bulgarian version" not in _en_html


def test_no_notice_once_the_translation_follows_or_is_reviewed(client):
    article = make_article()
    article.body_bg = "<p>Друго.</p>"
    article.save()
    article.body_en = "<p>Other.</p>"
    article.save()
    html, _url = page(client, article, "en")
    assert "notice--stale-translation" not in html
    # The translation caught up with its source: the source is not out of date either.
    bg_html, _url = page(client, article, "bg")
    assert "notice--stale-translation" not in bg_html


def test_a_review_takes_the_notice_off_a_cached_page(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    article = make_article()
    article.body_bg = "<p>Друго.</p>"
    article.save()
    assert "notice--stale-translation" in page(client, article, "en")[0]
    mark_reviewed(article, "en")
    assert "notice--stale-translation" not in page(client, article, "en")[0]


def test_missing_text_keeps_the_bulgarian_only_notice(client):
    article = make_article(body_en="")
    html, _url = page(client, article, "en")
    assert "This item is available in Bulgarian only." in html
    assert "notice--stale-translation" not in html


def revert(client, article, version):
    url = reverse("admin:news_article_revision", args=[article.pk, version.pk])
    response = client.get(url)
    assert client.post(url, form_data(response)).status_code == 302


def test_reverting_the_source_makes_the_translation_current_again(client):
    client.force_login(make_editor())
    with reversion.create_revision():
        article = make_article(body_bg="<p>Първи.</p>", body_en="<p>First.</p>")
    first = Version.objects.get_for_object(article).get()
    with reversion.create_revision():
        article.body_bg = "<p>Първи. Втори.</p>"
        article.save()
    assert states_of_item(article)["en"].state == "stale"
    revert(client, article, first)
    article.refresh_from_db()
    assert article.body_bg == "<p>Първи.</p>"
    assert states_of_item(article)["en"].state == "current"
    assert states_of_item(article)["bg"].state == "current"


def test_reverting_a_translation_to_its_old_text_makes_it_stale_again(client):
    client.force_login(make_editor())
    with reversion.create_revision():
        article = make_article(body_bg="<p>Първи.</p>", body_en="<p>First.</p>")
    with reversion.create_revision():
        article.body_bg = "<p>Първи. Втори.</p>"
        article.save()
    stale = Version.objects.get_for_object(article).first()
    with reversion.create_revision():
        article.body_en = "<p>First. Second.</p>"
        article.save()
    assert states_of_item(article)["en"].state == "current"
    revert(client, article, stale)
    article.refresh_from_db()
    assert article.body_en == "<p>First.</p>"
    assert states_of_item(article)["en"].state == "stale"
    assert states_of_item(article)["bg"].state == "current"
