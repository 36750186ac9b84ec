import pytest
from django.urls import reverse
from django.utils import translation

from news.models import Article
from publishing.models import Status
from tests.admin_support import admin_pages, admin_url, form_data
from tests.factories import make_article, make_image_file, make_meeting, make_project

pytestmark = pytest.mark.django_db


def test_every_admin_page_renders(staff_client):
    article = make_article()
    for url in admin_pages(article):
        for language in ("bg", "en"):
            response = staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, (url, language)


def _add_form(client, language):
    response = client.get(admin_url(Article, "add"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return form_data(response)


@pytest.mark.parametrize("language", ["bg", "en"])
def test_add_an_article_through_the_admin(staff_client, language):
    project = make_project()
    meeting = make_meeting()
    data = _add_form(staff_client, language) | {
        "title_bg": "Щастие в Широка лъка",
        "title_en": "Happiness in Shiroka Laka",
        "summary_bg": "Среща на партньорите.",
        "summary_en": "A partner meeting.",
        "body_bg": "<p>Текст <strong>на български</strong>.</p>",
        "body_en": "<p>Text in English.</p>",
        "projects": str(project.pk),
        "meeting": str(meeting.pk),
    }
    response = staff_client.post(admin_url(Article, "add"), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, response.context and response.context["errors"]

    article = Article.objects.get()
    assert article.slug_bg == "shtastie-v-shiroka-laka"
    assert article.slug_en == "happiness-in-shiroka-laka"
    assert article.title_en == "Happiness in Shiroka Laka"
    assert article.body_bg == "<p>Текст <strong>на български</strong>.</p>"
    assert list(article.projects.all()) == [project]
    assert article.meeting == meeting
    assert article.status == Status.DRAFT


def test_an_articles_gallery_is_edited_inline(staff_client):
    article = make_article()
    data = form_data(staff_client.get(admin_url(article, "change"))) | {
        "gallery-TOTAL_FORMS": "1",
        "gallery-0-image": make_image_file("snimka.png"),
        "gallery-0-caption_bg": "Площадът",
        "gallery-0-caption_en": "The square",
        "gallery-0-image_alt_bg": "Хора на площада",
        "gallery-0-image_alt_en": "People in the square",
        "gallery-0-order": "1",
    }
    response = staff_client.post(admin_url(article, "change"), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    image = article.gallery.get()
    assert (image.caption_bg, image.image_alt_en) == ("Площадът", "People in the square")


def test_a_gallery_image_needs_alt_text_in_both_languages(staff_client):
    article = make_article()
    data = form_data(staff_client.get(admin_url(article, "change"))) | {
        "gallery-TOTAL_FORMS": "1",
        "gallery-0-image": make_image_file("snimka.png"),
        "gallery-0-image_alt_bg": "Хора на площада",
        "gallery-0-order": "1",
    }
    response = staff_client.post(admin_url(article, "change"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert list(errors) == ["image_alt_en"]
    assert not article.gallery.exists()


def test_the_admin_form_sanitises_rich_text(staff_client):
    data = _add_form(staff_client, "bg") | {
        "title_bg": "Опит",
        "summary_bg": "Резюме.",
        "body_bg": (
            '<p onclick="steal()">Здравей<script>alert(1)</script>'
            '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">връзка</a>'
            '<a href="https://smolyan.bg/">община</a></p>'
        ),
        "body_en": '<p><iframe src="https://example.com"></iframe>Hello</p>',
    }
    response = staff_client.post(admin_url(Article, "add"), data)
    assert response.status_code == 302
    article = Article.objects.get()
    for text in (article.body_bg, article.body_en):
        for bad in ("<script", "onclick", "onerror", "javascript:", "<img", "<iframe"):
            assert bad not in text
    assert article.body_bg == '<p>Здравей<a>връзка</a><a href="https://smolyan.bg/">община</a></p>'
    assert article.body_en == "<p>Hello</p>"


def test_a_bulgarian_title_is_required(staff_client):
    data = _add_form(staff_client, "bg") | {"title_en": "Only English", "summary_bg": "Р."}
    response = staff_client.post(admin_url(Article, "add"), data, HTTP_ACCEPT_LANGUAGE="bg")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["title_bg"] == ["Това поле е задължително."]


def test_a_duplicate_slug_is_refused_in_the_editors_language(staff_client):
    make_article(slug_en="news-from-smolyan")
    data = _add_form(staff_client, "bg") | {
        "title_bg": "Новини",
        "summary_bg": "Резюме.",
        "slug_en": "news-from-smolyan",
    }
    response = staff_client.post(admin_url(Article, "add"), data, HTTP_ACCEPT_LANGUAGE="bg")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug_en"] == [
        "Друг запис от вида „новина“ вече използва този адрес на английски."
    ]
    response = staff_client.post(admin_url(Article, "add"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.context["adminform"].form.errors["slug_en"] == [
        "Another article already uses this address in English."
    ]


def test_preview_in_either_language(staff_client):
    article = make_article(title_bg="Смолян", title_en="Smolyan")
    with translation.override("en"):
        en_url = reverse("news:article-detail", kwargs={"slug": "smolyan"})
    html = staff_client.get(admin_url(article, "change"), HTTP_ACCEPT_LANGUAGE="bg").content
    html = html.decode()
    assert (
        '<a href="/bg/novini/smolyan/" class="viewsitelink previewlink" hreflang="bg">'
        "Преглед: български</a>" in html
    )
    assert (
        f'<a href="{en_url}" class="viewsitelink previewlink" hreflang="en">Преглед: английски</a>'
        in html
    )
    listing = staff_client.get(admin_url(Article)).content.decode()
    assert '<a href="/bg/novini/smolyan/" hreflang="bg" title="Bulgarian">BG</a>' in listing


def test_no_english_link_without_an_english_address(staff_client):
    article = make_article(title_en="", summary_en="", slug_en="")
    html = staff_client.get(admin_url(article, "change")).content.decode()
    assert f'href="/bg/novini/{article.slug_bg}/"' in html
    assert 'hreflang="en"' not in html


def test_list_shows_each_languages_state(staff_client):
    make_article(title_bg="Пълна", title_en="Complete")
    make_article(title_bg="Само на български", title_en="", summary_en="")
    stale = make_article(title_bg="Остаряла", title_en="Out of date")
    stale.body_bg = "<p>Нов абзац.</p>"
    stale.save()
    response = staff_client.get(admin_url(Article), HTTP_ACCEPT_LANGUAGE="en")
    assert len(response.context["results"]) == 3
    html = response.content.decode()
    assert html.count('">✓</span>') == 4
    assert html.count('">✗</span>') == 1
    assert html.count('<span aria-hidden="true" title="Text">⚠</span>') == 1
    assert '<span class="visually-hidden">out of date: Text</span>' in html
    assert '<span class="visually-hidden">not translated: Title, Summary</span>' in html
    assert 'class="column-translation_en"' in html


def test_search_finds_either_language(staff_client):
    make_article(title_bg="Зелен град", title_en="Green city")
    make_article(title_bg="Друго", title_en="Other")
    for term in ("Зелен", "Green"):
        response = staff_client.get(admin_url(Article), {"q": term})
        assert response.context["cl"].result_count == 1


def test_filters_by_project_and_year(staff_client):
    project = make_project()
    linked = make_article()
    linked.projects.add(project)
    make_article()
    response = staff_client.get(admin_url(Article), {"projects__id__exact": project.pk})
    assert list(response.context["cl"].result_list) == [linked]
    year = linked.published_at.year
    response = staff_client.get(admin_url(Article), {"published_at__year": year})
    assert response.context["cl"].result_count == 2
