"""One definition of "translated": the admin's columns, hreflang links and the sitemap agree.

One table of cases, each asserted against all three, and against the query the lists use.
"""

import re

import pytest
from django.utils import translation

from events.models import Meeting
from news.models import Article, ArticleImage
from publishing.translations import translated_languages, translated_q
from tests.factories import (
    make_article,
    make_image_file,
    make_meeting,
    make_session,
    make_site_visit,
    make_user,
)
from tests.test_sitemap import sitemap

pytestmark = pytest.mark.django_db


def full_article():
    return make_article()


def english_title_only():
    return make_article(title_en="Only the title", summary_en="", body_en="")


def english_without_its_body():
    return make_article(summary_en="A summary in English", body_en="")


def no_english():
    return make_article(title_en="", summary_en="", body_en="")


def body_written_in_english_first():
    return make_article(body_bg="")


def caption_without_english():
    article = make_article()
    ArticleImage.objects.create(
        article=article,
        image=make_image_file(),
        caption_bg="Площадът",
        caption_en="",
        image_alt_bg="Площад",
        image_alt_en="A square",
    )
    return article


def session_without_english():
    meeting = make_meeting()
    make_session(meeting, title_bg="Откриване", title_en="")
    return meeting


def site_visit_without_english():
    meeting = make_meeting()
    make_site_visit(meeting, title_bg="Басейнът", title_en="", place_bg="Смолян", place_en="")
    return meeting


def meeting_with_its_programme():
    meeting = make_meeting()
    make_session(meeting, title_bg="Откриване", title_en="Opening")
    return meeting


CASES = [
    (full_article, ["bg", "en"]),
    (english_title_only, ["bg"]),
    (english_without_its_body, ["bg"]),
    (no_english, ["bg"]),
    (body_written_in_english_first, ["en"]),
    (caption_without_english, ["bg"]),
    (session_without_english, ["bg"]),
    (site_visit_without_english, ["bg"]),
    (meeting_with_its_programme, ["bg", "en"]),
]


def admin_marks(client, item):
    """The admin list's column of each language for the item: "✓" or "✗"."""
    opts = item._meta
    response = client.get(f"/admin/{opts.app_label}/{opts.model_name}/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    row = re.search(rf"<tr>(?:(?!</tr>).)*?/{item.pk}/change/(?:(?!</tr>).)*</tr>", html, re.S)
    marks = {}
    for code in ("bg", "en"):
        cell = re.search(rf'<td class="field-translation_{code}">(.*?)</td>', row.group(0), re.S)
        marks[code] = "✗" if "✗" in cell.group(1) else "✓"
    return marks


def hreflang_languages(client, item):
    with translation.override("bg"):
        url = item.get_absolute_url()
    html = client.get(url).content.decode()
    return re.findall(r'<link rel="alternate" hreflang="(\w+)"', html)


def sitemap_languages(client, item):
    entries = sitemap(client)
    found = set()
    for code in ("bg", "en"):
        with translation.override(code):
            location = f"http://testserver{item.get_absolute_url()}"
        if location in entries:
            found.add(code)
    return sorted(found)


@pytest.mark.parametrize(("build", "expected"), CASES, ids=[build.__name__ for build, _ in CASES])
def test_one_definition_drives_the_admin_hreflang_and_the_sitemap(client, build, expected):
    item = build()
    assert translated_languages(type(item).objects.get(pk=item.pk)) == expected
    for code in ("bg", "en"):
        found = type(item).objects.filter(translated_q(type(item), code), pk=item.pk).exists()
        assert found == (code in expected), code

    assert hreflang_languages(client, item) == expected
    assert sitemap_languages(client, item) == expected

    client.force_login(make_user(superuser=True))
    marks = admin_marks(client, item)
    assert marks == {code: "✓" if code in expected else "✗" for code in ("bg", "en")}


def test_the_query_agrees_with_the_objects_over_all_the_cases():
    items = [build() for build, _expected in CASES]
    for model in (Article, Meeting):
        for code in ("bg", "en"):
            found = set(model.objects.filter(translated_q(model, code)))
            assert found == {
                item for item in items if type(item) is model and code in translated_languages(item)
            }, (model, code)
