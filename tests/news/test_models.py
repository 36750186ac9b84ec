"""Slugs per language, redirects from old slugs, publishing and sanitising of articles."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from news.models import Article
from publishing.models import Status
from tests.factories import make_article, make_image_file, make_user

pytestmark = pytest.mark.django_db


def test_slugs_are_made_from_each_languages_title():
    article = make_article(
        title_bg="Смолян посрещна партньорите си", title_en="Smolyan hosts its partners"
    )
    assert article.slug_bg == "smolyan-posreshtna-partnyorite-si"
    assert article.slug_en == "smolyan-hosts-its-partners"
    with translation.override("bg"):
        assert article.get_absolute_url() == "/bg/novini/smolyan-posreshtna-partnyorite-si/"
    with translation.override("en"):
        assert article.get_absolute_url() == "/en/news/smolyan-hosts-its-partners/"


def test_a_duplicate_title_gets_a_numbered_slug_in_that_language_only():
    first = make_article(title_bg="Широка лъка", title_en="Shiroka Laka")
    second = make_article(title_bg="Широка лъка", title_en="Shiroka Laka village")
    third = make_article(title_bg="Широка лъка", title_en="Shiroka Laka in June")
    assert first.slug_bg == "shiroka-laka"
    assert second.slug_bg == "shiroka-laka-2"
    assert third.slug_bg == "shiroka-laka-3"
    assert second.slug_en == "shiroka-laka-village"


def test_an_editor_typed_duplicate_slug_is_refused_naming_the_language():
    make_article(title_en="Meeting", slug_en="meeting")
    article = make_article(title_en="Another meeting")
    article.slug_en = "meeting"
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            article.full_clean()
        assert caught.value.message_dict["slug_en"] == [
            "Another article already uses this address in English."
        ]


def test_the_same_slug_in_two_languages_is_allowed():
    make_article(title_bg="Въру", title_en="Other", slug_bg="varu")
    article = make_article(title_bg="Друго", title_en="Varu", slug_en="varu")
    article.full_clean()


def test_an_english_page_without_english_text_uses_the_bulgarian_slug():
    article = make_article(title_bg="Само на български", title_en="", summary_en="")
    assert not article.slug_en
    with translation.override("en"):
        assert article.title == "Само на български"
        assert article.get_absolute_url() == "/en/news/samo-na-balgarski/"


def test_renaming_a_published_slug_redirects_the_old_address(client):
    article = make_article(title_bg="Стар адрес", title_en="Old address")
    article.slug_bg = "nov-adres"
    article.save()
    response = client.get("/bg/novini/star-adres/")
    assert response.status_code == 301
    assert response["Location"] == "/bg/novini/nov-adres/"
    assert client.get("/bg/novini/nov-adres/").status_code == 200
    # The English address did not change.
    assert client.get("/en/news/old-address/").status_code == 200


def test_drafts_and_scheduled_articles_are_hidden_from_visitors(client):
    draft = make_article(status=Status.DRAFT, title_en="A draft")
    scheduled = make_article(
        title_en="Later", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    visible = make_article(title_en="Now")
    assert list(Article.objects.published()) == [visible]
    assert list(Article.objects.scheduled()) == [scheduled]
    for article in (draft, scheduled):
        with translation.override("en"):
            assert client.get(article.get_absolute_url()).status_code == 404


def test_a_scheduled_article_appears_when_its_time_comes():
    article = make_article(published_at=timezone.now() + datetime.timedelta(minutes=5))
    assert not Article.objects.published().filter(pk=article.pk).exists()
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_staff_who_may_change_articles_preview_a_draft(client):
    draft = make_article(status=Status.DRAFT, title_en="A draft")
    editor = make_user(staff=True, permissions=["news.change_article"])
    client.force_login(editor)
    with translation.override("en"):
        response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: this is a draft, which visitors cannot see." in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_staff_without_change_permission_get_404_for_a_draft(client):
    draft = make_article(status=Status.DRAFT)
    client.force_login(make_user(staff=True, permissions=["news.view_article"]))
    with translation.override("bg"):
        assert client.get(draft.get_absolute_url()).status_code == 404


def test_save_sanitises_rich_text_in_both_languages():
    article = make_article(
        body_bg='<p onclick="steal()">Текст<script>alert(1)</script></p>',
        body_en='<p><a href="javascript:alert(1)">link</a> <img src=x onerror=alert(1)></p>',
    )
    article.refresh_from_db()
    assert article.body_bg == "<p>Текст</p>"
    assert "javascript" not in article.body_en
    assert "onerror" not in article.body_en
    assert "<img" not in article.body_en


def test_a_cover_image_needs_alt_text_in_both_languages_unless_decorative():
    article = make_article(cover_image=make_image_file(), cover_image_alt_bg="Илюстрация")
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        article.full_clean()
    assert "cover_image_alt_en" in caught.value.message_dict
    assert "cover_image_alt_bg" not in caught.value.message_dict
    article.cover_image_decorative = True
    article.full_clean()
