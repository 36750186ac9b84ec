"""The Translations page, its filters and counts, and the change form's states and review."""

import re

import pytest
from django.utils import translation
from reversion.models import Version

from tests.admin_support import admin_url, form_data, make_editor
from tests.factories import make_article, make_meeting, make_partner, make_project, make_session

pytestmark = pytest.mark.django_db

PAGE = "/admin/publishing/fieldtranslation/"


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def edit(obj, **changes):
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def rows(response):
    html = response.content.decode()
    return re.findall(
        r'<tr class="translations-page__(\w+)">\s*<th scope="row"><a href="([^"]+)">([^<]+)</a>',
        html,
    )


@pytest.fixture
def content():
    project = make_project(title_bg="Проект А", title_en="Project A")
    stale = make_article(title_bg="Остаряла", title_en="Out of date")
    stale.projects.add(project)
    edit(stale, body_bg="<p>Текст.</p><p>Нов абзац.</p>")
    missing = make_article(title_bg="Без превод", title_en="", summary_en="")
    meeting = make_meeting(title_bg="Среща", title_en="Meeting", project=project)
    session = make_session(meeting, title_bg="Откриване", title_en="Opening")
    edit(session, title_en="The opening")
    make_article(title_bg="Пълна", title_en="Complete")
    return {"project": project, "stale": stale, "missing": missing, "meeting": meeting}


def test_the_page_lists_missing_and_stale_items_newest_first_with_links_and_fields(
    editor_client, content
):
    response = editor_client.get(PAGE, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    found = rows(response)
    stale, missing, meeting = content["stale"], content["missing"], content["meeting"]
    assert found == [
        ("stale", f"/admin/events/meeting/{meeting.pk}/change/?language=bg", "Meeting"),
        ("missing", f"/admin/news/article/{missing.pk}/change/?language=en", "Без превод"),
        ("stale", f"/admin/news/article/{stale.pk}/change/?language=en", "Out of date"),
    ]
    html = response.content.decode()
    assert "Session “The opening”: Title" in html
    assert "Title, Summary" in html
    assert "Complete" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"model": "events.meeting"}, ["Meeting"]),
        ({"language": "en"}, ["Без превод", "Out of date"]),
        ({"language": "bg"}, ["Meeting"]),
        ({"state": "missing"}, ["Без превод"]),
        ({"state": "stale", "language": "en"}, ["Out of date"]),
        ({"project": "project"}, ["Meeting", "Out of date"]),
    ],
)
def test_the_page_filters_by_model_project_language_and_state(
    editor_client, content, query, expected
):
    if query.get("project") == "project":
        query = {"project": content["project"].pk}
    response = editor_client.get(PAGE, query, HTTP_ACCEPT_LANGUAGE="en")
    assert sorted(row[2] for row in rows(response)) == sorted(expected)


def test_the_index_counts_what_needs_translating(editor_client, content):
    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    block = html[html.index('id="attention-module"') : html.index("</table>")]
    assert f'<a href="{PAGE}?language=en&amp;state=missing">Missing in English: 1</a>' in block
    assert f'<a href="{PAGE}?language=en&amp;state=stale">Out of date in English: 1</a>' in block
    assert f'<a href="{PAGE}?language=bg&amp;state=stale">Out of date in Bulgarian: 1</a>' in block
    assert '<a href="/admin/news/article/?english=stale">English out of date: 1</a>' in block


def test_the_changelist_filters_by_each_languages_state(editor_client, content):
    response = editor_client.get(admin_url(content["stale"]), {"english": "stale"})
    assert list(response.context["cl"].result_list) == [content["stale"]]
    response = editor_client.get(admin_url(content["meeting"]), {"bulgarian": "stale"})
    assert list(response.context["cl"].result_list) == [content["meeting"]]


def test_the_language_filters_are_named_as_the_other_filters_are(editor_client, content):
    html = editor_client.get(admin_url(content["meeting"]), HTTP_ACCEPT_LANGUAGE="bg").text
    # Django writes "По %(title)s": a title in lower case, as "По състояние".
    assert "По текст на английски" in html
    assert "По Текст" not in html


def test_the_form_marks_the_tab_shows_the_diff_and_review_clears_it_in_the_history(
    editor_client, content
):
    article = content["stale"]
    response = editor_client.get(
        admin_url(article, "change") + "?language=en", HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert "Out of date in English:" in html
    assert "<ins>" in html and "Нов абзац" in html
    marks = response.context["translation_marks"]
    assert {"part": "", "pk": article.pk, "name": "body_en", "state": "stale"}.items() <= marks[
        0
    ].items()
    assert 'id="translation-open-language" data-language="en"' in html

    review = re.search(r'<form method="post" action="([^"]+/reviewed/)"', html).group(1)
    response = editor_client.post(review, HTTP_ACCEPT_LANGUAGE="bg")
    assert response.status_code == 302
    assert response["Location"].endswith("?language=en")
    html = editor_client.get(admin_url(article, "change")).content.decode()
    assert "translation-status" not in html
    article.refresh_from_db()
    assert article.body_en.startswith("<p>Text of news item")
    with translation.override("bg"):
        comment = Version.objects.get_for_object(article).first().revision.get_comment()
    assert comment == "Текстът на английски е отбелязан като прегледан: Текст."


def test_a_review_needs_a_post_and_the_right_to_change(client, content):
    article = content["stale"]
    url = admin_url(article, "change") + "translation/en/reviewed/"
    client.force_login(make_editor())
    assert client.get(url).status_code == 405
    assert client.post(admin_url(article, "change") + "translation/xx/reviewed/").status_code == 404


def test_history_names_fields_by_their_labels_and_never_the_edit_token(editor_client):
    article = make_article()
    response = editor_client.get(admin_url(article, "change"), HTTP_ACCEPT_LANGUAGE="bg")
    data = form_data(response) | {"title_en": "A new title"}
    editor_client.post(admin_url(article, "change"), data, HTTP_ACCEPT_LANGUAGE="bg")
    html = editor_client.get(admin_url(article, "history"), HTTP_ACCEPT_LANGUAGE="bg").content
    html = html.decode()
    assert "Заглавие (английски)" in html
    assert "token" not in html.lower().replace("csrfmiddlewaretoken", "")


def test_delete_confirmation_names_linked_rows_by_their_titles(editor_client):
    meeting = make_meeting(title_bg="Среща в Смолян")
    meeting.participants.add(make_partner(name_bg="Тронхайм"))
    html = editor_client.get(admin_url(meeting, "delete"), HTTP_ACCEPT_LANGUAGE="bg").content
    html = html.decode()
    assert "object (" not in html
    assert "Среща в Смолян – Тронхайм" in html


def test_the_lockout_models_have_bulgarian_names(client):
    from tests.factories import make_user

    client.force_login(make_user(superuser=True))
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="bg").content.decode()
    assert "Опити за вход" in html
    assert "Access attempts" not in html
